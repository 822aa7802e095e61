package tradeoffbench.atomicity;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;
import tradeoffbench.params.Accepts;
import tradeoffbench.targets.Endpoint;
import tradeoffbench.targets.Endpoints;
import tradeoffbench.targets.Engine;
import tradeoffbench.targets.TargetMode;
import tradeoffbench.targets.mongo.MongoIdentity;


/**
 * The economy in MongoDB, in the shape the method uses: one document per account ({@code accounts_N}), or the whole
 * economy embedded in one ledger document ({@code ledger_N}, for {@code embeddedDocument}). {@code writeConcern} is
 * set on the collections and on the transactions; see {@link MongoAccounts#describe} for what w1 and majority wait for.
 */
@State(Scope.Benchmark)
public class MongoEconomy extends Economy {
    @Accepts(value = "majority|w[0-9]+", meaning = "a write concern: majority or w<N>")
    @Param({"w1", "majority"})
    public String writeConcern;

    Endpoint endpoint;
    MongoClient client;
    MongoDatabase database;
    boolean ledgerShape;
    /** Why multi-document transactions cannot run here, or null when they can. */
    String noTransactions;
    /** Sessions handed to threads: JMH tears this state down before theirs, and they must end before the client. */
    final List<ClientSession> sessions = new CopyOnWriteArrayList<>();

    @Setup
    public void prepare(BenchmarkParams params) throws Exception {
        prepare(params.getBenchmark());
    }

    void prepare(String benchmark) throws Exception {
        ledgerShape = benchmark.endsWith(".embeddedDocument");
        MongoAccounts.writeConcern(writeConcern);
        if (ledgerShape && accounts > MongoAccounts.MAX_LEDGER_ACCOUNTS) {
            throw new IllegalArgumentException("embeddedDocument keeps every balance in one document, which holds at "
                    + "most " + MongoAccounts.MAX_LEDGER_ACCOUNTS + " accounts (16 MB limit); got accounts=" + accounts);
        }
        endpoint = Endpoints.current().require(Engine.MONGODB);
        noTransactions = endpoint.mode() == TargetMode.FAKE ? "the test fake has no transactions"
                : "supported".equals(endpoint.settings().get("transactions")) ? null
                : "the server has transactions=" + endpoint.settings().get("transactions")
                + " (replica_set=" + endpoint.settings().get("replica_set") + ")";
        client = MongoIdentity.open(endpoint.url());
        database = client.getDatabase("tradeoffbench");
        start();
    }

    @Override
    protected void load() {
        MongoAccounts.rebuild(database, economy, writeConcern);
    }

    @Override
    protected long total() {
        return ledgerShape ? MongoAccounts.ledgerTotal(database, economy) : MongoAccounts.accountsTotal(database, economy);
    }

    @Override
    protected long auditSum() {
        return ledgerShape ? MongoAccounts.ledgerTotal(database, economy) : MongoAccounts.accountsSum(database, economy);
    }

    @Override
    protected void restore() {
        MongoAccounts.rebuild(database, economy, writeConcern);
    }

    @Override
    protected void closeConnections() {
        sessions.forEach(ClientSession::close); // idempotent: a thread's own close may come later
        if (client != null) {
            client.close();
        }
    }
}
