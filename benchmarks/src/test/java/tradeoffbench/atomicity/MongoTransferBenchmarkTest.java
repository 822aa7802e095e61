package tradeoffbench.atomicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tradeoffbench.targets.Endpoints;
import tradeoffbench.testing.TestTargets;

/**
 * MongoDB code paths on the in-memory fake (no numbers; it has no transactions and its concurrency is not
 * MongoDB's): the single-document and two-update variants run, keep the books and are audited, the multi-document
 * variant fails fast with a clear reason, a bad write concern is a one-line error.
 */
class MongoTransferBenchmarkTest {
    private static final String CLASS = "tradeoffbench.atomicity.MongoTransferBenchmark.";
    private final MongoTransferBenchmark benchmark = new MongoTransferBenchmark();
    private MongoEconomy economy;

    @BeforeEach
    void useTheFake() {
        TestTargets.useEndpoints(TestTargets.mongoFake());
    }

    @AfterEach
    void close() {
        if (economy != null) {
            economy.stop();
        }
        System.clearProperty(Endpoints.PROPERTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"w1", "majority"})
    void embeddedDocumentTransfersKeepTheTotalMoveMoneyAndAreAudited(String writeConcern) throws Exception {
        economy = economy("embeddedDocument", 30, writeConcern);
        var session = session(economy);
        var counters = new TransferCounters();
        economy.beginIteration();
        for (int i = 0; i < 100; i++) {
            benchmark.embeddedDocument(session, counters);
        }
        assertThat(economy.awaitAudit(java.time.Duration.ofSeconds(30))).as("the auditor ran").isTrue();
        counters.report();
        assertThat(counters.commits).isEqualTo(100);
        assertThat(counters.moneyDrift).isZero();
        assertThat(counters.audits).as("the auditor read the ledger while transfers ran").isPositive();
        assertThat(counters.inconsistentReads).as("one document is updated atomically").isZero();
        var ledger = economy.database.getCollection(MongoAccounts.ledgerCollection(economy.economy))
                .find(MongoAccounts.ledger()).first();
        assertThat(ledger.getLong(MongoAccounts.VERSION)).isEqualTo(100);
        economy.finishIteration();
        assertThat(economy.total()).isEqualTo(economy.economy.expectedTotal());
    }

    @Test
    void twoUpdatesKeepTheTotalAtRest() throws Exception {
        economy = economy("twoUpdates", 30, "w1");
        var session = session(economy);
        var counters = new TransferCounters();
        economy.beginIteration();
        for (int i = 0; i < 100; i++) {
            benchmark.twoUpdates(session, counters);
        }
        counters.report();
        assertThat(counters.commits).isEqualTo(100);
        assertThat(counters.partialTransfers).isZero();
        assertThat(counters.moneyDrift).as("relative updates lose nothing at rest").isZero();
        economy.finishIteration();
    }

    @Test
    void multiDocumentTransactionsFailFastWhereTheTargetHasNone() throws Exception {
        economy = economy("multiDocumentTransaction", 30, "w1");
        var session = session(economy);
        assertThatThrownBy(() -> benchmark.multiDocumentTransaction(session, new TransferCounters()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("multiDocumentTransaction needs a MongoDB replica set")
                .hasMessageContaining("the test fake has no transactions")
                .hasMessageNotContaining("\n");
    }

    @Test
    void anUnknownWriteConcernIsAOneLineErrorNamingIt() {
        assertThatThrownBy(() -> economy("embeddedDocument", 30, "w:all"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("write concern 'w:all'").hasMessageContaining("w1, majority")
                .hasMessageNotContaining("\n");
    }

    @Test
    void writeConcernsAreLabelledForWhatTheyWaitFor() {
        assertThat(MongoAccounts.describe("w1")).contains("no journal wait");
        assertThat(MongoAccounts.describe("majority")).contains("journaled");
    }

    private static MongoEconomy economy(String method, int accounts, String writeConcern) throws Exception {
        var economy = new MongoEconomy();
        economy.accounts = accounts;
        economy.skew = "zipf0.99";
        economy.writeConcern = writeConcern;
        economy.prepare(CLASS + method);
        return economy;
    }

    private static MongoTransferBenchmark.Session session(MongoEconomy economy) {
        var session = new MongoTransferBenchmark.Session();
        session.open(economy, 0);
        return session;
    }
}
