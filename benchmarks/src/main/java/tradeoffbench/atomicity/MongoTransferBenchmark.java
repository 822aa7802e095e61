package tradeoffbench.atomicity;

import java.util.concurrent.TimeUnit;

import com.mongodb.TransactionOptions;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.ThreadParams;
import tradeoffbench.atomicity.Transfers.Outcome;
import tradeoffbench.dataset.Keys;
import tradeoffbench.targets.Engine;
import tradeoffbench.targets.Needs;
import tradeoffbench.tx.TransactionRunner;

/*
 * The seed's contrast, "relational vs non-relational", on the same closed economy in MongoDB:
 *
 *  - twoUpdates:               one document per account; two single-document $inc updates, no session. Each is atomic
 *                              alone, the transfer is not: readers can see the money in flight.
 *  - multiDocumentTransaction: the same two updates in a multi-document transaction (startTransaction ..
 *                              commitTransaction), retried on TransientTransactionError (with jittered backoff) and,
 *                              for the commit alone, UnknownTransactionCommitResult, by TransactionRunner.
 *  - embeddedDocument:         the economy embedded in one ledger document; a transfer is one update with two $inc,
 *                              atomic because a single-document write is, and every transfer writes that document.
 *
 * The same detector as PostgreSQL's: the total after every iteration, and an Auditor summing all balances (an
 * aggregation, or the ledger document) every millisecond while transfers run. `writeConcern` (w1, majority) is set on
 * the collections and the transactions (MongoAccounts.describe says what each waits for). Multi-document
 * transactions need a replica set: against a standalone server or the test fake, multiDocumentTransaction fails fast
 * with a one-line reason on its first call.
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Needs(Engine.MONGODB)
public class MongoTransferBenchmark {

    @State(Scope.Thread)
    public static class Session {
        MongoEconomy economy;
        ClientSession session;
        TransactionRunner runner;
        Keys keys;
        MongoCollection<Document> accounts;
        MongoCollection<Document> ledger;

        @Setup
        public void open(MongoEconomy economy, ThreadParams thread) {
            open(economy, thread.getThreadIndex());
        }

        void open(MongoEconomy economy, int threadIndex) {
            this.economy = economy;
            var concern = MongoAccounts.writeConcern(economy.writeConcern);
            accounts = economy.database.getCollection(MongoAccounts.accountsCollection(economy.economy))
                    .withWriteConcern(concern);
            ledger = economy.database.getCollection(MongoAccounts.ledgerCollection(economy.economy))
                    .withWriteConcern(concern);
            keys = economy.keysFor(threadIndex);
            if (economy.noTransactions == null) {
                session = economy.client.startSession();
                economy.sessions.add(session);
                runner = TransactionRunner.mongo(session, TransactionOptions.builder().writeConcern(concern).build());
            } else {
                runner = TransactionRunner.singleOperations();
            }
        }

        void transfer(TransferCounters counters, Transfers.Transfer transfer) throws Exception {
            counters.economy = economy;
            Transfers.commitOne(keys, counters, transfer);
        }

        @TearDown
        public void close() {
            if (session != null) {
                session.close();
            }
        }
    }

    @Benchmark
    public void twoUpdates(Session s, TransferCounters counters) throws Exception {
        s.transfer(counters, (from, to, amount) -> {
            if (!s.runner.statement(() -> add(s, null, from, -amount), counters)) {
                return Outcome.GAVE_UP;
            }
            return s.runner.statement(() -> add(s, null, to, amount), counters) ? Outcome.COMMITTED : Outcome.PARTIAL;
        });
    }

    @Benchmark
    public void multiDocumentTransaction(Session s, TransferCounters counters) throws Exception {
        if (s.economy.noTransactions != null) {
            throw new IllegalStateException("multiDocumentTransaction needs a MongoDB replica set for multi-document "
                    + "transactions, but " + s.economy.noTransactions + "; run it against a replica set "
                    + "(--mongo-mode container starts one)");
        }
        s.transfer(counters, (from, to, amount) -> s.runner.transaction(() -> {
            long first = Math.min(from, to);
            add(s, s.session, first, first == from ? -amount : amount);
            long second = Math.max(from, to);
            add(s, s.session, second, second == from ? -amount : amount);
        }, counters) ? Outcome.COMMITTED : Outcome.GAVE_UP);
    }

    @Benchmark
    public void embeddedDocument(Session s, TransferCounters counters) throws Exception {
        s.transfer(counters, (from, to, amount) -> s.runner.statement(() -> {
            UpdateResult result = s.ledger.updateOne(MongoAccounts.ledger(), Updates.combine(
                    Updates.inc(MongoAccounts.ledgerField(from), -amount),
                    Updates.inc(MongoAccounts.ledgerField(to), amount),
                    Updates.inc(MongoAccounts.VERSION, 1L)));
            expectMatched(result.getMatchedCount(), from, to);
        }, counters) ? Outcome.COMMITTED : Outcome.GAVE_UP);
    }

    private static void add(Session s, ClientSession session, long id, long delta) {
        var update = Updates.combine(Updates.inc(MongoAccounts.BALANCE, delta), Updates.inc(MongoAccounts.VERSION, 1L));
        UpdateResult result = session == null ? s.accounts.updateOne(MongoAccounts.byId(id), update)
                : s.accounts.updateOne(session, MongoAccounts.byId(id), update);
        expectMatched(result.getMatchedCount(), id, id);
    }

    private static void expectMatched(long matched, long from, long to) {
        if (matched != 1) {
            throw new IllegalStateException("transfer between accounts " + from + " and " + to + " matched " + matched
                    + " documents, expected 1");
        }
    }

    /*
     * HOW TO RUN THIS TEST:
     *
     *   java -jar experiments/target/tradeoff-bench.jar run --family atomicity --mongo-mode container
     *   (or --mongo-url mongodb://host:27017/?replicaSet=rs0 for a replica set of your own)
     *
     * Default matrix: 3 methods x 2 skews (uniform, zipf0.99) x 2 write concerns. Sweep with
     * -p skew=uniform,zipf0.5,zipf0.99,zipf1.2 -p accounts=100,10000.
     *
     * WHAT TO EXPECT: twoUpdates loses nothing at rest but its audits see money in flight; multiDocumentTransaction
     * and embeddedDocument show none. multiDocumentTransaction pays a commit round trip and, under skew, write conflicts
     * (TransientTransactionError, retried). embeddedDocument never retries, but every transfer writes the same
     * document, so it does not scale with threads. With w1 a write returns before its journal flush; with majority
     * (on a one-member replica set: that member's journal) every write waits for it, which shows in every variant.
     */
}
