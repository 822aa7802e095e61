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
        return read(Engine.POSTGRESQL, mode, jdbcUrl, user, password);
    }

    /** The same for an engine that speaks PostgreSQL's protocol and settings (Citus). */
    public static Endpoint read(Engine engine, TargetMode mode, String jdbcUrl, String user, String password) {
        long start = System.nanoTime();
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
            return new Endpoint(engine, mode, jdbcUrl, user, password, version, settings);
        } catch (SQLException e) {
            String why = oneLine(Secrets.mask(e.getMessage(), password));
            if (Jdbc.timedOut(e, start)) {
                why = "timed out after " + Math.max(1, Math.round((System.nanoTime() - start) / 1e9))
                        + " s: the server accepted the connection but did not "
                        + "answer as PostgreSQL (" + why + ")";
            }
            throw new TargetException("cannot reach PostgreSQL at " + Secrets.mask(jdbcUrl, password) + ": " + why, e);
        }
    }

    /**
     * The harness creates its own tables in the database it is given; a user who may not is told so before any
     * benchmark starts, not by a stack trace from inside a fork. A user without CREATE may still reuse datasets an
     * earlier run loaded (tb_datasets exists): then only a warning.
     */
    public static void checkCanCreate(Endpoint endpoint) {
        try (Connection c = endpoint.connect();
             ResultSet rs = c.createStatement().executeQuery("SELECT current_user, current_schema(), "
                     + "has_schema_privilege(current_schema(), 'CREATE'), to_regclass('tb_datasets') IS NOT NULL")) {
            rs.next();
            String user = rs.getString(1);
            String schema = rs.getString(2);
            if (schema == null) {
                throw new TargetException("PostgreSQL user " + user + " has no schema to create tables in (empty "
                        + "search_path): set one, or use a database of its own");
            }
            if (!rs.getBoolean(3)) {
                if (rs.getBoolean(4)) {
                    System.err.println("warning: PostgreSQL user " + user + " may not create tables in schema "
                            + schema + "; only datasets already loaded there can be used");
                    return;
                }
                throw new TargetException("PostgreSQL user " + user + " may not create tables in schema " + schema
                        + " (the harness loads its datasets there): GRANT CREATE ON SCHEMA " + schema + " TO " + user
                        + ", or name a database of its own");
            }
        } catch (SQLException e) {
            throw new TargetException("cannot check what PostgreSQL user " + endpoint.user() + " may do: "
                    + oneLine(Secrets.mask(e.getMessage(), endpoint.password())), e);
        }
    }

    public static String oneLine(String message) {
        if (message == null) {
            return "no message";
        }
        return message.replaceAll("\\s+", " ").trim();
    }
}
