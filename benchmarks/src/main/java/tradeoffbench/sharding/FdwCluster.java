package tradeoffbench.sharding;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import tradeoffbench.dataset.PostgresDatasetRegistry;
import tradeoffbench.dataset.UserGenerator;
import tradeoffbench.targets.Endpoint;

/**
 * PostgreSQL's own sharding over the run's shard servers: on the coordinator (the main server) the users, posts and
 * comments are partitioned by hash of the user id, each partition a {@code postgres_fdw} foreign table on one shard
 * ({@link FdwSql}). Built once per dataset size and shard count from the coordinator's own unsharded copy
 * ({@link OneServer}), the rows routed to the shards by PostgreSQL itself; recorded in {@code tb_datasets} like every
 * dataset. Each fork points the foreign servers at this run's shard addresses again (they change from run to run).
 */
final class FdwCluster {
    private final ShardTarget coordinator;
    private final List<ShardTarget> shards;
    private final String users;
    private final String posts;
    private final String comments;

    private FdwCluster(ShardTarget coordinator, List<ShardTarget> shards, long userCount) {
        this.coordinator = coordinator;
        this.shards = shards;
        String base = userCount + "_n" + shards.size();
        this.users = "fdw_users_" + base;
        this.posts = "fdw_posts_" + base;
        this.comments = "fdw_comments_" + base;
    }

    static String serverName(int shard) {
        return "tb_fdw_shard" + shard;
    }

    /** The cluster over these shards, its foreign servers pointing at them, its data loaded once. */
    static FdwCluster ensure(ShardTarget coordinator, List<ShardTarget> shards, ShardTables source, long userCount) {
        FdwCluster cluster = new FdwCluster(coordinator, shards, userCount);
        try (Connection c = coordinator.open(); Statement s = c.createStatement()) {
            s.execute(FdwSql.CREATE_EXTENSION);
            for (int i = 0; i < shards.size(); i++) {
                cluster.pointAt(c, i);
            }
            String fingerprint = "fdw/users/v" + UserGenerator.VERSION + "/seed=" + UserGenerator.DEFAULT_SEED + "/n="
                    + userCount + "/social/p=" + SocialGraph.POSTS_PER_USER + "/c=" + SocialGraph.COMMENTS_PER_POST
                    + "/shards=" + shards.size();
            boolean loaded = PostgresDatasetRegistry.ensure(c, cluster.users, fingerprint,
                    conn -> cluster.complete(conn, userCount), conn -> cluster.load(conn, source));
            if (loaded) {
                cluster.analyzeShards();
            }
        } catch (SQLException e) {
            throw coordinator.failure("building the postgres_fdw cluster", e);
        }
        return cluster;
    }

    String users() {
        return users;
    }

    String posts() {
        return posts;
    }

    String comments() {
        return comments;
    }

    int shardCount() {
        return shards.size();
    }

    /** Whether the coordinator asks the remotes of one query concurrently (an Async Append) or one after another. */
    void setAsync(boolean async) {
        try (Connection c = coordinator.open(); Statement s = c.createStatement()) {
            for (int i = 0; i < shards.size(); i++) {
                s.execute(FdwSql.SET_ASYNC.formatted(serverName(i), async));
            }
        } catch (SQLException e) {
            throw coordinator.failure("setting async_capable", e);
        }
    }

    /** Creates or re-addresses the foreign server of shard {@code i}, and the mapping of this user to its user. */
    private void pointAt(Connection c, int i) throws SQLException {
        Endpoint e = shards.get(i).endpoint();
        URI uri = URI.create(e.url().substring("jdbc:".length()));
        String host = quote(uri.getHost());
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String db = quote(uri.getPath().isEmpty() ? "postgres" : uri.getPath().substring(1));
        String server = serverName(i);
        try (Statement s = c.createStatement()) {
            s.execute((exists(c, FdwSql.SERVER_EXISTS, server) ? FdwSql.ALTER_SERVER : FdwSql.CREATE_SERVER)
                    .formatted(server, host, port, db));
            s.execute(FdwSql.DROP_USER_MAPPING.formatted(server));
            s.execute(FdwSql.CREATE_USER_MAPPING.formatted(server, quote(e.user() == null ? "postgres" : e.user()),
                    e.password() == null ? "" : ", password '" + quote(e.password()) + "'"));
        }
    }

    /** Loaded when every user is there, counted on the shards through the coordinator. */
    private boolean complete(Connection c, long userCount) throws SQLException {
        // Inside the registry's transaction: a failed count (no table yet, a shard that lost its part) must not
        // abort it, so it runs under a savepoint.
        java.sql.Savepoint before = c.setSavepoint();
        try (Statement s = c.createStatement()) {
            s.execute(FdwSql.PARTITIONWISE);
            try (ResultSet rs = s.executeQuery(FdwSql.COUNT.formatted(users))) {
                boolean complete = rs.next() && rs.getLong(1) == userCount;
                c.releaseSavepoint(before);
                return complete;
            }
        } catch (SQLException missing) {
            c.rollback(before);
            return false;
        }
    }

    private long load(Connection c, ShardTables source) throws SQLException {
        for (int i = 0; i < shards.size(); i++) {
            try (Connection shard = shards.get(i).open(); Statement s = shard.createStatement()) {
                for (String table : List.of(users, posts, comments)) {
                    s.execute(FdwSql.DROP_TABLE.formatted(table + "_p" + i));
                }
                s.execute(FdwSql.SHARD_USERS.formatted(users + "_p" + i));
                s.execute(FdwSql.SHARD_POSTS.formatted(posts + "_p" + i));
                s.execute(FdwSql.SHARD_COMMENTS.formatted(comments + "_p" + i));
            } catch (SQLException e) {
                throw shards.get(i).failure("creating its postgres_fdw partition", e);
            }
        }
        try (Statement s = c.createStatement()) {
            for (String table : List.of(users, posts, comments)) {
                s.execute(FdwSql.DROP_TABLE.formatted(table));
            }
            s.execute(FdwSql.PARENT_USERS.formatted(users));
            s.execute(FdwSql.PARENT_POSTS.formatted(posts));
            s.execute(FdwSql.PARENT_COMMENTS.formatted(comments));
            for (String table : List.of(users, posts, comments)) {
                for (int i = 0; i < shards.size(); i++) {
                    s.execute(FdwSql.FOREIGN_PARTITION.formatted(table, i, shards.size(), serverName(i)));
                }
            }
            long rows = s.executeUpdate(FdwSql.FILL_USERS.formatted(users, source.users()));
            s.executeUpdate(FdwSql.FILL_POSTS.formatted(posts, source.posts()));
            s.executeUpdate(FdwSql.FILL_COMMENTS.formatted(comments, source.comments(), source.posts()));
            for (String table : List.of(users, posts, comments)) {
                s.execute("ANALYZE " + table);
            }
            return rows;
        }
    }

    /** Fresh statistics on every shard, so each remote plans its part of a query with them. */
    private void analyzeShards() {
        for (int i = 0; i < shards.size(); i++) {
            try (Connection shard = shards.get(i).open(); Statement s = shard.createStatement()) {
                for (String table : List.of(users, posts, comments)) {
                    s.execute("ANALYZE " + table + "_p" + i);
                }
            } catch (SQLException e) {
                throw shards.get(i).failure("analyzing its postgres_fdw partition", e);
            }
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, name);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String quote(String value) {
        return value.replace("'", "''");
    }
}
