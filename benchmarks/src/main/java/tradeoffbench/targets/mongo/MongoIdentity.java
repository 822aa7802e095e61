package tradeoffbench.targets.mongo;

import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import tradeoffbench.targets.Endpoint;
import tradeoffbench.targets.Engine;
import tradeoffbench.targets.Secrets;
import tradeoffbench.targets.TargetException;
import tradeoffbench.targets.TargetMode;

/** Reads a MongoDB server's identity (version, replica set, default write concern) from the server itself. */
public final class MongoIdentity {
    static final int TIMEOUT_SECONDS = 8;

    private MongoIdentity() {
    }

    public static Endpoint read(TargetMode mode, String connectionString) {
        return read(Engine.MONGODB, mode, connectionString);
    }

    /**
     * The server's identity: version, topology (standalone, replica set, or a {@code mongos} of a sharded cluster),
     * whether it runs multi-document transactions (replica sets and mongos do, a standalone does not) and its
     * default write concern.
     */
    public static Endpoint read(Engine engine, TargetMode mode, String connectionString) {
        ConnectionString parsed = parse(connectionString);
        String password = parsed.getPassword() == null ? null : new String(parsed.getPassword());
        try (MongoClient client = open(connectionString)) {
            var admin = client.getDatabase("admin");
            Document build = admin.runCommand(new Document("buildInfo", 1));
            Document hello = hello(admin);
            TreeMap<String, String> settings = new TreeMap<>();
            String setName = hello.getString("setName");
            Topology topology = Topology.of(hello);
            settings.put("topology", topology.label);
            settings.put("replica_set", setName == null ? "none" : setName);
            settings.put("transactions", topology == Topology.STANDALONE ? "unsupported (standalone)" : "supported");
            settings.put("default_write_concern", defaultWriteConcern(client));
            return new Endpoint(engine, mode, connectionString, parsed.getUsername(), password,
                    build.getString("version"), settings);
        } catch (MongoException e) {
            String why = Secrets.mask(e.getMessage(), password).replaceAll("\\s+", " ");
            if (e instanceof com.mongodb.MongoTimeoutException) {
                why = "timed out after " + TIMEOUT_SECONDS + " s waiting for a server to answer (" + why + ")";
            }
            throw new TargetException("cannot reach MongoDB at " + Secrets.mask(connectionString, password) + ": "
                    + why, e);
        }
    }

    /** The connection string, or one line saying what is wrong with it (the password masked). */
    static ConnectionString parse(String connectionString) {
        try {
            return new ConnectionString(connectionString);
        } catch (IllegalArgumentException e) {
            throw new TargetException("malformed MongoDB URL " + Secrets.mask(connectionString) + ": " + e.getMessage());
        }
    }

    /** A client whose server selection and connect time out quickly, so a wrong URL fails in seconds. */
    public static MongoClient open(String connectionString) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(connectionString))
                .applyToClusterSettings(b -> b.serverSelectionTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                .applyToSocketSettings(b -> b.connectTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                .build());
    }

    /** {@code hello}, or its older name {@code isMaster} for servers (and the test fake) that lack it. */
    private static Document hello(com.mongodb.client.MongoDatabase admin) {
        try {
            return admin.runCommand(new Document("hello", 1));
        } catch (com.mongodb.MongoCommandException e) {
            return admin.runCommand(new Document("isMaster", 1));
        }
    }

    private static String defaultWriteConcern(MongoClient client) {
        try {
            Document rw = client.getDatabase("admin").runCommand(new Document("getDefaultRWConcern", 1));
            Object wc = rw.get("defaultWriteConcern");
            return wc instanceof Document d ? d.toJson() : "server default";
        } catch (MongoException e) {
            return "unknown (" + e.getClass().getSimpleName() + ")";
        }
    }

    /** How the server answered {@code hello}: a mongos says {@code msg: isdbgrid}, a replica-set member names its set. */
    enum Topology {
        STANDALONE("standalone"), REPLICA_SET("replica set"), SHARDED("sharded cluster (mongos)");

        final String label;

        Topology(String label) {
            this.label = label;
        }

        static Topology of(Document hello) {
            if ("isdbgrid".equals(hello.getString("msg"))) {
                return SHARDED;
            }
            return hello.getString("setName") != null ? REPLICA_SET : STANDALONE;
        }
    }
}
