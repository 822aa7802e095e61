package tradeoffbench.atomicity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.mongodb.MongoException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The economy in MongoDB, in the two shapes the benchmark compares, with every filter and field name in one place:
 *
 * <ul>
 *   <li>{@code accounts_N}: one document per account {@code {_id, balance, initial, version}} — a transfer touches
 *       two documents, so it needs a multi-document transaction to be atomic;</li>
 *   <li>{@code ledger_N}: the whole economy embedded in one document {@code {_id: "economy", balances: {a1: ..,
 *       a2: ..}, version}} — a transfer is one atomic single-document update, and every transfer writes the same
 *       document (the price of the shape). Limited to {@link #MAX_LEDGER_ACCOUNTS} by the 16 MB document limit.</li>
 * </ul>
 * Both are rebuilt at every trial and after every iteration (drop and insert), which also resets the balances.
 */
public final class MongoAccounts {
    static final String BALANCE = "balance";
    static final String INITIAL = "initial";
    static final String VERSION = "version";
    static final String BALANCES = "balances";
    static final String LEDGER_ID = "economy";
    static final int MAX_LEDGER_ACCOUNTS = 200_000;
    static final int BATCH = 1_000;

    private MongoAccounts() {
    }

    static String accountsCollection(Accounts accounts) {
        return "accounts_" + accounts.count();
    }

    static String ledgerCollection(Accounts accounts) {
        return "ledger_" + accounts.count();
    }

    /** The ledger field of one account: {@code balances.a17}. */
    static String ledgerField(long id) {
        return BALANCES + ".a" + id;
    }

    static Bson byId(Object id) {
        return Filters.eq("_id", id);
    }

    static Bson byIds(long first, long second) {
        return Filters.in("_id", first, second);
    }

    static Bson ledger() {
        return byId(LEDGER_ID);
    }

    /**
     * What a write concern waits for, as rows and verdicts should say it. On the one-member replica set the container
     * mode starts, {@code w1} is acknowledged once the primary applied the write (the journal is flushed later, every
     * 100 ms), while {@code majority} waits until a majority (that one member) journaled it: the difference is a
     * journal flush per write, not nothing.
     */
    public static String describe(String writeConcern) {
        return switch (writeConcern.trim().toLowerCase(Locale.ROOT)) {
            case "w1" -> "w:1 (acknowledged when the primary applied it; no journal wait)";
            case "majority" -> "w:majority (acknowledged when a majority journaled it)";
            default -> writeConcern;
        };
    }

    /** {@code w1}, {@code majority} or {@code wN}; anything else is a one-line error naming it. */
    public static WriteConcern writeConcern(String name) {
        String text = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        if (text.equals("majority")) {
            return WriteConcern.MAJORITY;
        }
        if (text.matches("w\\d{1,2}")) {
            return new WriteConcern(Integer.parseInt(text.substring(1)));
        }
        throw new IllegalArgumentException("unknown write concern '" + name + "'; valid: w1, majority (or wN)");
    }

    /**
     * Rebuilds both shapes with the starting balances, writing with the trial's write concern, so a concern the
     * server refuses is a one-line error here, before anything is measured.
     */
    public static void rebuild(MongoDatabase database, Accounts accounts, String writeConcernName) {
        WriteConcern concern = writeConcern(writeConcernName);
        try {
            MongoCollection<Document> perAccount = database.getCollection(accountsCollection(accounts))
                    .withWriteConcern(concern);
            perAccount.drop();
            List<Document> batch = new ArrayList<>(BATCH);
            for (long id = 1; id <= accounts.count(); id++) {
                long balance = accounts.initialBalance(id);
                batch.add(new Document("_id", id).append(BALANCE, balance).append(INITIAL, balance)
                        .append(VERSION, 0L));
                if (batch.size() == BATCH) {
                    perAccount.insertMany(batch, new InsertManyOptions().ordered(false));
                    batch = new ArrayList<>(BATCH);
                }
            }
            if (!batch.isEmpty()) {
                perAccount.insertMany(batch, new InsertManyOptions().ordered(false));
            }
            MongoCollection<Document> ledger = database.getCollection(ledgerCollection(accounts))
                    .withWriteConcern(concern);
            ledger.drop();
            if (accounts.count() <= MAX_LEDGER_ACCOUNTS) {
                Document balances = new Document();
                for (long id = 1; id <= accounts.count(); id++) {
                    balances.append("a" + id, accounts.initialBalance(id));
                }
                ledger.insertOne(new Document("_id", LEDGER_ID).append(BALANCES, balances).append(VERSION, 0L));
            }
        } catch (MongoException e) {
            throw new IllegalArgumentException("MongoDB refused the economy's writes with write concern '"
                    + writeConcernName + "': " + PostgresAccounts.oneLine(e.getMessage()), e);
        }
    }

    /** The money in the per-account collection, summed by the server (one aggregation: the auditor's read). */
    public static long accountsSum(MongoDatabase database, Accounts accounts) {
        Document sum = database.getCollection(accountsCollection(accounts)).aggregate(List.of(
                new Document("$group", new Document("_id", null).append("total", new Document("$sum", "$" + BALANCE)))))
                .first();
        return sum == null ? 0 : ((Number) sum.get("total")).longValue();
    }

    /** The money in the per-account collection. */
    public static long accountsTotal(MongoDatabase database, Accounts accounts) {
        long total = 0;
        long documents = 0;
        for (Document d : database.getCollection(accountsCollection(accounts)).find()
                .projection(Projections.include(BALANCE))) {
            total += ((Number) d.get(BALANCE)).longValue();
            documents++;
        }
        if (documents != accounts.count()) {
            throw new IllegalStateException(accountsCollection(accounts) + " holds " + documents
                    + " accounts, expected " + accounts.count());
        }
        return total;
    }

    /** The money in the ledger document. */
    public static long ledgerTotal(MongoDatabase database, Accounts accounts) {
        Document ledger = database.getCollection(ledgerCollection(accounts)).find(ledger()).first();
        if (ledger == null) {
            throw new IllegalStateException(ledgerCollection(accounts) + " has no ledger document (accounts="
                    + accounts.count() + "; the single-document shape holds at most " + MAX_LEDGER_ACCOUNTS + ")");
        }
        Document balances = ledger.get(BALANCES, Document.class);
        long total = 0;
        for (Object value : balances.values()) {
            total += ((Number) value).longValue();
        }
        if (balances.size() != accounts.count()) {
            throw new IllegalStateException("the ledger holds " + balances.size() + " accounts, expected "
                    + accounts.count());
        }
        return total;
    }
}
