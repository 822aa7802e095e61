package tradeoffbench.lookup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
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
import org.openjdk.jmh.annotations.Warmup;
import tradeoffbench.dataset.DatasetFingerprint;
import tradeoffbench.dataset.MongoUsers;
import tradeoffbench.dataset.PostgresUsers;
import tradeoffbench.dataset.User;
import tradeoffbench.dataset.UserGenerator;
import tradeoffbench.params.Accepts;
import tradeoffbench.targets.Endpoint;
import tradeoffbench.targets.Endpoints;
import tradeoffbench.targets.Engine;
import tradeoffbench.targets.Needs;
import tradeoffbench.targets.mongo.MongoIdentity;

/*
 * The walking skeleton, and the seed's claim "no-relational has low latency": look up one user by primary key.
 *
 * PostgreSQL answers with a server-side prepared statement; MongoDB with find({_id}). Both read the same
 * generated users, chosen uniformly at random, and every answer is checked: a wrong user fails the run.
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class PointLookupBenchmark {

    /** The dataset: its size is the swept parameter; the seed is fixed so every run reads the same users. */
    @State(Scope.Benchmark)
    public static class Users {
        @Accepts(value = Accepts.POSITIVE, meaning = "a number of users", bytesEach = 300)
        @Param({"10000", "1000000"})
        public int users;

        DatasetFingerprint fingerprint() {
            return DatasetFingerprint.users(UserGenerator.DEFAULT_SEED, users);
        }
    }

    /** Loaded once per fork, before any thread measures; reused across forks and runs by fingerprint. */
    @State(Scope.Benchmark)
    public static class PostgresData {
        Endpoint endpoint;
        String selectById;

        @Setup
        public void load(Users users) throws SQLException {
            endpoint = Endpoints.current().require(Engine.POSTGRESQL);
            try (Connection connection = endpoint.connect()) {
                PostgresUsers.ensure(connection, users.fingerprint(), "postgresql");
            }
            selectById = PostgresUsers.SELECT_BY_ID.formatted(users.fingerprint().name());
        }
    }

    /** One connection and one prepared statement per benchmark thread, as an application would hold. */
    @State(Scope.Thread)
    public static class PostgresSession {
        Connection connection;
        PreparedStatement selectById;
        final Answers answers = new Answers();

        @Setup
        public void open(PostgresData data, Users users) throws SQLException {
            connection = data.endpoint.connect();
            // prepareThreshold=1 in the URL is not assumed: force a server-side prepared statement now.
            selectById = connection.prepareStatement(data.selectById);
            selectById.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(1);
            answers.size = users.users;
        }

        @TearDown
        public void close() throws SQLException {
            answers.verifySample(id -> {
                selectById.setLong(1, id);
                try (ResultSet rs = selectById.executeQuery()) {
                    return rs.next() ? PostgresUsers.map(rs) : null;
                }
            });
            connection.close();
        }
    }

    @State(Scope.Benchmark)
    public static class MongoData {
        MongoClient client;
        MongoCollection<Document> users;
        final Answers sample = new Answers();

        @Setup
        public void load(Users dataset) {
            sample.size = dataset.users;
            Endpoint endpoint = Endpoints.current().require(Engine.MONGODB);
            client = MongoIdentity.open(endpoint.url());
            var database = client.getDatabase("tradeoffbench");
            MongoUsers.ensure(database, dataset.fingerprint(), "mongodb");
            users = database.getCollection(dataset.fingerprint().name());
        }

        /** Checks a sample of whole documents against the generator, then closes the shared client. */
        @TearDown
        public void close() throws SQLException {
            try {
                sample.verifySample(id -> {
                    Document d = users.find(Filters.eq("_id", id)).first();
                    return d == null ? null : MongoUsers.fromDocument(d);
                });
            } finally {
                client.close();
            }
        }
    }

    @State(Scope.Thread)
    public static class MongoSession {
        final Answers answers = new Answers();

        @Setup
        public void open(Users users) {
            answers.size = users.users;
        }
    }

    @Benchmark
    @Needs(Engine.POSTGRESQL)
    public String postgresPrimaryKey(PostgresSession session) throws SQLException {
        long id = session.answers.nextId();
        session.selectById.setLong(1, id);
        try (ResultSet rs = session.selectById.executeQuery()) {
            if (!rs.next()) {
                throw Answers.wrong(id, "no row");
            }
            Answers.checkId(id, rs.getLong(1));
            return rs.getString(2);
        }
    }

    @Benchmark
    @Needs(Engine.MONGODB)
    public String mongoFindById(MongoData data, MongoSession session) {
        long id = session.answers.nextId();
        Document d = data.users.find(Filters.eq("_id", id)).first();
        if (d == null) {
            throw Answers.wrong(id, "no document");
        }
        Answers.checkId(id, ((Number) d.get("_id")).longValue());
        return d.getString("handle");
    }

    /**
     * Picks ids uniformly and checks answers: the id of every answer inside the measured loop (cheap), and the
     * whole row of a sample of ids against the generator when the trial ends.
     */
    static final class Answers {
        private static final int SAMPLE = 64;
        private final SplittableRandom random = new SplittableRandom();
        int size;

        long nextId() {
            return 1 + random.nextInt(size);
        }

        static void checkId(long expected, long actual) {
            if (expected != actual) {
                throw wrong(expected, "user " + actual + " came back");
            }
        }

        static IllegalStateException wrong(long id, String what) {
            return new IllegalStateException("point lookup of user " + id + " returned the wrong answer: " + what);
        }

        interface Lookup {
            User find(long id) throws SQLException;
        }

        void verifySample(Lookup lookup) throws SQLException {
            UserGenerator generator = new UserGenerator(UserGenerator.DEFAULT_SEED);
            SplittableRandom sample = new SplittableRandom(size);
            for (int i = 0; i < SAMPLE; i++) {
                long id = 1 + sample.nextInt(size);
                User expected = generator.user(id);
                User actual = lookup.find(id);
                if (!expected.equals(actual)) {
                    throw new IllegalStateException("user " + id + " differs from the generated dataset: expected "
                            + expected + ", found " + actual);
                }
            }
        }
    }

    /*
     * HOW TO RUN THIS TEST:
     *
     *   java -jar experiments/target/tradeoff-bench.jar run --family lookup --profile quick
     *
     * WHAT TO EXPECT: both engines answer a primary-key lookup in one network round trip. On a 2-vCPU VM with
     * one client thread that round trip (~0.1 ms, mostly waking an idle vCPU) dominates, so ops/s at 1 thread
     * measure the machine as much as the database; compare engines as ratios at the same thread count, and look
     * at p99 in the sample-time rows. The 1M-user table no longer fits the CPU caches, so expect it to be
     * somewhat slower than 10k users, not by orders of magnitude (both are index lookups).
     */
}
