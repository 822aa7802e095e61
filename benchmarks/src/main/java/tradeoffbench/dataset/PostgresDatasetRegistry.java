package tradeoffbench.dataset;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * {@code public.tb_datasets}: which generated dataset each table (or schema) holds, so an identical dataset is
 * reused instead of loaded again. Every PostgreSQL loader of every family goes through here, inside the
 * transaction that loads: {@link #lock} first (serializes concurrent loaders of one dataset: forks, several runs
 * against one external server), then {@link #matches}, then load and {@link #record}.
 */
public final class PostgresDatasetRegistry {
    static final String CREATE = """
            CREATE TABLE IF NOT EXISTS public.tb_datasets (
                name        text PRIMARY KEY,
                fingerprint text NOT NULL,
                row_count   bigint NOT NULL,
                loaded_at   timestamptz NOT NULL DEFAULT now())""";
    static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('tradeoffbench:' || ?))";
    static final String FIND = "SELECT fingerprint, row_count FROM public.tb_datasets WHERE name = ?";
    static final String UPSERT = """
            INSERT INTO public.tb_datasets (name, fingerprint, row_count) VALUES (?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET fingerprint = excluded.fingerprint,
                row_count = excluded.row_count, loaded_at = now()""";

    private PostgresDatasetRegistry() {
    }

    /** Creates the registry if needed and takes the dataset's transaction-scoped advisory lock. */
    public static void lock(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(CREATE);
        }
        try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
            lock.setString(1, name);
            lock.execute();
        }
    }

    /** Is the dataset recorded under this name with this fingerprint and row count? */
    public static boolean matches(Connection connection, String name, String fingerprint, long rows)
            throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(FIND)) {
            find.setString(1, name);
            try (ResultSet rs = find.executeQuery()) {
                return rs.next() && rs.getString(1).equals(fingerprint) && rs.getLong(2) == rows;
            }
        }
    }

    /** The table named by the fingerprint is recorded with it and still holds that many rows. */
    public static boolean isLoaded(Connection connection, DatasetFingerprint fingerprint) throws SQLException {
        return matches(connection, fingerprint.name(), fingerprint.value(), fingerprint.size())
                && rowCount(connection, fingerprint.name()) == fingerprint.size();
    }

    /** Records (or replaces) what the named table or schema now holds. */
    public static void record(Connection connection, String name, String fingerprint, long rows) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setString(1, name);
            upsert.setString(2, fingerprint);
            upsert.setLong(3, rows);
            upsert.executeUpdate();
        }
    }

    /** The row count of a table, or -1 when it does not exist (a recorded table someone dropped). */
    public static long rowCount(Connection connection, String table) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            exists.setString(1, table);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return -1;
                }
            }
        }
        try (Statement count = connection.createStatement();
             ResultSet rs = count.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
