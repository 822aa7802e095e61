package tradeoffbench.joins;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.ThreadParams;
import tradeoffbench.params.Accepts;
import tradeoffbench.targets.Engine;
import tradeoffbench.targets.Needs;

/*
 * The write bill of denormalization: "a user renames". Normalized, the name lives in one row; denormalized or
 * embedded, in K copies, K = the number of comments the user wrote. The renamed user is one of the users the
 * generator planned with exactly K comments and no post (JoinsModel), so `copies` = K is exact.
 *
 *   renameNormalized       one transaction: UPDATE users, 1 row
 *   renameDenormalized     one transaction: d_users (1 row) + d_comments (K rows) + d_posts, d_comments' post
 *                          author and d_feed (0 rows for these users, but each statement still probes its index)
 *   renameJsonb            one transaction: j_users + every post document holding one of the K comments,
 *                          rewritten whole (<= K documents; found through a GIN jsonb_path_ops index and
 *                          locked in id order, since two users' renames share documents and would deadlock)
 *   renameMongoNormalized  updateOne on users
 *   renameMongoEmbedded    updateOne on users + updateMany with arrayFilters on the posts embedding the K comments
 *
 * Every rename, in every layout, is one transaction: the layouts differ in the statements they need, not in how they
 * commit. Each call gives the user a name it never had ("<name> (renamed <thread>.<n>)"), so every call changes
 * data; the count of rows/documents changed is checked against the model on every call. Each thread renames its own
 * planned user (JoinsModel.REPLICAS of them per K; past that many threads, users are shared and contend on row locks,
 * but a rename is still never a no-op). After every iteration the thread's user gets the generated name back, every
 * copy in the layout is read back and checked, and the tables are vacuumed, so iteration 3 writes into the same
 * tables as iteration 1; the loader also repairs names left by an interrupted run.
 *
 * PAIRED ROWS: same (posts, fanout) as PostReadBenchmark; pair renameNormalized with joined,
 * renameDenormalized with denormalized, renameJsonb with jsonbDocument, renameMongoNormalized with mongoLookup,
 * renameMongoEmbedded with mongoEmbedded (Joins). Read saves r us, rename costs w us more at copies = K:
 * denormalizing pays while reads/renames > w / r.
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RenameWriteBenchmark {

    /** K, and the planned users with exactly K comments the threads rename (one each). */
    @State(Scope.Benchmark)
    public static class Renames {
        /** K: copies of the renamed user's name in the denormalized layouts. */
        @Accepts(value = "10{0,6}", meaning = "a planned comment count K, a power of ten (1, 10, 100, ...)")
        @Param({"100"})
        public int copies;

        JoinsModel model;
        long[] users;
        final AtomicInteger nextUser = new AtomicInteger();

        @Setup
        public void plan(JoinsData data) {
            model = data.model;
            users = model.usersWithCopies(copies);
        }

        /** The next thread's own user; past {@link JoinsModel#REPLICAS} threads, users are shared (and contended). */
        long takeUser() {
            return users[nextUser.getAndIncrement() % users.length];
        }
    }

    /** One renamed user per thread; every rename gives it a name it never had; what each layout must change. */
    abstract static class Renamer {
        JoinsModel model;
        long user;
        int copies;
        int thread;
        long renames;
        boolean vacuums;
        /** Layouts renamed by this thread since its user last had the generated name. */
        final Set<Layout> renamed = EnumSet.noneOf(Layout.class);
        final Map<Layout, Integer> expected = new EnumMap<>(Layout.class);

        void start(Renames renames, ThreadParams threadParams) {
            model = renames.model;
            copies = renames.copies;
            user = renames.takeUser();
            thread = threadParams.getThreadIndex();
            vacuums = thread == 0;
            for (Layout layout : Layout.values()) {
                expected.put(layout, expectedChanges(model, layout, user));
            }
        }

        /** A name the user never had, so every call changes the data, whichever thread renamed it last. */
        String nextName(Layout layout) {
            renamed.add(layout);
            return model.renamedName(user, thread, ++renames);
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
                rename(layout, model.userName(user));
                verifyName(layout, model.userName(user));
            }
            renamed.clear();
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
        int posts = model.postsBy(user).length;
        return switch (layout) {
            case NORMALIZED, MONGO_NORMALIZED -> 1;
            case DENORMALIZED -> 1 + model.commentsBy(user).length + posts + posts * model.fanout()
                    + (int) model.feedRowsOf(user);
            case JSONB, MONGO_EMBEDDED -> 1 + model.documentsMentioning(user).length;
        };
    }

    @State(Scope.Thread)
    public static class PostgresSession extends Renamer {
        PostgresJoinsStore store;

        @Setup
        public void open(PostgresLayouts layouts, Renames renames, ThreadParams threadParams) throws Exception {
            start(renames, threadParams);
            store = layouts.open(model);
        }

        @Override
        int rename(Layout layout, String name) throws Exception {
            return store.rename(layout, user, name);
        }

        @Override
        PostView read(Layout layout, long postId) throws Exception {
            return store.post(layout, postId);
        }

        /** Every iteration ends as it began: the generated names back, and (thread 0) the dead rows vacuumed. */
        @TearDown(Level.Iteration)
        public void restore() throws Exception {
            restoreAndVerify();
            if (vacuums) {
                store.vacuum();
            }
        }

        @TearDown
        public void close() throws Exception {
            store.close();
        }
    }

    @State(Scope.Thread)
    public static class MongoSession extends Renamer {
        MongoJoinsStore store;

        @Setup
        public void open(MongoLayouts layouts, Renames renames, ThreadParams threadParams) {
            start(renames, threadParams);
            store = layouts.store;
        }

        @Override
        int rename(Layout layout, String name) {
            return store.rename(layout, user, name);
        }

        @Override
        PostView read(Layout layout, long postId) {
            return store.post(layout, postId);
        }

        @TearDown(Level.Iteration)
        public void restore() throws Exception {
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
        return s.checked(Layout.DENORMALIZED, s.store.renameDenormalized(s.user, s.nextName(Layout.DENORMALIZED)));
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
     *   ... -p copies=1,10,100 -t 1        (the K sweep; the default is K = 100 alone. posts x fanout must hold
     *                                     8 x the ladder in half its comments: 1000 x 10 holds K up to 100,
     *                                     1000 x 100 up to 1000)
     *
     * WHAT TO EXPECT: renameNormalized costs the same at every K (one row; at 1 thread mostly the commit's WAL
     * flush, fsync being on). renameDenormalized and renameJsonb grow with K: at K = 1 they cost about the
     * normalized rename plus a few index probes, at K = 1000 milliseconds; JSONB grows faster per copy, since each
     * copy rewrites a whole document. Put each next to its read twin: the K at which w / r exceeds your real
     * reads-per-rename ratio is where denormalizing stops paying.
     */
}
