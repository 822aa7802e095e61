package tradeoffbench.results;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The target columns of a row: which server(s) it measured, how they were reached, their version and the settings
 * read from them. A benchmark on two engines joins their values with {@code +}; settings of several are prefixed by
 * the engine's key ({@code pg.fsync}).
 */
public record Target(String name, String mode, String version, SortedMap<String, String> settings) {
    public static final String FAKE_MODE = "fake";

    public Target {
        settings = new TreeMap<>(settings == null ? Map.of() : settings);
        name = name == null ? "" : name;
        mode = mode == null ? "" : mode;
        version = version == null ? "" : version;
    }

    public static Target none() {
        return new Target("none", "", "", new TreeMap<>());
    }

    /** True when any server of the row was the in-memory test fake: no number from it means anything. */
    public boolean isFake() {
        return java.util.List.of(mode.split("\\+")).contains(FAKE_MODE);
    }

    public String setting(String key) {
        return settings.get(key);
    }
}
