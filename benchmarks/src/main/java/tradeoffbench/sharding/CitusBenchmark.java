package tradeoffbench.sharding;

import java.sql.SQLException;
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
import org.openjdk.jmh.infra.ThreadParams;
import tradeoffbench.dataset.User;
import tradeoffbench.targets.Engine;
import tradeoffbench.targets.Needs;

/*
 * The sharding questions asked of Citus (PostgreSQL sharded by an extension): the same users, posts and comments as
 * the router and postgres_fdw arms, distributed by user id over the cluster's workers and co-located (CitusLayout),
 * the same statements sent to the coordinator.
 *
 *   citusRoutedLookup   by userId: a router query, one worker asked.
 *   citusScatterGather  by handle: every shard asked.
 *   citusJoin           posts and comments joined on their shard, the commenters' handles by a repartition join.
 *
 * Runs where a Citus coordinator is reachable (--citus-url, or containers from citusdata/citus where Docker can pull
 * it); skipped with that reason otherwise.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Needs(Engine.CITUS)
public class CitusBenchmark {

    @State(Scope.Thread)
    public static class Client extends CoordinatorSession {
        @Setup
        public void open(CitusLayout layout, UserData data, ThreadParams thread) throws SQLException {
            open("Citus", new CoordinatorClient("Citus", layout.coordinator.connect(), layout.users, layout.posts,
                    layout.comments, CitusSql.REPARTITION_JOINS), data, thread);
        }

        @TearDown
        public void finish() throws SQLException {
            close();
        }
    }

    @Benchmark
    public User citusRoutedLookup(Client client) {
        return client.routedLookup();
    }

    @Benchmark
    public User citusScatterGather(Client client) {
        return client.scatterGather();
    }

    @Benchmark
    public List<JoinRow> citusJoin(Client client) {
        return client.join();
    }

    /*
     * HOW TO RUN THIS TEST:
     *
     *   java -jar experiments/target/tradeoff-bench.jar run -b 'CitusBenchmark|ShardedLookupBenchmark' \
     *       --citus-url 'postgresql://postgres:secret@coordinator:5432/postgres'
     *
     * WHAT TO EXPECT: a routed lookup near one round trip through the coordinator; a scatter-gather that asks every
     * shard (Citus keeps 32 by default, spread over the workers); a join whose second half crosses shards.
     */
}
