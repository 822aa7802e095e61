package tradeoffbench.sharding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tradeoffbench.dataset.User;
import tradeoffbench.targets.Endpoint;
import tradeoffbench.targets.Endpoints;
import tradeoffbench.targets.Engine;
import tradeoffbench.targets.postgres.EmbeddedPostgresServer;
import tradeoffbench.testing.TestTargets;
import tradeoffbench.testing.TestThreads;

/**
 * Tiny scale on real servers: two embedded PostgreSQL shards plus the test JVM's embedded server as the unsharded
 * one. Routed and scatter-gather answers equal the unsharded answers; the cross-shard join equals the SQL join;
 * per-shard counts add up to the requests made; a dead shard fails naming itself.
 */
class ShardingIntegrationTest {
    private static final long USERS = 600;
    private static EmbeddedPostgresServer shard0;
    private static EmbeddedPostgresServer shard1;

    @BeforeAll
    static void startShards() {
        var first = CompletableFuture.supplyAsync(EmbeddedPostgresServer::start);
        var second = CompletableFuture.supplyAsync(EmbeddedPostgresServer::start);
        shard0 = first.join();
        shard1 = second.join();
    }

    @AfterAll
    static void stopShards() {
        if (shard0 != null) {
            shard0.close();
        }
        if (shard1 != null) {
            shard1.close();
        }
    }

    @AfterEach
    void clearEndpoints() {
        System.clearProperty(Endpoints.PROPERTY);
    }

    private static void useShards() {
        Map<String, Endpoint> byName = new LinkedHashMap<>();
        byName.put(Endpoints.name(Engine.POSTGRESQL), TestTargets.postgres());
        byName.put(Endpoints.shardName(Engine.POSTGRESQL, 0), shard0.endpoint());
        byName.put(Endpoints.shardName(Engine.POSTGRESQL, 1), shard1.endpoint());
        TestTargets.useEndpoints(byName);
    }

    private static UserData users() {
        UserData data = new UserData();
        data.users = USERS;
        return data;
    }

    private static ShardLayout layout(UserData data, int shards) {
        ShardLayout layout = new ShardLayout();
        layout.shards = shards;
        layout.load(data);
        return layout;
    }

    private static OneServer oneServer(UserData data) {
        OneServer one = new OneServer();
        one.load(data);
        return one;
    }

    @Test
    void routedAndScatterGatherAnswersEqualTheUnshardedAnswers() {
        useShards();
        UserData dataset = users();
        ShardLayout shards = layout(dataset, 2);
        OneServer one = oneServer(dataset);

        try (ShardedStore sharded = new ShardedStore(shards.targets, shards.router, USERS);
             ShardedStore unsharded = new ShardedStore(one.targets, ShardRouter.hashing(1), USERS)) {
            int[] perShard = new int[2];
            for (long id = 1; id <= USERS; id++) {
                User expected = unsharded.routedLookup(id);
                assertThat(expected).isNotNull();
                assertThat(sharded.routedLookup(id)).isEqualTo(expected);
                assertThat(sharded.scatterGather(expected.handle())).isEqualTo(expected);
                assertThat(unsharded.oneServerByHandle(expected.handle())).isEqualTo(expected);
                perShard[shards.router.shardOf(id)]++;
            }
            assertThat(sharded.scatterGather("nobody_0")).isNull();
            assertThat(perShard[0]).isPositive();
            assertThat(perShard[1]).isPositive();
            ShardPlacement.verify(sharded, USERS);
        }
        // Loading again finds identical data and loads nothing.
        assertThat(ShardLoader.ensure(shards.targets, shards.router, USERS)).isZero();
    }

    @Test
    void theCrossShardJoinEqualsTheSingleServerJoin() {
        useShards();
        UserData dataset = users();
        ShardLayout shards = layout(dataset, 2);
        OneServer one = oneServer(dataset);
        SocialGraph graph = new SocialGraph(USERS);
        try (ShardedStore sharded = new ShardedStore(shards.targets, shards.router, USERS);
             ShardedStore unsharded = new ShardedStore(one.targets, ShardRouter.hashing(1), USERS)) {
            for (long author = 1; author <= USERS; author += 7) {
                List<JoinRow> joined = JoinAnswers.check("single", author, graph, unsharded.singleServerJoin(author));
                assertThat(sharded.crossShardJoin(author)).isEqualTo(joined);
            }
        }
    }

