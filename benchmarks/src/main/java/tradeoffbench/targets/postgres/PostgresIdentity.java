package tradeoffbench.targets.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.TreeMap;

import tradeoffbench.targets.Endpoint;
import tradeoffbench.targets.Engine;
import tradeoffbench.targets.Jdbc;
import tradeoffbench.targets.Secrets;
import tradeoffbench.targets.TargetException;
import tradeoffbench.targets.TargetMode;

/** Reads a PostgreSQL server's identity (version and the settings that decide results) from the server itself. */
public final class PostgresIdentity {

    /** Settings recorded with every number measured on a PostgreSQL server. */
    static final List<String> RECORDED_SETTINGS = List.of(
            "fsync", "synchronous_commit", "full_page_writes", "wal_sync_method", "shared_buffers",
            "default_transaction_isolation", "max_connections", "work_mem", "jit");

    private PostgresIdentity() {
    }

    /** Connects once, reads version and settings, and returns the endpoint. */
    public static Endpoint read(TargetMode mode, String jdbcUrl, String user, String password) {
        try (Connection connection = Jdbc.connect(jdbcUrl, user, password)) {
            TreeMap<String, String> settings = new TreeMap<>();
            String version;
            try (PreparedStatement statement = connection.prepareStatement("SELECT current_setting(?)")) {
                for (String name : RECORDED_SETTINGS) {
                    statement.setString(1, name);
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        settings.put(name, rs.getString(1));
                    }
                }
                statement.setString(1, "server_version");
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    version = rs.getString(1).split(" ")[0];
                }
            }
            return new Endpoint(Engine.POSTGRESQL, mode, jdbcUrl, user, password, version, settings);
        } catch (SQLException e) {
            throw new TargetException("cannot reach PostgreSQL at " + Secrets.mask(jdbcUrl, password) + ": "
                    + oneLine(Secrets.mask(e.getMessage(), password)), e);
        }
    }

    public static String oneLine(String message) {
        if (message == null) {
            return "no message";
        }
        return message.replaceAll("\\s+", " ").trim();
    }
}
