package tradeoffbench.targets;

import java.util.Locale;

/** A database engine a benchmark can run against. */
public enum Engine {
    POSTGRESQL("pg"),
    MONGODB("mongo");

    private final String key;

    Engine(String key) {
        this.key = key;
    }

    /** Short key used in option names, property names and file names: {@code pg}, {@code mongo}. */
    public String key() {
        return key;
    }

    /** Lower-case name as it appears in result rows: {@code postgresql}, {@code mongodb}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