    @Test
    void theServersCountTheLoadEachShardServedUnderBothRouters() {
        useShards();
        UserData dataset = users();
        ShardLayout layout = layout(dataset, 2);
        HotShardBenchmark benchmark = new HotShardBenchmark();
        for (String method : new String[] {"plainHashing", "dedicatedCelebrityShard"}) {
            HotShardBenchmark.HotKeys hot = new HotShardBenchmark.HotKeys();
            hot.skew = "celebrity";
            hot.celebrityShare = 30;
            hot.prepare(layout, dataset, "tradeoffbench.sharding.HotShardBenchmark." + method);
            HotShardBenchmark.Client client = new HotShardBenchmark.Client();
            client.open(hot, firstThread());
            HotShardBenchmark.ShardLoad load = new HotShardBenchmark.ShardLoad();
            for (int iteration = 0; iteration < 2; iteration++) {
                hot.beginIteration();
                load.reset();
                int requests = 2_000;
                for (int i = 0; i < requests; i++) {
                    User u = method.equals("plainHashing") ? benchmark.plainHashing(client, load)
                            : benchmark.dedicatedCelebrityShard(client, load);
                    assertThat(u).isNotNull();
                }
                client.publish();
                assertThat(load.serverLookups).as(method + ": lookups the servers counted").isEqualTo(requests);
                if (method.equals("dedicatedCelebrityShard")) {
                    // the celebrity alone on shard 1: 30% there, 70% on shard 0: hottest 0.7 over a mean of 0.5
                    assertThat(load.hottestShareOverMean).isBetween(1.3, 1.5);
                } else {
                    assertThat(load.hottestShareOverMean).isBetween(1.0, 2.0);
                }
            }
            client.close();
            hot.close();
        }
    }

    @Test
    void tweetsAreDueOnScheduleLandOnTheirAuthorsShardAndAreCounted() {
        useShards();
        TweetWriteBenchmark.Timeline timeline = new TweetWriteBenchmark.Timeline();
        timeline.shards = 2;
        timeline.users = USERS;
        timeline.rate = 500;
        timeline.prepare();
        TweetWriteBenchmark.Writer writer = new TweetWriteBenchmark.Writer();
        writer.open(timeline, firstThread());
        TweetWriteBenchmark.TweetCounters counters = new TweetWriteBenchmark.TweetCounters();
        TweetWriteBenchmark benchmark = new TweetWriteBenchmark();
        timeline.beginIteration();
        writer.schedule(timeline);
        counters.reset();
        long start = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            benchmark.tweetWrite(timeline, writer, counters);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(seconds).as("50 tweets due at 500/s take about 0.1 s").isGreaterThan(0.09);
        writer.report(timeline);
        assertThat(counters.tweets).isEqualTo(50);
        assertThat(counters.targetPerSecond).isEqualTo(500);
        assertThat(counters.p99Micros).isPositive();
        assertThat(timeline.written.sum()).isEqualTo(50);
        timeline.beginIteration();
        assertThat(timeline.written.sum()).as("every iteration starts empty").isZero();
        timeline.endIteration();
        writer.close();
    }

    @Test
    void hashPartitionsPruneByIdAndAnswerLikeTheUnshardedServer() throws Exception {
        useShards();
        HashPartitionBenchmark.Partitioned data = new HashPartitionBenchmark.Partitioned();
        data.partitions = 4;
        data.load(users());  // throws unless the plans scan 1 partition by id and all 4 by handle
        HashPartitionBenchmark.Client client = new HashPartitionBenchmark.Client();
        client.open(data, firstThread());
        HashPartitionBenchmark benchmark = new HashPartitionBenchmark();
        tradeoffbench.dataset.UserGenerator generator =
                new tradeoffbench.dataset.UserGenerator(tradeoffbench.dataset.UserGenerator.DEFAULT_SEED);
        for (int i = 0; i < 100; i++) {
            User byId = benchmark.partitionedById(client);
            assertThat(byId).isEqualTo(generator.user(byId.id()));
            User byHandle = benchmark.partitionedByHandle(client);
            assertThat(byHandle).isEqualTo(generator.user(byHandle.id()));
        }
        client.close();
    }

    @Test
    void aDeadShardFailsNamingItself() {
        EmbeddedPostgresServer doomed = EmbeddedPostgresServer.start();
        Map<String, Endpoint> byName = new LinkedHashMap<>();
        byName.put(Endpoints.name(Engine.POSTGRESQL), TestTargets.postgres());
        byName.put(Endpoints.shardName(Engine.POSTGRESQL, 0), shard0.endpoint());
        byName.put(Endpoints.shardName(Engine.POSTGRESQL, 1), doomed.endpoint());
        TestTargets.useEndpoints(byName);
        List<ShardTarget> targets = ShardTarget.current(2);
        ShardRouter router = ShardRouter.hashing(2);
        ShardLoader.ensure(targets, router, USERS);
        try (ShardedStore store = new ShardedStore(targets, router, USERS)) {
            doomed.close();
            long onShard1 = 1;
            while (router.shardOf(onShard1) != 1) {
                onShard1++;
            }
            long id = onShard1;
            assertThatThrownBy(() -> store.routedLookup(id))
                    .isInstanceOf(ShardFailure.class)
                    .hasMessageContaining("shard pg.shard1")
                    .hasMessageContaining(doomed.endpoint().maskedUrl());
        }
        assertThatThrownBy(() -> ShardTarget.current(3)).hasMessageContaining("pg.shard2");
    }

    private static org.openjdk.jmh.infra.ThreadParams firstThread() {
        return TestThreads.thread(0, 1);
    }
}
