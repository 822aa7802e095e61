package tradeoffbench.atomicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tradeoffbench.atomicity.TransactionRunner.Status;
import tradeoffbench.targets.Endpoints;
import tradeoffbench.testing.TestTargets;

/**
 * MongoDB code paths on the in-memory fake (no numbers; it has no transactions and its concurrency is not
 * MongoDB's): the single-document and unsafe variants run and keep the books, the multi-document variant fails
 * fast with a clear reason, a bad write concern is a one-line error.
 */
class MongoTransferBenchmarkTest {
    private static final String CLASS = "tradeoffbench.atomicity.MongoTransferBenchmark.";
    private static final TransferRates RATES = new TransferRates();
    private final MongoTransferBenchmark benchmark = new MongoTransferBenchmark();

    @BeforeEach
    void useTheFake() {
        TestTargets.useEndpoints(TestTargets.mongoFake());
    }

    @AfterEach
    void clearEndpoints() {
        System.clearProperty(Endpoints.PROPERTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"w1", "majority"})
    void singleDocumentTransfersKeepTheTotalAndMoveMoney(String writeConcern) throws Exception {
        var economy = economy("singleDocument", 30, writeConcern);
        var session = session(economy);
        var counters = new TransferCounters();
        for (int i = 0; i < 100; i++) {
            assertThat(benchmark.singleDocument(session, counters, RATES)).isEqualTo(Status.COMMITTED);
        }
        assertThat(counters.commits).isEqualTo(100);
        assertThat(economy.total()).isEqualTo(economy.economy.expectedTotal());
        var ledger = economy.database.getCollection(MongoAccounts.ledgerCollection(economy.economy))
                .find(MongoAccounts.ledger()).first();
        assertThat(ledger.getLong(MongoAccounts.VERSION)).isEqualTo(100);
        economy.check();
    }

    @Test
    void unsafeTransfersAloneLoseNothingAndCountNoAnomaly() throws Exception {
        var economy = economy("unsafeNoTransaction", 30, "w1");
        var session = session(economy);
        var counters = new TransferCounters();
        for (int i = 0; i < 100; i++) {
            assertThat(benchmark.unsafeNoTransaction(economy, session, counters, RATES)).isEqualTo(Status.COMMITTED);
        }
        assertThat(counters.commits).isEqualTo(100);
        assertThat(counters.anomalies).isZero();
        assertThat(economy.total()).isEqualTo(economy.economy.expectedTotal());
        economy.check();
    }

    @Test
    void multiDocumentTransactionsFailFastWhereTheTargetHasNone() throws Exception {
        var economy = economy("multiDocumentTransaction", 30, "w1");
        var session = session(economy);
        assertThatThrownBy(() -> benchmark.multiDocumentTransaction(economy, session, new TransferCounters(), RATES))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MongoTransferBenchmark.multiDocumentTransaction needs a MongoDB replica set")
                .hasMessageContaining("the test fake has no transactions")
                .hasMessageNotContaining("\n");
        economy.check();
    }

    @Test
    void anUnknownWriteConcernIsAOneLineErrorNamingIt() {
        assertThatThrownBy(() -> economy("singleDocument", 30, "w:all"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("write concern 'w:all'").hasMessageContaining("w1, majority")
                .hasMessageNotContaining("\n");
    }

    private static MongoTransferBenchmark.Economy economy(String method, int accounts, String writeConcern) {
        var economy = new MongoTransferBenchmark.Economy();
        economy.accounts = accounts;
        economy.skew = "zipf0.99";
        economy.writeConcern = writeConcern;
        economy.prepare(CLASS + method);
        return economy;
    }

    private static MongoTransferBenchmark.Session session(MongoTransferBenchmark.Economy economy) {
        var session = new MongoTransferBenchmark.Session();
        session.open(economy, 0);
        return session;
    }
}
