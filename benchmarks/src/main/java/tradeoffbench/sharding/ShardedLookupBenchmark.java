package tradeoffbench.sharding;

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
import tradeoffbench.targets.Sharded;

/*
 * The seed's sharding claim, first half: "a large database split into smaller parts (user data by userId), same
 * schema on every shard". Talks add: routing by the shard key is cheap, and a query without it must ask every shard.
 *
 * N shards are N real PostgreSQL servers (pg.shard0 .. pg.shard{N-1}, provisioned by the launcher in the run's
 * PostgreSQL mode); every user lives on the shard ShardRouter names (jump consistent hash of a mixed userId).
 *
 *   routedLookup      by userId: the router names one shard, one round trip.
 *   scatterGather     by handle (unique, but not the shard key): every shard is asked at once, the answers merged.
 *   unsharded         by userId on one server holding everybody (the main pg server): the no-sharding baseline.
 *   unshardedByHandle by handle on that one server: what scatterGather would cost without sharding.
 *
 * Requests are drawn uniformly over all users (the whole key space, not a cache-hot pool). Every answer is checked
 * (the right user, from exactly one shard), and a sample of users is compared whole against the generator when a
 * thread's trial ends. The controls: unsharded is what routedLookup costs without sharding; scatterGather at
 * shards=1 is what the fan-out machinery (a hand-off to a pool thread) costs without more servers, so scatter@N is
 * judged against scatter@1 and routed@N against unsharded. All N servers share this machine's cores.
 *
 * Tail at Scale (Dean and Barroso, 2013): if one shard answers slower than its p99 in 1% of requests, a request
 * that waits for all N shards is slow in 1-(0.99)^N of them (2% at N=2, 3.9% at N=4, 7.7% at N=8); equivalently
 * the scatter-gather's p99 is predicted to be the single shard's 0.99^(1/N) quantile (p99.5 at N=2, p99.75 at N=4).
 * The single-shard distribution is scatterGather at shards=1 of the same run (same code path, one server asked);
 * the report interpolates it between that row's p99 and p999 and sets it beside scatterGather's p99 at N.
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Needs(Engine.POSTGRESQL)
@Sharded(param = "shards")
public class ShardedLookupBenchmark {

    /** Per client thread: a connection to every shard, a fan-out pool, and its own stream of requests. */
    @State(Scope.Thread)
    public static class ShardedClient {
        ShardedStore store;
        Lookups lookups;

        @Setup
        public void open(ShardLayout layout, UserData data, ThreadParams thread) {
            store = new ShardedStore(layout.targets, layout.router, data.users);
            lookups = Lookups.uniform(data.users, thread.getThreadIndex());
        }

        @TearDown
        public void close() {
            try {
                lookups.verifySample("routed lookup", u -> store.routedLookup(u.id()));
                lookups.verifySample("scatter-gather", u -> store.scatterGather(u.handle()));
            } finally {
                store.close();
            }
        }
    }

    @State(Scope.Thread)
    public static class UnshardedClient {
        ShardedStore store;
        Lookups lookups;

        @Setup
        public void open(OneServer server, UserData data, ThreadParams thread) {
            store = new ShardedStore(server.targets, server.router, data.users);
            lookups = Lookups.uniform(data.users, thread.getThreadIndex());
        }

        @TearDown
        public void close() {
            try {
                lookups.verifySample("unsharded lookup", u -> store.routedLookup(u.id()));
                lookups.verifySample("unsharded lookup by handle", u -> store.oneServerByHandle(u.handle()));
            } finally {
                store.close();
            }
        }
    }

    @Benchmark
    public User routedLookup(ShardedClient client) {
        User wanted = client.lookups.next();
        return Lookups.check("routed lookup", wanted, client.store.routedLookup(wanted.id()));
    }

    @Benchmark
    public User scatterGather(ShardedClient client) {
        User wanted = client.lookups.next();
        return Lookups.check("scatter-gather", wanted, client.store.scatterGather(wanted.handle()));
    }

    @Benchmark
    public User unsharded(UnshardedClient client) {
        User wanted = client.lookups.next();
        return Lookups.check("unsharded lookup", wanted, client.store.routedLookup(wanted.id()));
    }

    /** The query scatterGather sends, on one server holding everybody, asked directly (no pool). */
    @Benchmark
    public User unshardedByHandle(UnshardedClient client) {
        User wanted = client.lookups.next();
        return Lookups.check("unsharded lookup by handle", wanted, client.store.oneServerByHandle(wanted.handle()));
    }

    /*
     * HOW TO RUN THIS TEST:
     *
     *   java -jar experiments/target/tradeoff-bench.jar run -b 'ShardedLookupBenchmark' --pg-mode embedded
     *   # the sweep: more shards and a larger dataset (each embedded server has shared_buffers=128MB)
     *   java -jar experiments/target/tradeoff-bench.jar run -b 'ShardedLookupBenchmark' -p shards=1,2,4,8 \
     *       -p users=1000000 --profile full
     *   # your own servers: the main one and at least as many shards as the largest -p shards
     *   java -jar experiments/target/tradeoff-bench.jar run --family sharding --pg-url URL0 --pg-shard-urls URL1,URL2
     *
     * WHAT TO EXPECT: routedLookup stays near unsharded at every N (one round trip either way; the router costs
     * nanoseconds). scatterGather costs more than unshardedByHandle already at N=1 (a hand-off to a pool thread),
     * and its throughput falls and its p99 grows as N grows: every request now waits for the slowest of N servers.
     * On this 2-vCPU machine all N servers share two cores, so the fan-out also competes for CPU; the growth of
     * p99 with N is the Tail-at-Scale effect plus that contention, so compare it with the prediction above.
     */
}
