package tradeoffbench.sharding;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tradeoffbench.dataset.UserGenerator;
import tradeoffbench.targets.Endpoint;
import tradeoffbench.targets.Endpoints;
import tradeoffbench.targets.Engine;
import tradeoffbench.targets.postgres.EmbeddedPostgresServer;
import tradeoffbench.testing.TestTargets;

/**
 * PostgreSQL's own sharding arm on real servers (the test JVM's embedded server as coordinator, two embedded shards):
 * the plans do what the benchmark says — one remote for a routed lookup, every remote for a scatter (at once with
 * async_capable, one after another without), posts and comments joined on the author's shard — and the answers are
 * the generator's.
 */
class PostgresFdwTest {
    private static final long USERS = 500;
    private static EmbeddedPostgresServer shard0;
    private static EmbeddedPostgresServer shard1;
    private static FdwCluster cluster;

    @BeforeAll
    static void build() {
        var first = CompletableFuture.supplyAsync(EmbeddedPostgresServer::start);
        var second = CompletableFuture.supplyAsync(EmbeddedPostgresServer::start);
        shard0 = first.join();
        shard1 = second.join();
        Map<String, Endpoint> byName = new LinkedHashMap<>();
        byName.put(Endpoints.name(Engine.POSTGRESQL), TestTargets.postgres());
        byName.put(Endpoints.shardName(Engine.POSTGRESQL, 0), shard0.endpoint());
        byName.put(Endpoints.shardName(Engine.POSTGRESQL, 1), shard1.endpoint());
        TestTargets.useEndpoints(byName);
        UserData data = new UserData();
        data.users = USERS;
        ShardLayout layout = new ShardLayout();
        layout.shards = 2;
        layout.load(data);
        OneServer one = new OneServer();
        one.load(data);
        cluster = FdwCluster.ensure(ShardTarget.unsharded(), layout.targets, ShardTables.of(USERS, one.router), USERS);
    }

    @AfterAll
    static void stop() {
        System.clearProperty(Endpoints.PROPERTY);
        if (shard0 != null) {
            shard0.close();
        }
        if (shard1 != null) {
            shard1.close();
        }
    }

    @Test
    void aRoutedLookupAsksOneRemoteAndFindsTheUser() throws SQLException {
        String plan = explain(FdwSql.USER_BY_ID.formatted(cluster.users()).replace("?", "42"));
        assertThat(count(plan, "Foreign Scan on ")).as(plan).isEqualTo(1);
        try (Connection c = TestTargets.postgres().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(FdwSql.USER_BY_ID.formatted(cluster.users()).replace("?", "42"))) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(2)).isEqualTo(new UserGenerator(UserGenerator.DEFAULT_SEED).user(42).handle());
        }
    }

    @Test
    void aScatterAsksEveryRemoteAtOnceOnlyWithAsyncCapable() throws SQLException {
        String handle = "'" + new UserGenerator(UserGenerator.DEFAULT_SEED).user(7).handle() + "'";
        String query = FdwSql.USER_BY_HANDLE.formatted(cluster.users()).replace("?", handle);
        cluster.setAsync(true);
        String async = explain(query);
        assertThat(count(async, "Async Foreign Scan on ")).as(async).isEqualTo(2);
        cluster.setAsync(false);
        String sync = explain(query);
        assertThat(count(sync, "Foreign Scan on ")).as(sync).isEqualTo(2);
        assertThat(sync).doesNotContain("Async Foreign Scan");
        cluster.setAsync(true);
    }

    @Test
    void theJoinFetchesTheAuthorsPartOnItsShardAndTheCommentersFromEveryShard() throws SQLException {
        String query = FdwSql.POSTS_WITH_COMMENTERS.formatted(cluster.posts(), cluster.comments(), cluster.users())
                .replace("?", "17");
        String plan = explain(query);
        // The author's posts and comments: one partition each, the author's filter sent to that shard...
        assertThat(count(plan, "Foreign Scan on public." + cluster.posts() + "_p")).as(plan).isEqualTo(1);
        assertThat(count(plan, "Foreign Scan on public." + cluster.comments() + "_p")).as(plan).isEqualTo(1);
        assertThat(plan).contains("WHERE ((author_id = 17))").contains("WHERE ((post_author_id = 17))");
        // ...the commenters from every users partition: the join itself runs on the coordinator.
        assertThat(count(plan, "Foreign Scan on public." + cluster.users() + "_p")).as(plan).isEqualTo(2);
        var rows = new java.util.ArrayList<JoinRow>();
        try (Connection c = TestTargets.postgres().connect(); Statement s = c.createStatement()) {
            s.execute(FdwSql.PARTITIONWISE);
            try (ResultSet rs = s.executeQuery(query)) {
                while (rs.next()) {
                    rows.add(new JoinRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)));
                }
            }
        }
        JoinAnswers.check("postgres_fdw join", 17, new SocialGraph(USERS), rows);
    }

    private static String explain(String query) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Connection c = TestTargets.postgres().connect(); Statement s = c.createStatement()) {
            s.execute(FdwSql.PARTITIONWISE);
            try (ResultSet rs = s.executeQuery(FdwSql.EXPLAIN + query)) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
        }
        return plan.toString();
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
