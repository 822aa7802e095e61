package tradeoffbench.sharding;

import java.util.List;
import java.util.SplittableRandom;
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
import tradeoffbench.targets.Engine;
import tradeoffbench.targets.Needs;
import tradeoffbench.targets.Sharded;

/*
 * The seed: "hard to perform join operations" once data is sharded. The question: a user's posts, each with its
 * comments and the handles of the comments' authors. Posts and their comments live on the post author's shard
 * (sharded by userId, co-located); the commenters are spread over all users, so almost all of them live on other
 * shards.
 *
 *   crossShardJoin    one routed query on the author's shard (posts JOIN comments), then one id = ANY(?) query per
 *                     shard holding commenters, asked in parallel, joined in the application.
 *   singleServerJoin  the same question as one SQL statement (posts JOIN comments JOIN users) on one server that
 *                     holds everybody: the main pg server.
 *
 * Both answers are checked row by row against the generated social graph (SocialGraph): 3 posts x 3 comments.
 * Sample-time mode: the rows carry mean latency and percentiles. The control for the join's own cost in the
 * application is crossShardJoin at shards=1 (the same two rounds of queries, one server): crossShardJoin@N against
 * singleServerJoin is the whole bill, against crossShardJoin@1 the part more servers add.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Needs(Engine.POSTGRESQL)
@Sharded(param = "shards")
public class CrossShardJoinBenchmark {

    /** Per thread: a store (connections, fan-out pool), its own authors to ask about, the graph to check with. */
    public abstract static class Client {
        ShardedStore store;
        SocialGraph graph;
        SplittableRandom authors;
        long users;

        void open(List<ShardTarget> targets, ShardRouter router, UserData data, ThreadParams thread) {
            store = new ShardedStore(targets, router, data.users);
            graph = new SocialGraph(data.users);
            authors = new SplittableRandom(31L * (thread.getThreadIndex() + 1));
            users = data.users;
        }

        long nextAuthor() {
            return 1 + authors.nextLong(users);
        }

        @TearDown
        public void close() {
            store.close();
        }
    }

    @State(Scope.Thread)
    public static class ShardedClient extends Client {
        @Setup
        public void open(ShardLayout layout, UserData data, ThreadParams thread) {
            open(layout.targets, layout.router, data, thread);
        }
    }

    @State(Scope.Thread)
    public static class OneServerClient extends Client {
        @Setup
        public void open(OneServer server, UserData data, ThreadParams thread) {
            open(server.targets, server.router, data, thread);
        }
    }

    @Benchmark
    public List<JoinRow> crossShardJoin(ShardedClient client) {
        long author = client.nextAuthor();
        return JoinAnswers.check("cross-shard join", author, client.graph, client.store.crossShardJoin(author));
    }

    @Benchmark
    public List<JoinRow> singleServerJoin(OneServerClient client) {
        long author = client.nextAuthor();
        return JoinAnswers.check("single-server join", author, client.graph, client.store.singleServerJoin(author));
    }

    /*
     * HOW TO RUN THIS TEST:
     *
     *   java -jar experiments/target/tradeoff-bench.jar run -b 'CrossShardJoinBenchmark' --pg-mode embedded
     *   java -jar experiments/target/tradeoff-bench.jar run -b 'CrossShardJoinBenchmark' -p shards=1,2,4,8
     *
     * WHAT TO EXPECT: singleServerJoin is one round trip; crossShardJoin is one routed round trip plus a parallel
     * round of up to min(9, shards) more, so it costs roughly two to three single-server joins, p99 growing with
     * shards (waiting for the slowest commenter shard). At shards=1 the second round still happens (one server,
     * two queries): the difference to singleServerJoin is then the price of joining in the application alone.
     * The usual workaround the seed names, denormalizing the commenter's handle into the comment, is the joins
     * family's question.
     */
}
