package tradeoffbench.joins;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
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
import tradeoffbench.params.Accepts;
import tradeoffbench.targets.Endpoint;
import tradeoffbench.targets.Engine;
import tradeoffbench.targets.Needs;

/*
 * The write bill of denormalization: "a user renames". Normalized, the name lives in one row; denormalized or
 * embedded, in K copies, K = the number of comments the user wrote. The renamed user is one of the users the
 * generator planned with exactly K comments and no post (JoinsModel), so `copies` = K is exact.
 *
 *   renameNormalized       UPDATE users: 1 row
 *   renameDenormalized     one transaction: d_users (1 row) + d_comments (K rows) + d_posts + d_feed (0 rows for
 *                          these users, but each statement still probes its index)
 *   renameJsonb            one transaction: j_users + every post document holding one of the K comments,
 *                          rewritten whole (<= K documents; found through a GIN jsonb_path_ops index and
 *                          locked in id order, since two users' renames share documents and would deadlock)
 *   renameMongoNormalized  updateOne on users
 *   renameMongoEmbedded    updateOne on users + updateMany with arrayFilters on the posts embedding the K comments
 *
 * Each call alternates the user's name between the generated one and "<name> Jr.", so every call changes data;
 * the count of rows/documents changed is checked against the model on every call. Each thread renames its own
 * planned user (JoinsModel.REPLICAS of them per K; beyond that threads share users and contend on row locks).
 * At trial end the thread's user gets the generated name back and every copy in the layout is read back and
 * checked; the loader also repairs names left by an interrupted run.
 *
 * PAIRED ROWS: same (posts, fanout) as PostReadBenchmark; pair renameNormalized with joined,
 * renameDenormalized with denormalized, renameJsonb with jsonbDocument, renameMongoNormalized with mongoLookup,
 * renameMongoEmbedded with mongoEmbedded (JoinsPairs). Read saves r us, rename costs w us more at copies = K:
 * denormalizing pays while reads/renames > w / r.
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@Threads(1)
public class RenameWriteBenchmark {

    @State(Scope.Benchmark)
    public static class Dataset {
        @Accepts(value = Accepts.POSITIVE, meaning = "a number of comments per post")
        @Param({"10"})
        public int fanout;
        @Accepts(value = Accepts.POSITIVE, meaning = "a number of posts")
        @Param({"1000"})
        public int posts;
        /** K: copies of the renamed user's name in the denormalized layouts. */
        @Accepts(value = "10{0,6}", meaning = "a planned comment count K, a power of ten (1, 10, 100, ...)")
        @Param({"100"})
        public int copies;
        JoinsModel model;
        long[] renamedUsers;
        final AtomicInteger nextUser = new AtomicInteger();

        @Setup
        public void generate() {
            model = JoinsFixture.model(posts, fanout);
            renamedUsers = model.usersWithCopies(copies);
        }

        long takeUser() {
            return renamedUsers[nextUser.getAndIncrement() % renamedUsers.length];
        }
    }

    /** One renamed user per thread, alternating between two names; what each layout must report changing. */
    abstract static class Renamer {
        JoinsModel model;
        long user;
        int copies;
        /** Layouts renamed by this thread, and those now holding the alternate name. */
        final Set<Layout> renamed = EnumSet.noneOf(Layout.class);
        final Set<Layout> alternate = EnumSet.noneOf(Layout.class);
        final Map<Layout, Integer> expected = new EnumMap<>(Layout.class);

        void start(Dataset dataset) {
            model = dataset.model;
            copies = dataset.copies;
            user = dataset.takeUser();
            for (Layout layout : Layout.values()) {
                expected.put(layout, expectedChanges(model, layout, user));
            }
        }

        /** The generated name and "<name> Jr." in turn, per layout, so every call changes the data. */
        String nextName(Layout layout) {
            renamed.add(layout);
            if (alternate.remove(layout)) {
                return model.userName(user);
            }
            alternate.add(layout);
            return model.alternateName(user);
        }

        int checked(Layout layout, int changed) {
            int want = expected.get(layout);
            if (changed != want) {
                throw new IllegalStateException(layout + " rename of user " + user + " changed " + changed
                        + " rows/documents, expected " + want + " (copies=" + copies + ")");
            }
            return changed;
        }

        abstract int rename(Layout layout, String name) throws Exception;

        abstract PostView read(Layout layout, long postId) throws Exception;

        /** Gives the user the generated name back in every layout renamed, and reads back every copy. */
        void restoreAndVerify() throws Exception {
            for (Layout layout : renamed) {
                if (alternate.remove(layout)) {
                    rename(layout, model.userName(user));
                }
                verifyName(layout, model.userName(user));
            }
        }

        void verifyName(Layout layout, String name) throws Exception {
            for (long postId : model.documentsMentioning(user)) {
                PostView post = read(layout, postId);
                for (PostView.Comment c : post.comments()) {
                    if (c.authorId() == user && !name.equals(c.authorName())) {
                        throw new IllegalStateException(layout + " still shows '" + c.authorName() + "' for user "
                                + user + " in comment " + c.commentId() + " of post " + postId + ", expected '"
                                + name + "'");
                    }
                }
            }
        }
    }

    static int expectedChanges(JoinsModel model, Layout layout, long user) {
        return switch (layout) {
            case NORMALIZED, MONGO_NORMALIZED -> 1;
            case DENORMALIZED -> 1 + model.commentsBy(user).length + model.postsBy(user).length;
            case JSONB, MONGO_EMBEDDED -> 1 + model.documentsMentioning(user).length;
        };
    }

    @State(Scope.Benchmark)
    public static class PostgresData {
        Endpoint endpoint;

        @Setup
        public void load(Dataset dataset) throws Exception {
            endpoint = JoinsFixture.postgres();
            JoinsFixture.loadPostgres(endpoint, dataset.model);
        }
    }

    @State(Scope.Thread)
    public static class PostgresSession extends Renamer {
        PostgresJoinsStore store;

        @Setup
        public void open(PostgresData data, Dataset dataset) throws Exception {
            start(dataset);
            store = JoinsFixture.openPostgres(data.endpoint, model);
        }

        @Override
        int rename(Layout layout, String name) throws Exception {
            return store.rename(layout, user, name);
        }

        @Override
        PostView read(Layout layout, long postId) throws Exception {
            return store.post(layout, postId);
        }

        @TearDown
        public void close() throws Exception {
            try {
                restoreAndVerify();
            } finally {
                store.close();
            }
        }
    }

    @State(Scope.Benchmark)
    public static class MongoData {
        MongoClient client;
        MongoJoinsStore store;

        @Setup
        public void load(Dataset dataset) {
            client = JoinsFixture.openMongo();
            store = JoinsFixture.loadMongo(client, dataset.model);
        }

        @TearDown
        public void close() {
            client.close();
        }
    }

    @State(Scope.Thread)
    public static class MongoSession extends Renamer {
        MongoJoinsStore store;

        @Setup
        public void open(MongoData data, Dataset dataset) {
            start(dataset);
            store = data.store;
        }

        @Override
        int rename(Layout layout, String name) {
            return store.rename(layout, user, name);
        }

        @Override
        PostView read(Layout layout, long postId) {
            return store.post(layout, postId);
        }

        @TearDown
        public void close() throws Exception {
            restoreAndVerify();
        }
    }

    @Benchmark
    @Needs(Engine.POSTGRESQL)
    public int renameNormalized(PostgresSession s) throws Exception {
        return s.checked(Layout.NORMALIZED, s.store.renameNormalized(s.user, s.nextName(Layout.NORMALIZED)));
    }

    @Benchmark
    @Needs(Engine.POSTGRESQL)
    public int renameDenormalized(PostgresSession s) throws Exception {
        Layout layout = Layout.DENORMALIZED;
        return s.checked(layout, s.store.renameDenormalized(s.user, s.nextName(layout)));
    }

    @Benchmark
    @Needs(Engine.POSTGRESQL)
    public int renameJsonb(PostgresSession s) throws Exception {
        return s.checked(Layout.JSONB, s.store.renameJsonb(s.user, s.nextName(Layout.JSONB)));
    }

    @Benchmark
    @Needs(Engine.MONGODB)
    public int renameMongoNormalized(MongoSession s) {
        Layout layout = Layout.MONGO_NORMALIZED;
        return s.checked(layout, s.store.renameNormalized(s.user, s.nextName(layout)));
    }

    @Benchmark
    @Needs(Engine.MONGODB)
    public int renameMongoEmbedded(MongoSession s) {
        Layout layout = Layout.MONGO_EMBEDDED;
        return s.checked(layout, s.store.renameEmbedded(s.user, s.nextName(layout)));
    }

    /*
     * HOW TO RUN THIS TEST:
     *
     *   java -jar experiments/target/tradeoff-bench.jar run -b 'joins.RenameWriteBenchmark' --profile quick
     *   ... -p copies=1,10,100,1000 -t 1   (the K sweep; the default is K = 100 alone, to keep the family's
     *                                     quick profile near 4 minutes. posts x fanout must hold 4 x the ladder:
     *                                     1000 x 10 holds K up to 1000, 1000 x 100 up to 10000)
     *
     * WHAT TO EXPECT: renameNormalized costs the same at every K (one row; at 1 thread mostly the commit's WAL
     * flush, fsync being on). renameDenormalized and renameJsonb grow with K: at K = 1 they cost about the
     * normalized rename plus a few index probes, at K = 1000 milliseconds; JSONB grows faster per copy, since each
     * copy rewrites a whole document. Put each next to its read twin: the K at which w / r exceeds your real
     * reads-per-rename ratio is where denormalizing stops paying.
     */
}
