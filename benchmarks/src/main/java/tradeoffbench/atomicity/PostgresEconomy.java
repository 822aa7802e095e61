package tradeoffbench.atomicity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tradeoffbench.params.Accepts;
import tradeoffbench.targets.Endpoint;
import tradeoffbench.targets.Endpoints;
import tradeoffbench.targets.Engine;

/**
 * The economy in PostgreSQL: {@code accounts_N}, loaded once by fingerprint; the session settings every transfer
 * connection gets; the auditor's own connection.
 *
 * <p>{@code isolation} is the sessions' {@code default_transaction_isolation}, so it applies to every transaction a
 * method runs, the implicit one-statement transactions included. {@code synchronousCommit} is set per session (the
 * server keeps fsync on): {@code off} shows how much of the cost is the WAL flush at commit.
 */
@State(Scope.Benchmark)
public class PostgresEconomy extends Economy {
    static final String LEVELS = "READ_COMMITTED, REPEATABLE_READ, SERIALIZABLE";

    @Accepts(value = "READ_COMMITTED|REPEATABLE_READ|SERIALIZABLE", meaning = "an isolation level")
    @Param({"READ_COMMITTED", "REPEATABLE_READ", "SERIALIZABLE"})
    public String isolation;

    @Accepts(value = "on|off", meaning = "a synchronous_commit setting")
    @Param({"on"})
    public String synchronousCommit;

    Endpoint endpoint;
    String table;
    private Connection control;
    private Connection audit;
    private PreparedStatement auditSum;

    @Setup
    public void prepare() throws Exception {
        endpoint = Endpoints.current().require(Engine.POSTGRESQL);
        control = endpoint.connect();
        start();
    }

    @Override
    protected void load() throws SQLException {
        table = economy.fingerprint().name();
        PostgresAccounts.ensure(control, economy);
        PostgresAccounts.reset(control, economy);
        var totals = PostgresAccounts.totals(control, economy);
        if (totals.initial() != economy.expectedTotal() || totals.rows() != accounts) {
            throw new IllegalStateException(table + " does not hold the generated economy: expected " + accounts
                    + " rows and total " + economy.expectedTotal() + ", found " + totals);
        }
        audit = endpoint.connect();
        auditSum = audit.prepareStatement(PostgresAccounts.SUM.formatted(table));
    }

    /** A transfer connection with the trial's isolation and durability. */
    Connection openSession() throws SQLException {
        Connection connection = endpoint.connect();
        try {
            applySettings(connection, isolation, synchronousCommit);
            return connection;
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    protected long total() throws SQLException {
        return PostgresAccounts.totals(control, economy).balance();
    }

    @Override
    protected long auditSum() throws SQLException {
        try (ResultSet rs = auditSum.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    protected void restore() throws SQLException {
        PostgresAccounts.reset(control, economy);
    }

    @Override
    protected void closeConnections() {
        for (Connection c : new Connection[] {audit, control}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (SQLException ignored) {
                // closing at the end of a trial
            }
        }
    }

    /** Isolation level and synchronous_commit for a session; a value the server refuses is a one-line error. */
    static void applySettings(Connection connection, String isolation, String synchronousCommit) throws SQLException {
        if (isolation == null || !isolation.matches("[A-Za-z_ ]+")) {
            throw new IllegalArgumentException("isolation level '" + isolation + "' is not a level name; valid: "
                    + LEVELS);
        }
        String level = isolation.replace('_', ' ').toLowerCase(Locale.ROOT);
        PostgresAccounts.setSession(connection, "default_transaction_isolation", level,
                "isolation level '" + isolation + "' (valid: " + LEVELS + ")");
        PostgresAccounts.setSession(connection, "synchronous_commit", synchronousCommit,
                "synchronous_commit '" + synchronousCommit + "' (valid: on, off)");
        String levelNow = PostgresAccounts.show(connection, "default_transaction_isolation");
        if (!levelNow.equals(level)) {
            throw new IllegalArgumentException("PostgreSQL runs isolation level '" + isolation + "' as '" + levelNow
                    + "': not measured as asked (valid: " + LEVELS + ")");
        }
    }
}
