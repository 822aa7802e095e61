package tradeoffbench.atomicity;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.TransactionOptions;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.ThreadParams;
import tradeoffbench.atomicity.TransactionRunner.Status;
import tradeoffbench.params.Accepts;
import tradeoffbench.targets.Endpoint;
import tradeoffbench.targets.Endpoints;
import tradeoffbench.targets.Engine;
import tradeoffbench.targets.Needs;
import tradeoffbench.targets.TargetMode;
import tradeoffbench.targets.mongo.MongoIdentity;

/*
 * The other half of the atomicity claim: what a document database does with the same closed economy.
 *
 *  - singleDocument:           the economy embedded in one ledger document; a transfer is one update with two $inc,
 *                              atomic because a single-document write is. Every transfer writes that one document.
 *  - multiDocumentTransaction: one document per account; both $inc in a multi-document transaction (startTransaction
 *                              .. commitTransaction), retried on TransientTransactionError and, for the commit alone,
 *                              UnknownTransactionCommitResult, by TransactionRunner.
 *  - unsafeNoTransaction:      one document per account; read both, write back absolute balances, no transaction.
 *                              Lost updates are counted (through each document's version) as anomalies.
 *
 * `writeConcern` (w1, majority) is set on the collections and on the transactions. Multi-document transactions need
 * a replica set: against a standalone server (endpoint setting transactions=unsupported) or the test fake,
 * multiDocumentTransaction fails fast with a one-line reason on its first call. (A launcher-level skip, like the
 * one for a missing engine, is future work: it would need @Needs to express "transactions".)
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@Threads(1)
public class MongoTransferBenchmark {

    @State(Scope.Benchmark)
    public static class Economy {
        @Accepts(value = Accepts.POSITIVE, meaning = "a number of accounts")
        @Param({"1000"})
        public int accounts;

        @Accepts(value = "uniform|zipf[0-9]+(\\.[0-9]+)?", meaning = "uniform or zipf<theta>, e.g. zipf0.99")
        @Param({"uniform", "zipf0.99"})
        public String skew;

        @Accepts(value = "majority|w[0-9]+", meaning = "a write concern: majority or w<N>")
        @Param({"w1", "majority"})
        public String writeConcern;

        Endpoint endpoint;
        MongoClient client;
        MongoDatabase database;
        Accounts economy;
        String benchmark;
        boolean safe;
        boolean ledgerShape;
        /** Why multi-document transactions cannot run here, or null when they can. */
        String noTransactions;
        final AtomicLong anomalies = new AtomicLong();
        /** Sessions handed to threads: JMH tears this state down before theirs, and they must end before the client. */
        final List<ClientSession> sessions = new CopyOnWriteArrayList<>();

        @Setup
        public void prepare(BenchmarkParams params) {
            prepare(params.getBenchmark());
        }

        void prepare(String benchmarkName) {
            benchmark = BalanceCheck.shortName(benchmarkName);
            safe = !benchmark.endsWith(".unsafeNoTransaction");
            ledgerShape = benchmark.endsWith(".singleDocument");
            KeyChooser.theta(skew);
            MongoAccounts.writeConcern(writeConcern);
            economy = Accounts.of(accounts);
            if (ledgerShape && accounts > MongoAccounts.MAX_LEDGER_ACCOUNTS) {
                throw new IllegalArgumentException(benchmark + " keeps every balance in one document, which holds "
                        + "at most " + MongoAccounts.MAX_LEDGER_ACCOUNTS + " accounts (16 MB limit); got accounts="
                        + accounts);
            }
            endpoint = Endpoints.current().require(Engine.MONGODB);
            noTransactions = endpoint.mode() == TargetMode.FAKE
                    ? "the test fake has no transactions"
                    : "supported".equals(endpoint.settings().get("transactions")) ? null
                    : "the server has transactions=" + endpoint.settings().get("transactions")
                    + " (replica_set=" + endpoint.settings().get("replica_set") + ")";
            client = MongoIdentity.open(endpoint.url());
            database = client.getDatabase("tradeoffbench");
            MongoAccounts.rebuild(database, economy, writeConcern);
            long start = total();
            if (start != economy.expectedTotal()) {
                throw new IllegalStateException("the rebuilt economy holds " + start + ", expected "
                        + economy.expectedTotal());
            }
            anomalies.set(0);
        }

        long total() {
            return ledgerShape ? MongoAccounts.ledgerTotal(database, economy)
                    : MongoAccounts.accountsTotal(database, economy);
        }

        @TearDown
        public void check() {
            try {
                new BalanceCheck(benchmark, safe, economy.expectedTotal(), total(), anomalies.get())
                        .verifyAndReport(System.err);
            } finally {
                sessions.forEach(ClientSession::close); // idempotent: Session.close() may come later
                client.close();
            }
        }
    }

    @State(Scope.Thread)
    public static class Session {
        ClientSession session;
        TransactionRunner runner;
        KeyChooser chooser;
        MongoCollection<Document> accounts;
        MongoCollection<Document> ledger;

        @Setup
        public void open(Economy economy, ThreadParams thread) {
            open(economy, thread.getThreadIndex());
        }

        void open(Economy economy, int threadIndex) {
            var concern = MongoAccounts.writeConcern(economy.writeConcern);
            accounts = economy.database.getCollection(MongoAccounts.accountsCollection(economy.economy))
                    .withWriteConcern(concern);
            ledger = economy.database.getCollection(MongoAccounts.ledgerCollection(economy.economy))
                    .withWriteConcern(concern);
            chooser = KeyChooser.of(economy.skew, economy.accounts, Accounts.DEFAULT_SEED + 7919L * threadIndex);
            if (economy.noTransactions == null) {
                session = economy.client.startSession();
                economy.sessions.add(session);
                runner = TransactionRunner.mongo(session,
                        TransactionOptions.builder().writeConcern(concern).build());
            } else {
                runner = TransactionRunner.singleOperations();
            }
        }

        @TearDown
        public void close() {
            if (session != null) {
                session.close();
            }
        }
    }

    @Benchmark
    @Needs(Engine.MONGODB)
    public Status singleDocument(Session s, TransferCounters counters, TransferRates rates)
            throws Exception {
        int[] pair = s.chooser.nextPair();
        long amount = s.chooser.nextAmount(Accounts.MAX_AMOUNT);
        Status status = s.runner.statement(() -> {
            UpdateResult result = s.ledger.updateOne(MongoAccounts.ledger(), Updates.combine(
                    Updates.inc(MongoAccounts.ledgerField(pair[0]), -amount),
                    Updates.inc(MongoAccounts.ledgerField(pair[1]), amount),
                    Updates.inc(MongoAccounts.VERSION, 1L)));
            expectMatched(result.getMatchedCount(), 1, pair);
        }, counters);
        rates.mirror(counters);
        return status;
    }

    @Benchmark
    @Needs(Engine.MONGODB)
    public Status multiDocumentTransaction(Economy economy, Session s, TransferCounters counters,
                                           TransferRates rates) throws Exception {
        if (economy.noTransactions != null) {
            throw new IllegalStateException(economy.benchmark + " needs a MongoDB replica set for multi-document "
                    + "transactions, but " + economy.noTransactions + "; run it against a replica set "
                    + "(--mongo-mode container starts one)");
        }
        int[] pair = s.chooser.nextPair();
        long amount = s.chooser.nextAmount(Accounts.MAX_AMOUNT);
        int first = Math.min(pair[0], pair[1]);
        int second = Math.max(pair[0], pair[1]);
        long firstDelta = first == pair[0] ? -amount : amount;
        Status status = s.runner.transaction(() -> {
            add(s, first, firstDelta);
            add(s, second, -firstDelta);
        }, counters);
        rates.mirror(counters);
        return status;
    }

    @Benchmark
    @Needs(Engine.MONGODB)
    public Status unsafeNoTransaction(Economy economy, Session s, TransferCounters counters,
                                      TransferRates rates) throws Exception {
        int[] pair = s.chooser.nextPair();
        long amount = s.chooser.nextAmount(Accounts.MAX_AMOUNT);
        long[] read = new long[4]; // balance and version of from, then of to
        long[] lost = new long[1];
        Status status = s.runner.steps(counters, 1,
                () -> readTwo(s, pair, read),
                () -> lost[0] += PostgresTransferBenchmark.overwritten(writeBalance(s, pair[0], read[0] - amount),
                        read[1]),
                () -> lost[0] += PostgresTransferBenchmark.overwritten(writeBalance(s, pair[1], read[2] + amount),
                        read[3]));
        long anomalies = lost[0] + (status == Status.PARTIAL ? 1 : 0);
        counters.anomalies += anomalies;
        economy.anomalies.addAndGet(anomalies);
        rates.mirror(counters);
        return status;
    }

    private static void add(Session s, int id, long delta) {
        UpdateResult result = s.accounts.updateOne(s.session, MongoAccounts.byId((long) id), Updates.combine(
                Updates.inc(MongoAccounts.BALANCE, delta), Updates.inc(MongoAccounts.VERSION, 1L)));
        expectMatched(result.getMatchedCount(), 1, new int[] {id});
    }

    private static void readTwo(Session s, int[] pair, long[] read) {
        int found = 0;
        for (Document d : s.accounts.find(MongoAccounts.byIds(pair[0], pair[1]))
                .projection(Projections.include(MongoAccounts.BALANCE, MongoAccounts.VERSION))) {
            int at = ((Number) d.get("_id")).longValue() == pair[0] ? 0 : 2;
            read[at] = ((Number) d.get(MongoAccounts.BALANCE)).longValue();
            read[at + 1] = ((Number) d.get(MongoAccounts.VERSION)).longValue();
            found++;
        }
        expectMatched(found, 2, pair);
    }

    private static final FindOneAndUpdateOptions AFTER = new FindOneAndUpdateOptions()
            .returnDocument(ReturnDocument.AFTER).projection(Projections.include(MongoAccounts.VERSION));

    /** Writes an absolute balance; returns the document's version after the write. */
    private static long writeBalance(Session s, int id, long balance) {
        Document after = s.accounts.findOneAndUpdate(MongoAccounts.byId((long) id), Updates.combine(
                Updates.set(MongoAccounts.BALANCE, balance), Updates.inc(MongoAccounts.VERSION, 1L)), AFTER);
        if (after == null) {
            throw new IllegalStateException("account " + id + " is missing");
        }
        return ((Number) after.get(MongoAccounts.VERSION)).longValue();
    }

    private static void expectMatched(long actual, long expected, int[] ids) {
        if (actual != expected) {
            throw new IllegalStateException("transfer between accounts " + java.util.Arrays.toString(ids)
                    + " matched " + actual + " documents, expected " + expected);
        }
    }

    /*
     * HOW TO RUN THIS TEST:
     *
     *   java -jar experiments/target/tradeoff-bench.jar run --family atomicity --mongo-mode container
     *   (or --mongo-url mongodb://host:27017/?replicaSet=rs0 for a replica set of your own)
     *
     * Default matrix: 3 methods x 2 skews (uniform, zipf0.99) x 2 write concerns, both modes, 1 and 2 threads.
     * Sweep with -p skew=uniform,zipf0.5,zipf0.99,zipf1.2 -p accounts=100,10000.
     *
     * WHAT TO EXPECT: singleDocument is one round trip and never retries, but every transfer writes the same
     * document, so it does not scale with threads (and its cost grows with the ledger's size).
     * multiDocumentTransaction pays a commit round trip and, under skew, write conflicts (TransientTransactionError,
     * retried). unsafeNoTransaction at 2 threads loses updates when picks collide. On a one-node replica set, w1 and
     * majority differ little; with secondaries, majority waits for one of them.
     */
}
