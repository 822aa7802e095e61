package tradeoffbench.atomicity;

import tradeoffbench.family.BenchmarkName;
import tradeoffbench.family.Metric;

/**
 * The atomicity family's names, for the claims and reports that read its rows: its benchmark methods, the
 * counters every one of them reports ({@link TransferCounters}) and its parameters.
 */
public final class Atomicity {
    public static final BenchmarkName TWO_AUTOCOMMITS = pg("twoAutocommits");
    public static final BenchmarkName TWO_STATEMENTS_IN_TRANSACTION = pg("twoStatementsInTransaction");
    public static final BenchmarkName ONE_STATEMENT = pg("oneStatement");
    public static final BenchmarkName READ_THEN_WRITE = pg("readThenWrite");
    public static final BenchmarkName READ_FOR_UPDATE_THEN_WRITE = pg("readForUpdateThenWrite");

    public static final BenchmarkName MONGO_TWO_UPDATES = mongo("twoUpdates");
    public static final BenchmarkName MONGO_MULTI_DOCUMENT_TRANSACTION = mongo("multiDocumentTransaction");
    public static final BenchmarkName MONGO_EMBEDDED_DOCUMENT = mongo("embeddedDocument");

    public static final Metric COMMITS = Metric.of("commits");
    public static final Metric RETRIES = Metric.of("retries");
    public static final Metric ABORTS = Metric.of("aborts");
    public static final Metric LOST_UPDATES = Metric.of("lostUpdates");
    public static final Metric PARTIAL_TRANSFERS = Metric.of("partialTransfers");
    public static final Metric MONEY_DRIFT = Metric.of("moneyDrift");
    public static final Metric INCONSISTENT_READS = Metric.of("inconsistentReads");
    public static final Metric AUDITS = Metric.of("audits");

    public static final String ACCOUNTS = "accounts";
    public static final String SKEW = "skew";
    public static final String ISOLATION = "isolation";
    public static final String SYNCHRONOUS_COMMIT = "synchronousCommit";
    public static final String WRITE_CONCERN = "writeConcern";

    public static final String READ_COMMITTED = "READ_COMMITTED";
    public static final String REPEATABLE_READ = "REPEATABLE_READ";
    public static final String SERIALIZABLE = "SERIALIZABLE";

    private Atomicity() {
    }

    private static BenchmarkName pg(String method) {
        return BenchmarkName.of(PostgresTransferBenchmark.class, method);
    }

    private static BenchmarkName mongo(String method) {
        return BenchmarkName.of(MongoTransferBenchmark.class, method);
    }
}
