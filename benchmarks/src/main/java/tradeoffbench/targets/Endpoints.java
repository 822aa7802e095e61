package tradeoffbench.targets;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The endpoints of one run, keyed by name: an engine's main server by its key ({@code pg}, {@code mongo}), the
 * servers of a {@link Sharded} benchmark as {@code <key>.shard<i>} ({@code pg.shard1}). {@link #name} and
 * {@link #shardName} are the only places that spell these names.
 *
 * <p>The launching JVM provisions the servers and writes this set to a private file (mode 600); each JMH fork gets
 * only the file's path as {@code -Dtradeoffbench.endpoints=...}. Passing the path, not the URLs, keeps passwords
 * out of the fork's command line, which JMH prints.
 */
public final class Endpoints {
    /** System property naming the endpoints file in a JMH fork. */
    public static final String PROPERTY = "tradeoffbench.endpoints";
    private static final String SHARD = ".shard";

    private final Map<String, Endpoint> byName;

    public Endpoints(Map<String, Endpoint> byName) {
        this.byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
    }

    public Map<String, Endpoint> all() {
        return byName;
    }

    /** The endpoint name of an engine's main server: its key. */
    public static String name(Engine engine) {
        return engine.key();
    }

    /** The endpoint name of shard {@code index} (0-based) of an engine's sharded benchmarks. */
    public static String shardName(Engine engine, int index) {
        return engine.key() + SHARD + index;
    }

    /** True for an engine's main server, false for a shard. */
    public static boolean isMain(String name) {
        return !name.contains(SHARD);
    }

    /**
     * The first {@code count} shard servers of an engine, in shard order, or a clear error when the run provisioned
     * fewer (the launcher provisions the largest shard count among the selected runs).
     */
    public java.util.List<Endpoint> shards(Engine engine, int count) {
        java.util.List<Endpoint> shards = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = shardName(engine, i);
            Endpoint endpoint = byName.get(name);
            if (endpoint == null) {
                throw new IllegalStateException(count + " " + engine.displayName() + " shards need " + name
                        + ", but this run has only these servers: " + byName.keySet());
            }
            shards.add(endpoint);
        }
        return shards;
    }

    public Optional<Endpoint> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The main endpoint of an engine, named by its key ({@code pg}, {@code mongo}). */
    public Optional<Endpoint> find(Engine engine) {
        return find(engine.key());
    }

    /** The main endpoint of an engine, or a clear error for a benchmark that was started without it. */
    public Endpoint require(Engine engine) {
        return find(engine).orElseThrow(() -> new IllegalStateException(
                "no " + engine.label() + " target in this run (endpoints: " + byName.keySet() + ")"));
    }

    /** Reads the endpoints named by the system property; fails clearly when a benchmark runs outside the harness. */
    public static Endpoints current() {
        String path = System.getProperty(PROPERTY);
        if (path == null || path.isBlank()) {
            throw new IllegalStateException("system property " + PROPERTY + " is not set: run benchmarks through "
                    + "the tradeoff-bench command, which provisions the databases and passes their endpoints");
        }
        return read(Path.of(path));
    }

    public static Endpoints read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read endpoints file " + file, e);
        }
        Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        String names = properties.getProperty("names", "");
        for (String name : names.isEmpty() ? new String[0] : names.split(",")) {
            String p = name + ".";
            TreeMap<String, String> settings = new TreeMap<>();
            properties.stringPropertyNames().stream()
                    .filter(k -> k.startsWith(p + "setting."))
                    .forEach(k -> settings.put(k.substring((p + "setting.").length()), properties.getProperty(k)));
            endpoints.put(name, new Endpoint(
                    Engine.valueOf(properties.getProperty(p + "engine")),
                    TargetMode.valueOf(properties.getProperty(p + "mode")),
                    properties.getProperty(p + "url"),
                    properties.getProperty(p + "user"),
                    properties.getProperty(p + "password"),
                    properties.getProperty(p + "version"),
                    settings));
        }
        return new Endpoints(endpoints);
    }

    /** Writes the set to a file readable by the owner only. */
    public void write(Path file) {
        Properties properties = new Properties();
        properties.setProperty("names", String.join(",", byName.keySet()));
        byName.forEach((name, e) -> {
            String p = name + ".";
            properties.setProperty(p + "engine", e.engine().name());
            properties.setProperty(p + "mode", e.mode().name());
            properties.setProperty(p + "url", e.url());
            if (e.user() != null) {
                properties.setProperty(p + "user", e.user());
            }
            if (e.password() != null) {
                properties.setProperty(p + "password", e.password());
            }
            properties.setProperty(p + "version", e.version() == null ? "unknown" : e.version());
            e.settings().forEach((k, v) -> properties.setProperty(p + "setting." + k, v));
        });
        try {
            Files.deleteIfExists(file);
            Files.createFile(file);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file lives in the user's temp folder, which is private already.
            }
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(writer, "tradeoff-bench endpoints of one run; deleted when the run ends");
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write endpoints file " + file, ex);
        }
    }
}
