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
import tradeoffbench.targets.Endpoints;
import tradeoffbench.testing.TestTargets;

/**
 * The PostgreSQL transfer variants on the embedded real server, called directly (no JMH), with Java threads where
 * contention is the point. Tiny economies; no speed is asserted. Every variant runs the same detector: lost updates,
 * half-done transfers, the iteration's drift, and the auditor's inconsistent reads.
 */
class PostgresTransferBenchmarkTest {
    private static final String[] PROTECTED = {"twoStatementsInTransaction", "oneStatement", "readForUpdateThenWrite"};

    private final PostgresTransferBenchmark benchmark = new PostgresTransferBenchmark();
    private final List<PostgresTransferBenchmark.Session> sessions = new ArrayList<>();
    private final List<PostgresEconomy> economies = new ArrayList<>();

    @BeforeEach
    void useEmbeddedPostgres() {
        TestTargets.useEndpoints(TestTargets.postgres());
    }

    @AfterEach
    void close() throws Exception {
        for (var s : sessions) {
            s.close();
        }
        economies.forEach(PostgresEconomy::stop);
        System.clearProperty(Endpoints.PROPERTY);
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({
            "twoAutocommits, READ_COMMITTED", "twoStatementsInTransaction, READ_COMMITTED",
            "twoStatementsInTransaction, SERIALIZABLE", "oneStatement, READ_COMMITTED", "oneStatement, SERIALIZABLE",
            "readThenWrite, READ_COMMITTED", "readThenWrite, REPEATABLE_READ", "readThenWrite, SERIALIZABLE",
            "readForUpdateThenWrite, READ_COMMITTED"})
    void everyVariantAloneLosesNothingAndIsAudited(String method, String isolation) throws Exception {
        var economy = economy(20, "zipf0.99", isolation, "on");
        var counters = new TransferCounters();
        economy.beginIteration();
        transfers(method, session(economy, 0), counters, 200).run();
        assertThat(economy.awaitAudit(java.time.Duration.ofSeconds(30))).as("the auditor ran").isTrue();
        counters.report();

        assertThat(counters.commits).isEqualTo(200);
        assertThat(counters.retries).isZero();
        assertThat(counters.aborts).isZero();
        assertThat(counters.lostUpdates).as("one thread cannot lose an update").isZero();
        assertThat(counters.partialTransfers).isZero();
        assertThat(counters.moneyDrift).isZero();
        assertThat(counters.audits).as("the auditor ran while the transfers did").isPositive();
        if (!method.equals("twoAutocommits")) {
            assertThat(counters.inconsistentReads).as("an atomic transfer is never seen half done").isZero();
        }
        assertThat(moved(economy)).as("the transfers really moved money").isTrue();
        economy.finishIteration();
        assertThat(moved(economy)).as("the balances were restored after the iteration").isFalse();
    }

    @Test
    void readThenWriteAtReadCommittedLosesUpdatesAndTheDetectorCountsThem() throws Exception {
        // Two threads on three accounts: most transfers overlap another on one account (on two accounts only, both
        // legs of two transfers would be overwritten together and the total could balance by chance).
        var economy = economy(3, "uniform", "READ_COMMITTED", "on");
        long lost = 0;
        long drift = 0;
        long deadline = System.nanoTime() + 20_000_000_000L;
        while ((lost == 0 || drift == 0) && System.nanoTime() < deadline) {
            economy.beginIteration();
            List<TransferCounters> counters = runConcurrently("readThenWrite", economy, 2, 300);
            counters.get(0).report();
            lost += counters.stream().mapToLong(c -> c.lostUpdates).sum();
            drift += counters.get(0).moneyDrift;
            economy.finishIteration();
        }
        assertThat(lost).as("lost updates counted").isPositive();
        assertThat(drift).as("an atomic transaction that loses updates loses money").isPositive();
    }

    @Test
    void protectedVariantsLoseNothingAndAreNeverSeenHalfDoneUnderTwoThreadsOnAFewHotAccounts() throws Exception {
        List<String[]> cases = new ArrayList<>();
        for (String method : PROTECTED) {
            cases.add(new String[] {method, "READ_COMMITTED"});
        }
        cases.add(new String[] {"readThenWrite", "REPEATABLE_READ"});
        cases.add(new String[] {"readThenWrite", "SERIALIZABLE"});
        for (String[] c : cases) {
            var economy = economy(4, "zipf1.2", c[1], "on");
            economy.beginIteration();
            List<TransferCounters> counters = runConcurrently(c[0], economy, 2, 300);
            String what = c[0] + " at " + c[1];
            assertThat(economy.awaitAudit(java.time.Duration.ofSeconds(30))).as(what + ": the auditor ran").isTrue();
            counters.get(0).report();
            assertThat(counters.stream().mapToLong(x -> x.commits).sum()).as(what).isEqualTo(600);
            assertThat(counters).as(what).allSatisfy(x -> assertThat(x.lostUpdates).isZero());
            assertThat(counters.get(0).moneyDrift).as(what).isZero();
            assertThat(counters.get(0).inconsistentReads).as(what).isZero();
            assertThat(counters.get(0).audits).as(what).isPositive();
            economy.finishIteration();
            System.out.println(what + ", 2 threads on 4 accounts: retries "
                    + counters.stream().mapToLong(x -> x.retries).sum() + ", audits " + counters.get(0).audits);
        }
    }

    @Test
    void twoAutocommitsLoseNothingAtRestButAreSeenWithMoneyInFlight() throws Exception {
        var economy = economy(4, "uniform", "READ_COMMITTED", "on");
        long inconsistent = 0;
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (inconsistent == 0 && System.nanoTime() < deadline) {
            economy.beginIteration();
            List<TransferCounters> counters = runConcurrently("twoAutocommits", economy, 2, 300);
            counters.get(0).report();
            assertThat(counters.get(0).moneyDrift).isZero();
            inconsistent += counters.get(0).inconsistentReads;
            economy.finishIteration();
        }
        assertThat(inconsistent).as("audits that saw money in flight").isPositive();
    }

    @Test
    void moneyLostOrCreatedIsACountedDriftNotACrash() throws Exception {
        var economy = economy(10, "uniform", "READ_COMMITTED", "on");
        var counters = new TransferCounters();
        economy.beginIteration();
        transfers("twoStatementsInTransaction", session(economy, 0), counters, 20).run();
        try (Connection c = economy.endpoint.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE " + economy.table + " SET balance = balance + 5 WHERE id = 3");
        }
        counters.report();
        assertThat(counters.moneyDrift).isEqualTo(5);
        economy.finishIteration();
        economy.beginIteration();
        var next = new TransferCounters();
        next.report();
        assertThat(next.moneyDrift).as("the next iteration starts from restored balances").isZero();
        economy.finishIteration();
    }

    @Test
    void anIsolationLevelOrDurabilityTheServerRefusesIsAOneLineErrorNamingIt() throws Exception {
        var badLevel = economy(10, "uniform", "SNAPSHOT", "on");
        assertThatThrownBy(() -> session(badLevel, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("isolation level 'SNAPSHOT'").hasMessageNotContaining("\n");
        var badDurability = economy(10, "uniform", "READ_COMMITTED", "sometimes");
        assertThatThrownBy(() -> session(badDurability, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("synchronous_commit 'sometimes'").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> economy(10, "zipfy", "READ_COMMITTED", "on")).hasMessageContaining("'zipfy'");
    }

    @Test
    void theSessionRunsWithTheIsolationAndDurabilityAsked() throws Exception {
        var economy = economy(10, "uniform", "SERIALIZABLE", "off");
        var session = session(economy, 0);
        assertThat(PostgresAccounts.show(session.connection, "transaction_isolation")).isEqualTo("serializable");
        assertThat(PostgresAccounts.show(session.connection, "synchronous_commit")).isEqualTo("off");
        assertThat(PostgresAccounts.show(session.connection, "fsync")).isEqualTo("on");
    }

    private PostgresEconomy economy(int accounts, String skew, String isolation, String synchronousCommit)
            throws Exception {
        var economy = new PostgresEconomy();
        economy.accounts = accounts;
        economy.skew = skew;
        economy.isolation = isolation;
        economy.synchronousCommit = synchronousCommit;
        economy.prepare();
        economies.add(economy);
        return economy;
    }

    private PostgresTransferBenchmark.Session session(PostgresEconomy economy, int thread) throws Exception {
        var session = new PostgresTransferBenchmark.Session();
        session.open(economy, thread);
        sessions.add(session);
        return session;
    }

    private Runnable transfers(String method, PostgresTransferBenchmark.Session session, TransferCounters counters,
                               int count) {
        return () -> {
            try {
                for (int i = 0; i < count; i++) {
                    switch (method) {
                        case "twoAutocommits" -> benchmark.twoAutocommits(session, counters);
                        case "twoStatementsInTransaction" -> benchmark.twoStatementsInTransaction(session, counters);
                        case "oneStatement" -> benchmark.oneStatement(session, counters);
                        case "readThenWrite" -> benchmark.readThenWrite(session, counters);
                        case "readForUpdateThenWrite" -> benchmark.readForUpdateThenWrite(session, counters);
                        default -> throw new IllegalArgumentException(method);
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** Runs the threads; counters.get(0) is thread 0's, the one that reports the economy's audit. */
    private List<TransferCounters> runConcurrently(String method, PostgresEconomy economy, int threads,
                                                   int perThread) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<TransferCounters> counters = new ArrayList<>();
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                TransferCounters c = new TransferCounters();
                c.reportsEconomy = t == 0;
                counters.add(c);
                running.add(pool.submit(transfers(method, session(economy, t), c, perThread)));
            }
            for (Future<?> f : running) {
                f.get();
            }
            return counters;
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean moved(PostgresEconomy economy) throws Exception {
        try (Connection c = economy.endpoint.connect(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM " + economy.table + " WHERE balance <> initial_balance")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }
}
