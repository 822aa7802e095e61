package tradeoffbench.atomicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tradeoffbench.atomicity.TransactionRunner.Status;
import tradeoffbench.targets.Endpoints;
import tradeoffbench.testing.TestTargets;

/**
 * The PostgreSQL transfer variants on the embedded real server, called directly (no JMH), with Java threads where
 * contention is the point. Tiny economies; no speed is asserted.
 */
class PostgresTransferBenchmarkTest {
    private static final String CLASS = "tradeoffbench.atomicity.PostgresTransferBenchmark.";
    private static final String[] SAFE = {"singleStatement", "explicitTransaction"};

    private static final TransferRates RATES = new TransferRates();
    private final PostgresTransferBenchmark benchmark = new PostgresTransferBenchmark();
    private final List<PostgresTransferBenchmark.Session> sessions = new ArrayList<>();

    @BeforeEach
    void useEmbeddedPostgres() {
        TestTargets.useEndpoints(TestTargets.postgres());
    }

    @AfterEach
    void closeSessions() throws Exception {
        for (var s : sessions) {
            s.close();
        }
        System.clearProperty(Endpoints.PROPERTY);
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({
            "singleStatement, READ_COMMITTED", "singleStatement, REPEATABLE_READ", "singleStatement, SERIALIZABLE",
            "explicitTransaction, READ_COMMITTED", "explicitTransaction, REPEATABLE_READ",
            "explicitTransaction, SERIALIZABLE",
            "unsafeReadModifyWrite, READ_COMMITTED", "unsafeReadModifyWrite, REPEATABLE_READ",
            "unsafeReadModifyWrite, SERIALIZABLE"})
    void everyVariantRunsAtEveryIsolationLevelAndAloneLosesNothing(String method, String isolation) throws Exception {
        var economy = economy(method, 20, "zipf0.99", isolation, "on");
        var counters = new TransferCounters();
        Runnable transfers = transfers(method, economy, session(economy, 0), counters, 200);
        transfers.run();

        assertThat(counters.commits).isEqualTo(200);
        assertThat(counters.retries).isZero();
        assertThat(counters.aborts).isZero();
        assertThat(counters.anomalies).as("one thread cannot lose an update").isZero();
        economy.check();
        assertThat(totalNow(economy)).isEqualTo(economy.economy.expectedTotal());
        assertThat(moved(economy)).as("the transfers really moved money").isTrue();
    }

    @Test
    void safeVariantsConserveTheTotalUnderTwoThreadsOnAFewHotAccounts() throws Exception {
        for (String method : SAFE) {
            for (String isolation : new String[] {"READ_COMMITTED", "REPEATABLE_READ", "SERIALIZABLE"}) {
                var economy = economy(method, 4, "zipf1.2", isolation, "on");
                List<TransferCounters> counters = runConcurrently(method, economy, 2, 300);
                long commits = counters.stream().mapToLong(c -> c.commits).sum();
                long aborts = counters.stream().mapToLong(c -> c.aborts).sum();
                long retries = counters.stream().mapToLong(c -> c.retries).sum();
                assertThat(commits + aborts).as(method + " at " + isolation).isEqualTo(600);
                assertThat(counters).allSatisfy(c -> assertThat(c.anomalies).isZero());
                economy.check(); // throws if money was lost or created
                assertThat(totalNow(economy)).isEqualTo(economy.economy.expectedTotal());
                System.out.println(method + " " + isolation + " 2 threads on 4 accounts: commits " + commits
                        + ", retries " + retries + ", aborts " + aborts);
            }
        }
    }

    @Test
    void theUnsafeVariantForcedIntoContentionLosesUpdatesAndCountsThem() throws Exception {
        var economy = economy("unsafeReadModifyWrite", 2, "uniform", "READ_COMMITTED", "on");
        long anomalies = 0;
        long deadline = System.nanoTime() + 20_000_000_000L;
        // Two threads on two accounts: almost every transfer overlaps another; stop at the first rounds that show it.
        while (anomalies == 0 && System.nanoTime() < deadline) {
            anomalies += runConcurrently("unsafeReadModifyWrite", economy, 2, 300).stream()
                    .mapToLong(c -> c.anomalies).sum();
        }
        assertThat(anomalies).as("lost updates counted").isPositive();
        assertThat(economy.anomalies.get()).isEqualTo(anomalies);
        economy.check(); // an unsafe variant reports its drift; it fails only when drift went uncounted
    }

    @Test
    void aSafeVariantWhoseTotalChangedFailsNamingTheBenchmarkAndTheTotals() throws Exception {
        var economy = economy("explicitTransaction", 10, "uniform", "READ_COMMITTED", "on");
        transfers("explicitTransaction", economy, session(economy, 0), new TransferCounters(), 20).run();
        try (Connection c = PostgresTransferBenchmark.open(economy.endpoint); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE " + economy.table + " SET balance = balance + 5 WHERE id = 3");
        }
        long expected = economy.economy.expectedTotal();
        assertThatThrownBy(economy::check)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PostgresTransferBenchmark.explicitTransaction")
                .hasMessageContaining("expected total " + expected)
                .hasMessageContaining("found " + (expected + 5));
        economy.prepare(CLASS + "explicitTransaction"); // the next trial starts clean again
        economy.check();
    }

    @Test
    void anIsolationLevelOrDurabilityTheServerRefusesIsAOneLineErrorNamingIt() throws Exception {
        var badLevel = economy("explicitTransaction", 10, "uniform", "SNAPSHOT", "on");
        assertThatThrownBy(() -> session(badLevel, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("isolation level 'SNAPSHOT'").hasMessageNotContaining("\n");
        var badDurability = economy("explicitTransaction", 10, "uniform", "READ_COMMITTED", "sometimes");
        assertThatThrownBy(() -> session(badDurability, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("synchronous_commit 'sometimes'").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> economy("explicitTransaction", 10, "zipfy", "READ_COMMITTED", "on"))
                .hasMessageContaining("'zipfy'");
    }

    @Test
    void theSessionRunsWithTheIsolationAndDurabilityAsked() throws Exception {
        var economy = economy("singleStatement", 10, "uniform", "SERIALIZABLE", "off");
        var session = session(economy, 0);
        assertThat(PostgresAccounts.show(session.connection, "transaction_isolation")).isEqualTo("serializable");
        assertThat(PostgresAccounts.show(session.connection, "synchronous_commit")).isEqualTo("off");
        assertThat(PostgresAccounts.show(session.connection, "fsync")).isEqualTo("on");
    }

    private PostgresTransferBenchmark.Economy economy(String method, int accounts, String skew, String isolation,
                                                      String synchronousCommit) throws Exception {
        var economy = new PostgresTransferBenchmark.Economy();
        economy.accounts = accounts;
        economy.skew = skew;
        economy.isolation = isolation;
        economy.synchronousCommit = synchronousCommit;
        economy.prepare(CLASS + method);
        return economy;
    }

    private PostgresTransferBenchmark.Session session(PostgresTransferBenchmark.Economy economy, int thread)
            throws Exception {
        var session = new PostgresTransferBenchmark.Session();
        session.open(economy, thread);
        sessions.add(session);
        return session;
    }

    private Runnable transfers(String method, PostgresTransferBenchmark.Economy economy,
                               PostgresTransferBenchmark.Session session, TransferCounters counters, int count) {
        return () -> {
            try {
                for (int i = 0; i < count; i++) {
                    Status status = switch (method) {
                        case "singleStatement" -> benchmark.singleStatement(session, counters, RATES);
                        case "explicitTransaction" -> benchmark.explicitTransaction(session, counters, RATES);
                        case "unsafeReadModifyWrite" ->
                                benchmark.unsafeReadModifyWrite(session, economy, counters, RATES);
                        default -> throw new IllegalArgumentException(method);
                    };
                    assertThat(status).isNotNull();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private List<TransferCounters> runConcurrently(String method, PostgresTransferBenchmark.Economy economy,
                                                   int threads, int perThread) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<TransferCounters> counters = new ArrayList<>();
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                TransferCounters c = new TransferCounters();
                counters.add(c);
                running.add(pool.submit(transfers(method, economy, session(economy, t), c, perThread)));
            }
            for (Future<?> f : running) {
                f.get();
            }
            return counters;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long totalNow(PostgresTransferBenchmark.Economy economy) throws Exception {
        try (Connection c = PostgresTransferBenchmark.open(economy.endpoint)) {
            return PostgresAccounts.totals(c, economy.economy).balance();
        }
    }

    private static boolean moved(PostgresTransferBenchmark.Economy economy) throws Exception {
        try (Connection c = PostgresTransferBenchmark.open(economy.endpoint); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM " + economy.table + " WHERE balance <> initial_balance")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }
}
