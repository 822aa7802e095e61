package tradeoffbench.sharding;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
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
import tradeoffbench.dataset.MongoUsers;
import tradeoffbench.dataset.User;
import tradeoffbench.dataset.UserGenerator;
import tradeoffbench.targets.Endpoint;
import tradeoffbench.targets.Endpoints;
import tradeoffbench.targets.Engine;
import tradeoffbench.targets.Needs;
import tradeoffbench.targets.mongo.MongoIdentity;

/*
 * The sharding question asked of a MongoDB sharded cluster through its mongos: the users sharded on a hashed user id
 * (MongosSetup), an unsharded copy beside them.
 *
 *   mongosRoutedLookup   by userId: mongos targets the one shard owning the hash.
 *   mongosScatterGather  by handle: mongos broadcasts to every shard.
 *   mongosUnsharded      by userId in the unsharded collection: the baseline.
 *
 * Runs where a mongos is reachable (--mongos-url, or Testcontainers' sharded MongoDB where Docker can pull it);
 * skipped with that reason otherwise.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Needs(Engine.MONGOS)
public class MongosBenchmark {
    static final String DATABASE = "tradeoffbench";

    /** The users loaded once per size into both collections; the sharded one sharded before it is filled. */
    @State(Scope.Benchmark)
    public static class Cluster {
        Endpoint endpoint;

        @Setup
        public void load(UserData data) {
            endpoint = Endpoints.current().require(Engine.MONGOS);
            try (MongoClient client = MongoIdentity.open(endpoint.url())) {
                MongoDatabase db = client.getDatabase(DATABASE);
                for (Document command : MongosSetup.shardCommands(DATABASE, data.users)) {
                    client.getDatabase("admin").runCommand(command);
                }
                for (String name : List.of(MongosSetup.sharded(data.users), MongosSetup.unsharded(data.users))) {
                    MongoCollection<Document> c = db.getCollection(name);
                    if (c.countDocuments() != data.users) {
                        c.deleteMany(new Document());
                        UserGenerator generator = new UserGenerator(UserGenerator.DEFAULT_SEED);
                        List<Document> batch = new ArrayList<>();
                        for (long id = 1; id <= data.users; id++) {
                            batch.add(MongoUsers.toDocument(generator.user(id)));
                            if (batch.size() == 1000 || id == data.users) {
                                c.insertMany(batch);
                                batch.clear();
                            }
                        }
                        c.createIndex(MongosSetup.handleIndex(), new IndexOptions().unique(name.startsWith("users")));
                    }
                }
            }
        }
    }

    @State(Scope.Thread)
    public static class Client {
        MongoClient client;
        MongoCollection<Document> sharded;
        MongoCollection<Document> unsharded;
        Lookups lookups;

        @Setup
        public void open(Cluster cluster, UserData data, ThreadParams thread) {
            client = MongoIdentity.open(cluster.endpoint.url());
            MongoDatabase db = client.getDatabase(DATABASE);
            sharded = db.getCollection(MongosSetup.sharded(data.users));
            unsharded = db.getCollection(MongosSetup.unsharded(data.users));
            lookups = Lookups.uniform(data.users, thread.getThreadIndex());
        }

        User find(MongoCollection<Document> collection, org.bson.conversions.Bson filter) {
            Document d = collection.find(filter).first();
            return d == null ? null : MongoUsers.fromDocument(d);
        }

        @TearDown
        public void close() {
            try {
                lookups.verifySample("mongos routed lookup", u -> find(sharded, Filters.eq("_id", u.id())));
            } finally {
                client.close();
            }
        }
    }

    @Benchmark
    public User mongosRoutedLookup(Client client) {
        User wanted = client.lookups.next();
        return Lookups.check("mongos routed lookup", wanted, client.find(client.sharded, Filters.eq("_id", wanted.id())));
    }

    @Benchmark
    public User mongosScatterGather(Client client) {
        User wanted = client.lookups.next();
        return Lookups.check("mongos scatter-gather", wanted,
                client.find(client.sharded, Filters.eq("handle", wanted.handle())));
    }

    @Benchmark
    public User mongosUnsharded(Client client) {
        User wanted = client.lookups.next();
        return Lookups.check("mongos unsharded lookup", wanted,
                client.find(client.unsharded, Filters.eq("_id", wanted.id())));
    }

    /*
     * HOW TO RUN THIS TEST:
     *
     *   java -jar experiments/target/tradeoff-bench.jar run -b MongosBenchmark --mongos-url 'mongodb://router:27017'
     *
     * WHAT TO EXPECT: the routed lookup near the unsharded one (mongos adds a hop either way); the scatter-gather
     * slower, waiting for every shard's answer.
     */
}
