package tradeoffbench.sharding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.ThreadParams;
import tradeoffbench.params.Accepts;
import tradeoffbench.targets.Engine;
import tradeoffbench.targets.Needs;
import tradeoffbench.targets.Sharded;

/*
 * The seed's Twitter numbers: 150M daily users x 2 tweets a day = ~3,500 tweets/s on average, ~7,000 at peak.
 * Can one shard of this machine's kind take that?
 *
 *   tweetWrite  an open-loop writer: tweets are due at a fixed rate (`rate` tweets/s in all, spread evenly over the
 *               client threads, each with its own connection, so the server can commit several at once), whether
 *               or not the server keeps up. One tweet = one INSERT in its own transaction (one commit, one WAL flush:
 *               fsync and synchronous_commit are on, as on every server of this harness), on its author's shard.
 *
 * Latency is measured from when a tweet was DUE, not from when the writer got round to it: a server that falls
 * behind makes the due tweets wait, and that wait is in the latency (corrected for coordinated omission, as
 * HdrHistogram's recordValueWithExpectedInterval would do for a closed loop). Per iteration, thread 0 reports the
 * achieved rate (tweets written / wall time), the target, and p50/p99/p999 of the corrected latency (µs). A shard
 * sustains a rate when the achieved rate is the target and the p99 stays bounded.
 *
 * Checked: every insert writes one row; at every iteration's end the shards hold exactly the tweets written, each on
 * the shard its author's router says. The table is emptied before every iteration, so every iteration writes into
 * the same empty table.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(8)
@Needs(Engine.POSTGRESQL)
@Sharded(param = "shards")
public class TweetWriteBenchmark {
    /** The seed's average (150 M x 2 / 86,400 s) and peak (2 x average) tweet rates. */
    public static final int AVERAGE_TWEETS_PER_SECOND = 3_472;
    public static final int PEAK_TWEETS_PER_SECOND = 6_944;
    /** Latencies up to a minute, 3 significant digits. */
    static final long HIGHEST_MICROS = 60_000_000L;

    @State(Scope.Benchmark)
    public static class Timeline {
        @Accepts(value = Accepts.POSITIVE, meaning = "a number of shards")
        @Param({"1"})
        public int shards;

        /** Authors are 1..users (the tweets table does not reference the users table). */
        @Accepts(value = Accepts.POSITIVE, meaning = "a number of users")
        @Param({"10000"})
        public long users;

        /** Tweets per second due, over all client threads together. */
        @Accepts(value = Accepts.POSITIVE, meaning = "a rate in tweets per second")
        @Param({"3472", "6944"})
        public int rate;

        List<ShardTarget> targets;
        ShardRouter router;
        final LongAdder written = new LongAdder();
        final Recorder latency = new Recorder(HIGHEST_MICROS, 3);
        volatile long iterationStart;
        private Iteration ended;

        /** One iteration as thread 0 reports it. */
        record Iteration(long written, double seconds, Histogram latency) {
        }

        @Setup
        public void prepare() {
            targets = ShardTarget.current(shards);
            router = ShardRouter.hashing(shards);
            for (ShardTarget target : targets) {
                execute(target, ShardSql.CREATE_TWEETS, "creating sh_tweets");
            }
        }

        @Setup(Level.Iteration)
        public void beginIteration() {
            for (ShardTarget target : targets) {
                execute(target, ShardSql.TRUNCATE_TWEETS, "emptying sh_tweets");
            }
            written.reset();
            latency.reset();
            ended = null;
            iterationStart = System.nanoTime();
        }

        /** After every thread stopped: what this iteration wrote, checked against the shards (computed once). */
        synchronized Iteration endIteration() {
            if (ended == null) {
                double seconds = (System.nanoTime() - iterationStart) / 1e9;
                verify();
                ended = new Iteration(written.sum(), seconds, latency.getIntervalHistogram());
            }
            return ended;
        }

        @TearDown(Level.Iteration)
        public void finishIteration() {
            endIteration();
        }

        private void verify() {
            long total = 0;
            for (int shard = 0; shard < targets.size(); shard++) {
                ShardTarget target = targets.get(shard);
                try (var connection = target.open(); Statement statement = connection.createStatement()) {
                    try (ResultSet rs = statement.executeQuery(ShardSql.COUNT_TWEETS)) {
                        rs.next();
                        total += rs.getLong(1);
                    }
                    try (ResultSet rs = statement.executeQuery(ShardSql.SAMPLE_TWEET_AUTHORS)) {
                        while (rs.next()) {
                            long author = rs.getLong(1);
                            if (router.shardOf(author) != shard) {
                                throw new IllegalStateException("a tweet of user " + author + " is on "
                                        + target.name() + ", but " + router + " routes that user to shard "
                                        + router.shardOf(author));
                            }
                        }
                    }
                } catch (SQLException e) {
                    throw target.failure("counting sh_tweets", e);
                }
            }
            if (total != written.sum()) {
                throw new IllegalStateException("the shards hold " + total + " tweets, but " + written.sum()
                        + " were written");
            }
        }

        private static void execute(ShardTarget target, String sql, String doing) {
            try (var connection = target.open(); Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw target.failure(doing, e);
            }
        }
    }

    /** One client thread: its connection to every shard, its authors, and the schedule its tweets are due on. */
    @State(Scope.Thread)
    public static class Writer {
        ShardedStore store;
        SplittableRandom authors;
        long users;
        long intervalNanos;
        long offsetNanos;
        long due;
        boolean reports;
        TweetCounters counters;

        @Setup
        public void open(Timeline timeline, ThreadParams thread) {
            // The store also holds lookup statements for the layout's users tables; the driver prepares them on
            // the server only when first executed, so they cost nothing here and need no users loaded.
            store = new ShardedStore(timeline.targets, timeline.router, timeline.users);
            authors = new SplittableRandom(101L * (thread.getThreadIndex() + 1));
            users = timeline.users;
            intervalNanos = (long) (1e9 * thread.getThreadCount() / timeline.rate);
            offsetNanos = intervalNanos * thread.getThreadIndex() / thread.getThreadCount();
            reports = thread.getThreadIndex() == 0;
        }

        /** Every iteration starts on schedule: a backlog of the last one is not carried over. */
        @Setup(Level.Iteration)
        public void schedule(Timeline timeline) {
            due = timeline.iterationStart + offsetNanos;
        }

        @TearDown(Level.Iteration)
        public void report(Timeline timeline) {
            if (reports && counters != null) {
                Timeline.Iteration it = timeline.endIteration();
                counters.targetPerSecond = timeline.rate;
                counters.achievedPerSecond = it.written() / it.seconds();
                counters.p50Micros = it.latency().getValueAtPercentile(50);
                counters.p99Micros = it.latency().getValueAtPercentile(99);
                counters.p999Micros = it.latency().getValueAtPercentile(99.9);
            }
        }

        @TearDown
        public void close() {
            store.close();
        }
    }

    /** Per iteration: tweets written (summed over threads); the rest from thread 0 for the whole shard. */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class TweetCounters {
        public long tweets;
        public double targetPerSecond;
        public double achievedPerSecond;
        public double p50Micros;
        public double p99Micros;
        public double p999Micros;

        @Setup(Level.Iteration)
        public void reset() {
            tweets = 0;
            targetPerSecond = achievedPerSecond = p50Micros = p99Micros = p999Micros = 0;
        }
    }

    @Benchmark
    public int tweetWrite(Timeline timeline, Writer writer, TweetCounters counters) {
        writer.counters = counters;
        long due = writer.due;
        writer.due += writer.intervalNanos;
        long wait = due - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
        long author = 1 + writer.authors.nextLong(writer.users);
        int shard = writer.store.tweet(author, "tweet by user " + author);
        long micros = Math.max(0, (System.nanoTime() - due) / 1_000);
        timeline.latency.recordValue(Math.min(micros, HIGHEST_MICROS));
        timeline.written.increment();
        counters.tweets++;
        return shard;
    }

    /*
     * HOW TO RUN THIS TEST:
     *
     *   java -jar experiments/target/tradeoff-bench.jar run twitter-shards
     *   java -jar experiments/target/tradeoff-bench.jar run -b 'TweetWriteBenchmark' -p rate=1000,3472,6944,10000 -t 8
     *
     * WHAT TO EXPECT: each write waits for its WAL flush; with 8 connections the server commits several at once
     * (group commit), so the rate one shard sustains is set by the disk's flush latency and the CPU of this machine.
     * Where the achieved rate falls short of the target, or the p99 grows from iteration to iteration, the shard does
     * not carry that rate: the number of shards this machine's kind needs for it is the rate over what one sustains.
     */
}
