package tradeoffbench.targets.postgres;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The durability settings every PostgreSQL server started by this harness gets, stated rather than inherited:
 * both Testcontainers (fsync=off) and zonky (fsync=off, synchronous_commit=off, full_page_writes=off) weaken
 * them by default, which makes every commit look cheaper than on a real server.
 */
public final class PostgresDurability {

    private PostgresDurability() {
    }

    /** Server settings applied at start, in the order they are passed as {@code -c name=value}. */
    public static Map<String, String> serverSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("fsync", "on");
        settings.put("synchronous_commit", "on");
        settings.put("full_page_writes", "on");
        // Modest and explicit, so N servers side by side (sharding) fit on a small machine.
        settings.put("shared_buffers", "128MB");
        settings.put("max_connections", "100");
        return settings;
    }

    /** {@code postgres -c fsync=on -c ...}: the container command with these settings. */
    public static String[] containerCommand() {
        var command = new java.util.ArrayList<String>();
        command.add("postgres");
        serverSettings().forEach((k, v) -> {
            command.add("-c");
            command.add(k + "=" + v);
        });
        return command.toArray(String[]::new);
    }
}
