package tradeoffbench.sharding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

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
import org.openjdk.jmh.infra.ThreadParams;
import tradeoffbench.params.Accepts;
import tradeoffbench.targets.Engine;
import tradeoffbench.targets.Needs;
import tradeoffbench.targets.Sharded;

/*
 * The seed's Twitter numbers: 150M daily users x 2 tweets a day = ~3,500 tweets/s on average, ~7,000 at peak.
 * How many shards of this machine's kind carry that?
 *
 *   tweetWrite  one tweet INSERTed in its own transaction (autocommit: one commit = one WAL flush, with fsync=on
 *               and synchronous_commit=on as every server of this harness runs) on its author's shard, authors
 *               uniform. shards=1 is one server.
 *
 * The figure: shards needed = ceil(3,500 / ops/s of one shard) and ceil(7,000 / ...), with "ops/s of one shard"
 * the throughput at shards=1 (the best thread count measured). The report computes it from the rows. The N-shard
 * rows show how much N servers on this one machine add: they share its cores and its disk, so the answer for
 * separate machines is the one-shard figure, not the N-shard rows.
 *
 * Checked: every insert writes one row; when the trial ends the shards hold exactly the writes made (warmup
 * included), and a sample of each shard's tweets belongs to authors the router sends there.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@Threads(1)
@Needs(Engine.POSTGRESQL)
@Sharded(param = "shards")
public class TweetWriteBenchmark {
    /** The seed's average and peak tweet rates. */
    public static final int AVERAGE_TWEETS_PER_SECOND = 3_500;
    public static final int PEAK_TWEETS_PER_SECOND = 7_000;

    @State(Scope.Benchmark)
    public static class Timeline {
        @Accepts(value = Accepts.POSITIVE, meaning = "a number of shards")
        @Param({"1", "2", "4"})
        public int shards;

        /** Authors are 1..users (the tweets table does not reference the users table). */
        @Accepts(value = Accepts.POSITIVE, meaning = "a number of users")
        @Param({"10000"})
        public long users;

        List<ShardTarget> targets;
        ShardRouter router;
        final LongAdder written = new LongAdder();

        @Setup
        public void empty() {
            targets = ShardTarget.current(shards);
            router = ShardRouter.hashing(shards);
            for (ShardTarget target : targets) {
                try (var connection = target.open(); Statement statement = connection.createStatement()) {
                    statement.execute(ShardSql.CREATE_TWEETS);
                    statement.execute(ShardSql.TRUNCATE_TWEETS);
                } catch (SQLException e) {
                    throw target.failure("emptying sh_tweets", e);
                }
            }
        }

        @TearDown
        public void verify() {
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
    }

    @State(Scope.Thread)
    public static class Writer {
        ShardedStore store;
        SplittableRandom authors;
        long users;

        @Setup
        public void open(Timeline timeline, ThreadParams thread) {
            // The store also holds lookup statements for the layout's users tables; the driver prepares them on
            // the server only when first executed, so they cost nothing here and need no users loaded.
            store = new ShardedStore(timeline.targets, timeline.router, timeline.users);
            authors = new SplittableRandom(101L * (thread.getThreadIndex() + 1));
            users = timeline.users;
        }

        @TearDown
        public void close() {
            store.close();
        }
    }

    @Benchmark
    public int tweetWrite(Timeline timeline, Writer writer) {
        long author = 1 + writer.authors.nextLong(writer.users);
        int shard = writer.store.tweet(author, "tweet by user " + author);
        timeline.written.increment();
        return shard;
    }

    /*
     * HOW TO RUN THIS TEST:
     *
     *   java -jar experiments/target/tradeoff-bench.jar run -b 'TweetWriteBenchmark' --pg-mode embedded
     *   java -jar experiments/target/tradeoff-bench.jar run -b 'TweetWriteBenchmark' -p shards=1,2,4,8 -t 1,2,4,8
     *
     * WHAT TO EXPECT: each write waits for its WAL flush, so one client thread on one server does a few hundred
     * to a few thousand writes/s depending on the disk's flush latency; more client threads share flushes (group
     * commit). Shards add servers but, on one machine, not disks or cores: the N-shard rows rise only as far as
     * the added concurrency lets the flushes overlap. Shards needed for 3,500/s = ceil(3500 / one-shard ops/s).
     */
}
