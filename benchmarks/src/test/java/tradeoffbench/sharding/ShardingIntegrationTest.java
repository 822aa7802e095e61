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
import tradeoffbench.targets.Sharded;
import tradeoffbench.targets.postgres.EmbeddedPostgresServer;
import tradeoffbench.testing.TestTargets;

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
        byName.put("pg", TestTargets.postgres());
        byName.put(Sharded.ENDPOINT_PREFIX + 0, shard0.endpoint());
        byName.put(Sharded.ENDPOINT_PREFIX + 1, shard1.endpoint());
        TestTargets.useEndpoints(byName);
    }

    @Test
    void routedAndScatterGatherAnswersEqualTheUnshardedAnswers() {
        useShards();
        ShardedLookupBenchmark.Dataset dataset = new ShardedLookupBenchmark.Dataset();
        dataset.users = USERS;
        ShardedLookupBenchmark.Shards shards = new ShardedLookupBenchmark.Shards();
        shards.shards = 2;
        shards.load(dataset);
        ShardedLookupBenchmark.OneServer one = new ShardedLookupBenchmark.OneServer();
        one.load(dataset);

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
        CrossShardJoinBenchmark.Dataset dataset = new CrossShardJoinBenchmark.Dataset();
        dataset.users = USERS;
        CrossShardJoinBenchmark.Shards shards = new CrossShardJoinBenchmark.Shards();
        shards.shards = 2;
        shards.load(dataset);
        CrossShardJoinBenchmark.OneServer one = new CrossShardJoinBenchmark.OneServer();
        one.load(dataset);
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
    void perShardCountsAddUpToTheRequestsMadeUnderBothRouters() {
        useShards();
        HotShardBenchmark.Workload workload = new HotShardBenchmark.Workload();
        workload.users = USERS;
        workload.shards = 2;
        workload.skew = "celebrity";
        workload.celebrityShare = 30;
        workload.load();
        HotShardBenchmark benchmark = new HotShardBenchmark();
        for (boolean dedicated : new boolean[] {false, true}) {
            HotShardBenchmark.Client client = dedicated ? new HotShardBenchmark.DedicatedClient()
                    : new HotShardBenchmark.PlainClient();
            client.open(workload, dedicated ? workload.dedicated : workload.plain, firstThread());
            ShardLoadCounters counters = new ShardLoadCounters();
            counters.reset();
            int requests = 2_000;
            for (int i = 0; i < requests; i++) {
                User u = dedicated ? benchmark.dedicatedCelebrityShard((HotShardBenchmark.DedicatedClient) client, counters)
                        : benchmark.plainHashing((HotShardBenchmark.PlainClient) client, counters);
                assertThat(u).isNotNull();
            }
            assertThat(counters.shard0 + counters.shard1).isEqualTo(requests);
            assertThat(counters.shard2 + counters.shard3 + counters.shard7).isZero();
            if (dedicated) {
                // the celebrity alone on shard 1: 30% there, 70% on shard 0
                assertThat(counters.shard1 / (double) requests).isBetween(0.25, 0.35);
            }
            assertThat(counters.hottestShareOverMean).isBetween(1.0, 2.0);
            client.close();
        }
    }

    @Test
    void tweetsLandOnTheirAuthorsShardAndAreCounted() {
        useShards();
        TweetWriteBenchmark.Timeline timeline = new TweetWriteBenchmark.Timeline();
        timeline.shards = 2;
        timeline.users = USERS;
        timeline.empty();
        TweetWriteBenchmark.Writer writer = new TweetWriteBenchmark.Writer();
        writer.open(timeline, firstThread());
        TweetWriteBenchmark benchmark = new TweetWriteBenchmark();
        for (int i = 0; i < 50; i++) {
            benchmark.tweetWrite(timeline, writer);
        }
        writer.close();
        timeline.verify();
        assertThat(timeline.written.sum()).isEqualTo(50);
    }

    @Test
    void hashPartitionsPruneByIdAndAnswerLikeTheUnshardedServer() throws Exception {
        useShards();
        HashPartitionBenchmark.Partitioned data = new HashPartitionBenchmark.Partitioned();
        data.users = USERS;
        data.partitions = 4;
        data.load();  // throws unless the plans scan 1 partition by id and all 4 by handle
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
        byName.put("pg", TestTargets.postgres());
        byName.put(Sharded.ENDPOINT_PREFIX + 0, shard0.endpoint());
        byName.put(Sharded.ENDPOINT_PREFIX + 1, doomed.endpoint());
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

    /** The JMH thread context of thread 0 of 1, for calling @Setup methods directly. */
    private static org.openjdk.jmh.infra.ThreadParams firstThread() {
        return new org.openjdk.jmh.infra.ThreadParams(0, 1, 0, 1, 0, 1, 0, 1, 0, 1);
    }
}
