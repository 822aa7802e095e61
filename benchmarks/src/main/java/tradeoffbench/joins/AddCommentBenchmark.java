package tradeoffbench.joins;

import java.util.EnumMap;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import tradeoffbench.targets.Engine;
import tradeoffbench.targets.Needs;

/*
 * The everyday write: "add a comment" to a random post, by a random (background) user, in each layout.
 *
 *   addCommentNormalized        INSERT one comments row (foreign keys checked)
 *   addCommentDenormalized      INSERT ... SELECT: the author's name is copied from d_users by the same statement
 *   addCommentJsonb             UPDATE the post's document, appending to its comments array: the whole document
 *                               is rewritten, so the cost grows with fanout
 *   addCommentMongoNormalized   insertOne into comments
 *   addCommentMongoEmbedded     find the author's name, then $push into the post's document
 *
 * Every call must write exactly one row/document. Added comments get ids above the generated ones; at the end of
 * every iteration (warmup included) a sample of them is read back through the layout's own read (the author's
 * name and body must be there), then all are removed and the sampled posts must equal the generated model again.
 * So documents grow by at most one iteration's worth of comments (throughput x 1 s / posts per post).
 *
 * PAIRED ROWS: same (posts, fanout) as PostReadBenchmark; addCommentNormalized pairs with joined,
 * addCommentDenormalized with denormalized, addCommentJsonb with jsonbDocument, addCommentMongoNormalized with
 * mongoLookup, addCommentMongoEmbedded with mongoEmbedded (Joins).
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AddCommentBenchmark {

    /** A comment added by a benchmark call, kept to be read back. */
    record Added(Layout layout, long commentId, long postId, long authorId, String body) {
    }

    /** Shared by the threads: ids, counts per layout, a sample of the added comments, and the clean-up. */
    abstract static class Additions {
        static final int SAMPLE_EVERY = 16;
        JoinsModel model;
        AtomicLong nextId;
        final Map<Layout, LongAdder> added = new EnumMap<>(Layout.class);
        final Queue<Added> sample = new ConcurrentLinkedQueue<>();

        void start(JoinsData data) {
            model = data.model;
            nextId = new AtomicLong(model.comments() + 1);
            for (Layout layout : Layout.values()) {
                added.put(layout, new LongAdder());
            }
        }

        /** How a thread writes one comment in a layout; returns the rows/documents written. */
        interface Writer {
            int write(Layout layout, long id, long post, long author, String body) throws Exception;
        }

        int add(Layout layout, SplittableRandom random, Writer writer) throws Exception {
            long id = nextId.getAndIncrement();
            long post = 1 + random.nextInt(model.posts());
            long author = 1 + random.nextInt(model.backgroundUsers());
            String body = "Added comment " + id;
            int written = writer.write(layout, id, post, author, body);
            if (written != 1) {
                throw new IllegalStateException(layout + " add of comment " + id + " to post " + post + " wrote "
                        + written + " rows/documents, expected 1");
            }
            added.get(layout).increment();
            if (id % SAMPLE_EVERY == 0) {
                sample.add(new Added(layout, id, post, author, body));
            }
            return written;
        }

        abstract PostView read(Layout layout, long postId) throws Exception;

        abstract long remove(Layout layout) throws Exception;

        /** Reads back the sampled comments, removes all added ones, checks the sampled posts are as generated. */
        void verifyAndRemove() throws Exception {
            for (Added a : sample) {
                PostView post = read(a.layout(), a.postId());
                PostView.Comment c = post == null ? null : post.comment(a.commentId());
                PostView.Comment want = new PostView.Comment(a.commentId(), a.authorId(),
                        model.userName(a.authorId()), a.body());
                if (!want.equals(c)) {
                    throw new IllegalStateException(a.layout() + " does not return added comment " + a.commentId()
                            + " of post " + a.postId() + ": expected " + want + ", found " + c);
                }
            }
            for (var e : added.entrySet()) {
                long count = e.getValue().sumThenReset();
                if (count == 0) {
                    continue;
                }
                long removed = remove(e.getKey());
                boolean rows = e.getKey() == Layout.NORMALIZED || e.getKey() == Layout.DENORMALIZED
                        || e.getKey() == Layout.MONGO_NORMALIZED;
                if (rows ? removed != count : removed < 1 || removed > count) {
                    throw new IllegalStateException(e.getKey() + " added " + count + " comments but removing them "
                            + "changed " + removed + (rows ? " rows" : " documents"));
                }
            }
            for (Added a : sample) {
                AnswerCheck.samePost(a.layout(), a.postId(), read(a.layout(), a.postId()),
                        model.expectedPost(a.postId()), null);
            }
            sample.clear();
        }
    }

    @State(Scope.Benchmark)
    public static class PostgresData extends Additions {
        PostgresLayouts layouts;
        PostgresJoinsStore housekeeping;

        @Setup
        public void load(PostgresLayouts layouts, JoinsData data) throws Exception {
            start(data);
            this.layouts = layouts;
            housekeeping = layouts.open(model);
        }

        @Override
        PostView read(Layout layout, long postId) throws Exception {
            return housekeeping.post(layout, postId);
        }

        @Override
        long remove(Layout layout) throws Exception {
            return housekeeping.removeAddedComments(layout);
        }

        /** Every iteration ends as it began: the added comments gone, and their dead rows vacuumed. */
        @TearDown(Level.Iteration)
        public void afterIteration() throws Exception {
            verifyAndRemove();
            housekeeping.vacuum();
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            housekeeping.close();
        }
    }

    /** One connection per thread: its writes are the measured work. */
    @State(Scope.Thread)
    public static class PostgresSession {
        PostgresJoinsStore store;
        final SplittableRandom random = new SplittableRandom();

        @Setup
        public void open(PostgresData data) throws Exception {
            store = data.layouts.open(data.model);
        }

        @TearDown
        public void close() throws Exception {
            store.close();
        }
    }

    @State(Scope.Benchmark)
    public static class MongoData extends Additions {
        MongoJoinsStore store;

        @Setup
        public void load(MongoLayouts layouts, JoinsData data) {
            start(data);
            store = layouts.store;
        }

        @Override
        PostView read(Layout layout, long postId) {
            return store.post(layout, postId);
        }

        @Override
        long remove(Layout layout) {
            return store.removeAddedComments(layout);
        }

        @TearDown(Level.Iteration)
        public void afterIteration() throws Exception {
            verifyAndRemove();
        }
    }

    @State(Scope.Thread)
    public static class MongoSession {
        final SplittableRandom random = new SplittableRandom();
    }

    @Benchmark
    @Needs(Engine.POSTGRESQL)
    public int addCommentNormalized(PostgresData data, PostgresSession s) throws Exception {
        return data.add(Layout.NORMALIZED, s.random, s.store::addComment);
    }

    @Benchmark
    @Needs(Engine.POSTGRESQL)
    public int addCommentDenormalized(PostgresData data, PostgresSession s) throws Exception {
        return data.add(Layout.DENORMALIZED, s.random, s.store::addComment);
    }

    @Benchmark
    @Needs(Engine.POSTGRESQL)
    public int addCommentJsonb(PostgresData data, PostgresSession s) throws Exception {
        return data.add(Layout.JSONB, s.random, s.store::addComment);
    }

    @Benchmark
    @Needs(Engine.MONGODB)
    public int addCommentMongoNormalized(MongoData data, MongoSession s) throws Exception {
        return data.add(Layout.MONGO_NORMALIZED, s.random, data.store::addComment);
    }

    @Benchmark
    @Needs(Engine.MONGODB)
    public int addCommentMongoEmbedded(MongoData data, MongoSession s) throws Exception {
        return data.add(Layout.MONGO_EMBEDDED, s.random, data.store::addComment);
    }

    /*
     * HOW TO RUN THIS TEST:
     *
     *   java -jar experiments/target/tradeoff-bench.jar run -b 'joins.AddCommentBenchmark' --profile quick
     *   ... -p fanout=10,100,1000        (bigger documents: the JSONB append rewrites more bytes)
     *
     * WHAT TO EXPECT: the normalized and denormalized inserts cost about the same (one row, one commit; the
     * denormalized one also reads the name through the same statement). The JSONB append rewrites the whole
     * document, so it falls behind as fanout grows; MongoDB's embedded $push needs the author's name first (a
     * second round trip) but updates the document in place. Adding is cheap everywhere: denormalization's real
     * write bill is the rename (RenameWriteBenchmark), where one fact has K copies.
     */
}
