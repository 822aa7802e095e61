package tradeoffbench.sharding;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.ThreadParams;
import tradeoffbench.dataset.User;
import tradeoffbench.params.Accepts;
import tradeoffbench.targets.Engine;
import tradeoffbench.targets.Needs;
import tradeoffbench.targets.Sharded;

/*
 * The sharding questions asked of a real engine instead of the harness's own router: PostgreSQL itself, a
 * coordinator (the run's main server) whose tables are hash-partitioned by user id, every partition a postgres_fdw
 * foreign table on one of the same N shard servers the router uses (FdwCluster). Same users, same keys, same answers
 * checked; the client sends one statement to the coordinator, which plans and routes it.
 *
 *   fdwRoutedLookup   by userId: partition pruning leaves one foreign scan, one remote round trip (through the
 *                     coordinator: two hops instead of the router's one).
 *   fdwScatterGather  by handle: an Append over every partition; with asyncAppend=on (postgres_fdw's async_capable)
 *                     the coordinator asks all remotes at once, with off one after another.
 *   fdwJoin           a user's posts, their comments and the commenters' handles, one SQL statement: the author's
 *                     posts and comments come from the author's shard, the commenters from every shard, and the
 *                     coordinator joins them (the plan PostgreSQL picks; see PostgresFdwTest).
 *
 * The plans are checked with EXPLAIN in the tests (one remote for the routed lookup, all for the scatter, Async
 * Foreign Scans only with asyncAppend=on). Compare with ShardedLookupBenchmark / CrossShardJoinBenchmark at the same
 * shards: the router's arm of the same question.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Needs(Engine.POSTGRESQL)
@Sharded(param = "shards")
public class PostgresFdwBenchmark {

    /** The cluster of this shard count, built once per fork from the coordinator's unsharded copy. */
    @State(Scope.Benchmark)
    public static class Cluster {
        FdwCluster cluster;

        @Setup
        public void build(ShardLayout layout, OneServer one, UserData data) {
            cluster = FdwCluster.ensure(ShardTarget.unsharded(), layout.targets,
                    ShardTables.of(data.users, one.router), data.users);
        }
    }

    /** Whether the coordinator asks the remotes of a scatter concurrently (postgres_fdw's async_capable). */
    @State(Scope.Benchmark)
    public static class Async {
        @Accepts(value = "on|off", meaning = "on or off (postgres_fdw async_capable)")
        @Param({"on", "off"})
        public String asyncAppend;

        @Setup
        public void apply(Cluster cluster) {
            cluster.cluster.setAsync(asyncAppend.equals("on"));
        }
    }

    /** Per thread: the coordinator's client, its own requests, the graph to check answers with. */
    abstract static class Client extends CoordinatorSession {
        void open(FdwCluster cluster, UserData data, ThreadParams thread) {
            ShardTarget main = ShardTarget.unsharded();
            try {
                open("postgres_fdw", new CoordinatorClient("postgres_fdw", main.open(), cluster.users(),
                        cluster.posts(), cluster.comments(), FdwSql.PARTITIONWISE), data, thread);
            } catch (SQLException e) {
                throw main.failure("preparing the postgres_fdw statements", e);
            }
        }

        @TearDown
        public void finish() throws SQLException {
            close();
        }
    }

    @State(Scope.Thread)
    public static class RoutedClient extends Client {
        @Setup
        public void open(Cluster cluster, UserData data, ThreadParams thread) {
            open(cluster.cluster, data, thread);
        }
    }

    @State(Scope.Thread)
    public static class ScatterClient extends Client {
        @Setup
        public void open(Cluster cluster, Async async, UserData data, ThreadParams thread) {
            open(cluster.cluster, data, thread);
        }
    }

    @Benchmark
    public User fdwRoutedLookup(RoutedClient client) {
        return client.routedLookup();
    }

    @Benchmark
    public User fdwScatterGather(ScatterClient client) {
        return client.scatterGather();
    }

    @Benchmark
    public List<JoinRow> fdwJoin(RoutedClient client) {
        return client.join();
    }

    /*
     * HOW TO RUN THIS TEST:
     *
     *   java -jar experiments/target/tradeoff-bench.jar run -b 'PostgresFdwBenchmark|ShardedLookupBenchmark' \
     *       -p shards=1,2,4 --pg-mode embedded
     *
     * WHAT TO EXPECT (2-vCPU VM, embedded PostgreSQL 17, users=10000, 1 thread, 2026-12-01): fdwRoutedLookup costs
     * about 8x the router's routedLookup (~760 vs ~95 us at 1 shard): besides the extra hop, postgres_fdw opens a
     * remote transaction and reads through a cursor, several round trips per query. fdwScatterGather grows with N
     * like the router's scatter-gather but 4-6x higher; asyncAppend=on helps only from 2 shards on, and little on 2
     * cores, where the remotes cannot really work in parallel. fdwJoin takes ~20-30 ms: the coordinator fetches the
     * users partitions from every shard and hash-joins them itself (PostgresFdwTest shows the plan).
     */
}
