package tradeoffbench.targets;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A database engine a benchmark can run against. Each constant is the engine's whole registration: its short key
 * and the class that knows how to reach it ({@link EngineTarget}). The class is named, not imported, so this package
 * does not depend on the engines' own packages (they depend on it); {@code EnginesTest} checks every name.
 */
public enum Engine {
    POSTGRESQL("pg", "PostgreSQL", "tradeoffbench.targets.postgres.PostgresTarget"),
    MONGODB("mongo", "MongoDB", "tradeoffbench.targets.mongo.MongoTarget"),
    CITUS("citus", "Citus", "tradeoffbench.targets.citus.CitusTarget"),
    MONGOS("mongos", "MongoDB sharded cluster", "tradeoffbench.targets.mongo.MongosTarget");

    private static final Map<Engine, EngineTarget> TARGETS = new ConcurrentHashMap<>();

    private final String key;
    private final String displayName;
    private final String targetClass;

    Engine(String key, String displayName, String targetClass) {
        this.key = key;
        this.displayName = displayName;
        this.targetClass = targetClass;
    }

    /** The name people write: {@code PostgreSQL}, {@code MongoDB}. */
    public String displayName() {
        return displayName;
    }

    /** Short key used in option names, property names and endpoint names: {@code pg}, {@code mongo}. */
    public String key() {
        return key;
    }

    /** Lower-case name as it appears in result rows: {@code postgresql}, {@code mongodb}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How this engine is resolved, started and identified (one instance per JVM). */
    public EngineTarget target() {
        return TARGETS.computeIfAbsent(this, e -> {
            try {
                Object target = Class.forName(e.targetClass).getConstructor().newInstance();
                return (EngineTarget) target;
            } catch (ReflectiveOperationException | ClassCastException ex) {
                throw new IllegalStateException("engine " + e.label() + ": cannot create " + e.targetClass, ex);
            }
        });
    }
}
