package tradeoffbench.joins;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import tradeoffbench.targets.Engine;
import tradeoffbench.targets.Needs;

/*
 * A join that spans more rows: "a user's feed page", the 20 latest posts of the users one follows, with each
 * author's name.
 *
 *   feedJoined        follows JOIN posts JOIN users, ordered by time: every post of all 20 followees is a
 *                     candidate, so the join touches (followees x their posts) rows to keep 20
 *   feedDenormalized  the timeline materialized at write time (fan-out on write): d_feed holds one row per
 *                     (follower, post of a followee) with the author's name copied; one index range scan
 *
 * Both return the same page; each answer's size is checked in the loop and a sample is compared with the model at
 * trial end. PAIRED ROWS: feedJoined pairs with RenameWriteBenchmark.renameNormalized, feedDenormalized with
 * renameDenormalized (whose transaction also rewrites d_feed's copies of the name), on the same (posts, fanout).
 * MongoDB twins are left out: the question is the join's width, which the PostgreSQL pair already shows.
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FeedReadBenchmark {

    @State(Scope.Thread)
    public static class PostgresSession {
        PostgresJoinsStore store;
        JoinsModel model;
        Layout layout;
        final AnswerCheck picker = new AnswerCheck();
        final List<Long> sampledUsers = new ArrayList<>();
        final List<List<FeedItem>> sampledPages = new ArrayList<>();
        long reads;

        @Setup
        public void open(PostgresLayouts layouts, JoinsData data) throws Exception {
            model = data.model;
            store = layouts.open(model);
        }

        List<FeedItem> checked(Layout read, long userId, List<FeedItem> page) {
            layout = read;
            int expected = Math.min(JoinsModel.FEED_PAGE, feedCandidates(userId));
            if (page.size() != expected || (!page.isEmpty() && page.get(0).authorName() == null)) {
                throw new IllegalStateException(read + " feed of user " + userId + " is wrong: " + page.size()
                        + " items, expected " + expected);
            }
            if (reads++ % AnswerCheck.SAMPLE_EVERY == 0 && sampledUsers.size() < AnswerCheck.SAMPLE_MAX) {
                sampledUsers.add(userId);
                sampledPages.add(page);
            }
            return page;
        }

        private int feedCandidates(long userId) {
            int n = 0;
            for (long f : model.followees(userId)) {
                n += model.postsBy(f).length;
            }
            return n;
        }

        @TearDown
        public void close() throws Exception {
            try {
                for (int i = 0; i < sampledUsers.size(); i++) {
                    long user = sampledUsers.get(i);
                    List<FeedItem> expected = model.expectedFeed(user);
                    if (!expected.equals(sampledPages.get(i))) {
                        throw new IllegalStateException("layouts disagree on the feed of user " + user + ": "
                                + layout + " answered " + sampledPages.get(i)
                                + ", the model (every layout's answer) is " + expected + ", NORMALIZED answers now " + store.feedJoined(user));
                    }
                }
            } finally {
                store.close();
            }
        }
    }

    @Benchmark
    @Needs(Engine.POSTGRESQL)
    public List<FeedItem> feedJoined(PostgresSession s) throws Exception {
        long user = s.picker.nextUser(s.model);
        return s.checked(Layout.NORMALIZED, user, s.store.feedJoined(user));
    }

    @Benchmark
    @Needs(Engine.POSTGRESQL)
    public List<FeedItem> feedDenormalized(PostgresSession s) throws Exception {
        long user = s.picker.nextUser(s.model);
        return s.checked(Layout.DENORMALIZED, user, s.store.feedDenormalized(user));
    }

    /*
     * HOW TO RUN THIS TEST:
     *
     *   java -jar experiments/target/tradeoff-bench.jar run -b 'joins.FeedReadBenchmark' --profile quick
     *   ... -p posts=1000,10000,100000      (more posts per followee: the joined feed's candidate set grows)
     *
     * WHAT TO EXPECT: feedDenormalized reads 20 index entries whatever the dataset size; feedJoined reads every
     * post of 20 followees (about 20 x posts / users candidates, skewed: prolific authors dominate) and sorts them,
     * so its cost grows with posts and the gap widens. The bill: d_feed holds ~20 rows per post, every new post
     * is written once per follower, and a rename rewrites the author's rows there too.
     */
}
