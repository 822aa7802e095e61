package tradeoffbench.atomicity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import tradeoffbench.dataset.CopyStream;
import tradeoffbench.dataset.DatasetFingerprint;
import tradeoffbench.dataset.PostgresDatasetRegistry;

/**
 * The accounts table in PostgreSQL ({@code accounts_1000}): every SQL statement of this family, named, and the
 * loading (COPY, recorded with its fingerprint in {@code tb_datasets} like every dataset), restoring and totalling of
 * balances. {@code version} counts the writes to a row: a variant that writes absolute balances uses it to see the
 * writes it overwrote.
 */
public final class PostgresAccounts {
    static final String CREATE_TABLE = """
            CREATE TABLE %s (
                id              bigint PRIMARY KEY,
                balance         bigint NOT NULL,
                initial_balance bigint NOT NULL,
                version         bigint NOT NULL)""";
    static final String COPY = "COPY %s (id, balance, initial_balance, version) FROM STDIN";

    /** Every balance back to its initial value, write counters to zero. */
    static final String RESET = """
            UPDATE %s SET balance = initial_balance, version = 0
            WHERE balance <> initial_balance OR version <> 0""";
    static final String VACUUM = "VACUUM (ANALYZE) %s";
    /** The invariant: the sum of balances against the sum of initial balances (and the row count). */
    static final String TOTALS = "SELECT sum(balance), sum(initial_balance), count(*) FROM %s";
    /** The auditor's read: one statement, one snapshot. */
    static final String SUM = "SELECT sum(balance) FROM %s";

    /** oneStatement: one UPDATE moves the money, atomic on its own (parameters: from, amount, amount, from, to). */
    static final String TRANSFER_IN_ONE_STATEMENT = """
            UPDATE %s SET balance = balance + CASE WHEN id = ? THEN -?::bigint ELSE ?::bigint END,
                          version = version + 1
            WHERE id IN (?, ?)""";
    /** One leg of a transfer as a relative update (parameters: delta, id). */
    static final String ADD_TO_BALANCE = "UPDATE %s SET balance = balance + ?, version = version + 1 WHERE id = ?";
    /** Read both balances with their versions (parameters: from, to). */
    static final String READ_TWO = "SELECT id, balance, version FROM %s WHERE id IN (?, ?) ORDER BY id";
    /** The same read, locking both rows in id order until the transaction ends. */
    static final String READ_TWO_FOR_UPDATE = READ_TWO + " FOR UPDATE";
    /** Write back a balance computed by the client (parameters: balance, id); returns the version after it. */
    static final String WRITE_BALANCE =
            "UPDATE %s SET balance = ?, version = version + 1 WHERE id = ? RETURNING version";

    /** Session settings, bound as values so a bad one is the server's one-line complaint, never injected SQL. */
    static final String SET_CONFIG = "SELECT set_config(?, ?, false)";
    static final String SHOW = "SELECT current_setting(?)";


    private PostgresAccounts() {
    }

    /** Loads the accounts unless an identical table is there already. Returns true when it loaded. */
    public static boolean ensure(Connection connection, Accounts accounts) throws SQLException {
        DatasetFingerprint fingerprint = accounts.fingerprint();
        String table = fingerprint.name();
        return PostgresDatasetRegistry.ensure(connection, table, fingerprint.value(),
                c -> PostgresDatasetRegistry.isLoaded(c, fingerprint), c -> {
                    try (Statement statement = c.createStatement()) {
                        statement.execute("DROP TABLE IF EXISTS " + table);
                        statement.execute(CREATE_TABLE.formatted(table));
                    }
                    return copy(c, accounts);
                });
    }

    private static long copy(Connection connection, Accounts accounts) throws SQLException {
        String table = accounts.fingerprint().name();
        try (CopyStream copy = CopyStream.open(connection, COPY.formatted(table))) {
            for (long id = 1; id <= accounts.count(); id++) {
                long balance = accounts.initialBalance(id);
                copy.line().append(id).append('\t').append(balance).append('\t').append(balance).append("\t0\n");
            }
            return copy.end();
        }
    }

    /** Puts every balance back to its initial value and vacuums, so every iteration starts from the same table. */
    public static void reset(Connection connection, Accounts accounts) throws SQLException {
        String table = accounts.fingerprint().name();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(RESET.formatted(table));
            statement.execute(VACUUM.formatted(table));
        }
    }

    /** The money in the table now, and the money it started with. */
    public record Totals(long balance, long initial, long rows) {
    }

    public static Totals totals(Connection connection, Accounts accounts) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(TOTALS.formatted(accounts.fingerprint().name()))) {
            rs.next();
            return new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3));
        }
    }

    /** Sets one session setting; the server's refusal becomes a one-line error naming the setting and value. */
    static void setSession(Connection connection, String setting, String value, String label) {
        try (PreparedStatement set = connection.prepareStatement(SET_CONFIG)) {
            set.setString(1, setting);
            set.setString(2, value);
            set.execute();
        } catch (SQLException e) {
            throw new IllegalArgumentException("PostgreSQL does not accept " + label + ": "
                    + oneLine(e.getMessage()));
        }
    }

    static String show(Connection connection, String setting) throws SQLException {
        try (PreparedStatement show = connection.prepareStatement(SHOW)) {
            show.setString(1, setting);
            try (ResultSet rs = show.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    static String oneLine(String message) {
        return message == null ? "no message" : message.replaceAll("\\s+", " ").trim();
    }
}
