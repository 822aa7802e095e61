package tradeoffbench.dataset;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import tradeoffbench.tx.TransactionRunner;

/**
 * {@code public.tb_datasets}: which generated dataset each table (or schema) holds, so an identical dataset is
 * reused instead of loaded again, and {@link #ensure}, the one way every PostgreSQL loader of every family loads:
 * one transaction (owned by {@link TransactionRunner}) that takes the dataset's advisory lock (serializing
 * concurrent loaders of one dataset: forks, several runs against one external server), asks whether it is there,
 * and otherwise loads it and records it.
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
    static final String TABLE_EXISTS = "SELECT to_regclass(?) IS NOT NULL";

    private PostgresDatasetRegistry() {
    }

    /** Is the dataset there already? Asked under the lock, inside the loading transaction. */
    @FunctionalInterface
    public interface Check {
        boolean loaded(Connection connection) throws SQLException;
    }

    /** Loads the dataset (drop, create, COPY, index) and returns the row count to record. */
    @FunctionalInterface
    public interface Load {
        long load(Connection connection) throws Exception;
    }

    /**
     * Loads the dataset {@code name} unless {@code check} finds it, in one transaction under its advisory lock, and
     * records {@code fingerprint} for it. Returns true when it loaded. The connection is back in autocommit after.
     */
    public static boolean ensure(Connection connection, String name, String fingerprint, Check check, Load load)
            throws SQLException {
        try {
            return TransactionRunner.jdbc(connection).inTransaction(() -> {
                lock(connection, name);
                if (check.loaded(connection)) {
                    announceReuse(connection, name);
                    return false;
                }
                long rows = load.load(connection);
                record(connection, name, fingerprint, rows);
                return true;
            });
        } catch (SQLException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("loading " + name + " failed: " + e.getMessage(), e);
        }
    }

    /** "reusing dataset users_1000000 (1,000,000 rows, loaded 2026-12-01 10:02)": said once per run by the launcher. */
    private static void announceReuse(Connection connection, String name) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT row_count, to_char(loaded_at, "
                + "'YYYY-MM-DD HH24:MI TZ'), (extract(epoch FROM loaded_at) * 1000)::bigint FROM public.tb_datasets "
                + "WHERE name = ?")) {
            s.setString(1, name);
            long runStarted = Long.getLong(Announce.RUN_STARTED_PROPERTY, Long.MAX_VALUE);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next() && rs.getLong(3) < runStarted) {
                    Announce.line(String.format(java.util.Locale.ROOT, "reusing dataset %s (%,d rows, loaded %s)",
                            name, rs.getLong(1), rs.getString(2)));
                }
            }
        }
    }

    /** Creates the registry if needed and takes the dataset's transaction-scoped advisory lock. */
    static void lock(Connection connection, String name) throws SQLException {
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
    static void record(Connection connection, String name, String fingerprint, long rows) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setString(1, name);
            upsert.setString(2, fingerprint);
            upsert.setLong(3, rows);
            upsert.executeUpdate();
        }
    }

    /** Does a table (or {@code schema.table}) exist? */
    public static boolean exists(Connection connection, String table) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement(TABLE_EXISTS)) {
            exists.setString(1, table);
            try (ResultSet rs = exists.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** The row count of a table, or -1 when it does not exist (a recorded table someone dropped). */
    public static long rowCount(Connection connection, String table) throws SQLException {
        if (!exists(connection, table)) {
            return -1;
        }
        try (Statement count = connection.createStatement();
             ResultSet rs = count.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
