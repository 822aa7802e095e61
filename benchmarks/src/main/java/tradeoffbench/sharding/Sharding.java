package tradeoffbench.sharding;

import tradeoffbench.family.BenchmarkName;
import tradeoffbench.family.Metric;

/** The sharding family's names, for the claims and reports that read its rows. */
public final class Sharding {
    public static final BenchmarkName ROUTED_LOOKUP = BenchmarkName.of(ShardedLookupBenchmark.class, "routedLookup");
    public static final BenchmarkName SCATTER_GATHER = BenchmarkName.of(ShardedLookupBenchmark.class, "scatterGather");
    public static final BenchmarkName UNSHARDED = BenchmarkName.of(ShardedLookupBenchmark.class, "unsharded");
    public static final BenchmarkName UNSHARDED_BY_HANDLE =
            BenchmarkName.of(ShardedLookupBenchmark.class, "unshardedByHandle");

    public static final BenchmarkName CROSS_SHARD_JOIN = BenchmarkName.of(CrossShardJoinBenchmark.class, "crossShardJoin");
    public static final BenchmarkName SINGLE_SERVER_JOIN =
            BenchmarkName.of(CrossShardJoinBenchmark.class, "singleServerJoin");

    /** PostgreSQL's own sharding arm (postgres_fdw over hash partitions) of the same questions. */
    public static final BenchmarkName FDW_ROUTED_LOOKUP = BenchmarkName.of(PostgresFdwBenchmark.class, "fdwRoutedLookup");
    public static final BenchmarkName FDW_SCATTER_GATHER =
            BenchmarkName.of(PostgresFdwBenchmark.class, "fdwScatterGather");
    public static final BenchmarkName FDW_JOIN = BenchmarkName.of(PostgresFdwBenchmark.class, "fdwJoin");

    /** Citus's arm. */
    public static final BenchmarkName CITUS_ROUTED_LOOKUP = BenchmarkName.of(CitusBenchmark.class, "citusRoutedLookup");
    public static final BenchmarkName CITUS_SCATTER_GATHER =
            BenchmarkName.of(CitusBenchmark.class, "citusScatterGather");
    public static final BenchmarkName CITUS_JOIN = BenchmarkName.of(CitusBenchmark.class, "citusJoin");
    /** A MongoDB sharded cluster's arm, through mongos. */
    public static final BenchmarkName MONGOS_ROUTED_LOOKUP =
            BenchmarkName.of(MongosBenchmark.class, "mongosRoutedLookup");
    public static final BenchmarkName MONGOS_SCATTER_GATHER =
            BenchmarkName.of(MongosBenchmark.class, "mongosScatterGather");
    public static final BenchmarkName MONGOS_UNSHARDED = BenchmarkName.of(MongosBenchmark.class, "mongosUnsharded");

    public static final BenchmarkName PLAIN_HASHING = BenchmarkName.of(HotShardBenchmark.class, "plainHashing");
    public static final BenchmarkName DEDICATED_CELEBRITY_SHARD =
            BenchmarkName.of(HotShardBenchmark.class, "dedicatedCelebrityShard");

    public static final BenchmarkName TWEET_WRITE = BenchmarkName.of(TweetWriteBenchmark.class, "tweetWrite");

    public static final BenchmarkName PARTITIONED_BY_ID = BenchmarkName.of(HashPartitionBenchmark.class, "partitionedById");
    public static final BenchmarkName PARTITIONED_BY_HANDLE =
            BenchmarkName.of(HashPartitionBenchmark.class, "partitionedByHandle");

    /** {@link HotShardBenchmark.ShardLoad}: the busiest shard's served lookups over the mean, and their sum. */
    public static final Metric HOTTEST_SHARE_OVER_MEAN = Metric.of("hottestShareOverMean");
    public static final Metric SERVER_LOOKUPS = Metric.of("serverLookups");
    /** {@link TweetWriteBenchmark.TweetCounters}. */
    public static final Metric TWEETS = Metric.of("tweets");
    public static final Metric TARGET_PER_SECOND = Metric.of("targetPerSecond");
    public static final Metric ACHIEVED_PER_SECOND = Metric.of("achievedPerSecond");
    public static final Metric P99_MICROS = Metric.of("p99Micros");

    public static final String SHARDS = "shards";
    public static final String USERS = "users";
    public static final String SKEW = "skew";
    public static final String CELEBRITY_SHARE = "celebrityShare";
    public static final String RATE = "rate";
    public static final String ASYNC_APPEND = "asyncAppend";
    public static final String UNIFORM = "uniform";
    public static final String CELEBRITY = "celebrity";

    private Sharding() {
    }
}
