package tradeoffbench.sharding;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import tradeoffbench.dataset.CopyStream;
import tradeoffbench.dataset.PostgresDatasetRegistry;
import tradeoffbench.dataset.PostgresUsers;
import tradeoffbench.dataset.Progress;
import tradeoffbench.dataset.UserGenerator;

/**
 * Puts each user, with their posts and the comments on those posts, on the shard the router names: COPY into every
 * shard in parallel (one loader thread per shard), progress on stderr for long loads, and the fingerprint of each
 * shard's tables in {@code tb_datasets} (through {@link PostgresDatasetRegistry#ensure}, like every dataset), so
 * identical data is not loaded twice, also across runs on external servers. The unsharded baseline is the same
 * loader with a one-shard router on the main server.
 */
public final class ShardLoader {

    private ShardLoader() {
    }

    /** Loads every shard that lacks its part; returns the number of shards that were (re)loaded. */
    public static int ensure(List<ShardTarget> shards, ShardRouter router, long users) {
        if (shards.size() != router.shards()) {
            throw new IllegalArgumentException(router + " needs " + router.shards() + " servers, got " + shards.size());
        }
        ShardTables tables = ShardTables.of(users, router);
        ExecutorService pool = Executors.newFixedThreadPool(shards.size());
        try {
            List<Future<Boolean>> loads = new ArrayList<>();
            for (int i = 0; i < shards.size(); i++) {
                int shard = i;
                loads.add(pool.submit(() -> ensureShard(shards.get(shard), shard, router, tables)));
            }
            int loaded = 0;
            for (Future<Boolean> load : loads) {
                loaded += join(load) ? 1 : 0;
            }
            return loaded;
        } finally {
            pool.shutdownNow();
        }
    }

    static boolean ensureShard(ShardTarget target, int shard, ShardRouter router, ShardTables tables) {
        String fingerprint = tables.fingerprint(shard, router.shards());
        List<String> all = List.of(tables.users(), tables.posts(), tables.comments());
        try (Connection connection = target.open()) {
            boolean loaded = PostgresDatasetRegistry.ensure(connection, tables.users(), fingerprint,
                    c -> isLoaded(c, tables, fingerprint), c -> {
                        try (Statement statement = c.createStatement()) {
                            for (String table : all) {
                                statement.execute("DROP TABLE IF EXISTS " + table);
                            }
                            statement.execute(PostgresUsers.createTableSql(tables.users()));
                            statement.execute(ShardSql.CREATE_POSTS.formatted(tables.posts()));
                            statement.execute(ShardSql.CREATE_COMMENTS.formatted(tables.comments()));
                            long rows = copy(c, target, shard, router, tables);
                            statement.execute(ShardSql.INDEX_HANDLE.formatted(tables.users()));
                            statement.execute(ShardSql.INDEX_POST_AUTHOR.formatted(tables.posts()));
                            statement.execute(ShardSql.INDEX_COMMENT_POST.formatted(tables.comments()));
                            return rows;
                        }
                    });
            if (loaded) {
                try (Statement statement = connection.createStatement()) {
                    for (String table : all) {
                        statement.execute("ANALYZE " + table);
                    }
                }
            }
            return loaded;
        } catch (SQLException e) {
            throw target.failure("loading " + tables.users(), e);
        }
    }

    /** Recorded with this fingerprint, all three tables there, and the users table holds the recorded rows. */
    static boolean isLoaded(Connection connection, ShardTables tables, String fingerprint) throws SQLException {
        long users = PostgresDatasetRegistry.rowCount(connection, tables.users());
        return users >= 0 && PostgresDatasetRegistry.matches(connection, tables.users(), fingerprint, users)
                && PostgresDatasetRegistry.exists(connection, tables.posts())
                && PostgresDatasetRegistry.exists(connection, tables.comments());
    }

    /** Streams this shard's users, posts and comments through three COPYs; returns the user rows. */
    static long copy(Connection connection, ShardTarget target, int shard, ShardRouter router, ShardTables tables)
            throws SQLException {
        long users = tables.userCount();
        UserGenerator generator = new UserGenerator(UserGenerator.DEFAULT_SEED);
        SocialGraph graph = new SocialGraph(users);
        Progress progress = new Progress(tables.users() + " (all users scanned) into " + target.name(), users);
        long mine = 0;
        try (CopyStream userRows = CopyStream.open(connection, PostgresUsers.COPY.formatted(tables.users()))) {
            for (long id = 1; id <= users; id++) {
                if (router.shardOf(id) == shard) {
                    PostgresUsers.appendRow(userRows.line(), generator.user(id));
                    mine++;
                }
                if (id % 10_000 == 0) {
                    progress.advance(10_000);
                }
            }
            userRows.end();
        }
        progress.advance(users % 10_000);
        progress.finish();

        try (CopyStream postRows = CopyStream.open(connection, ShardSql.COPY_POSTS.formatted(tables.posts()))) {
            for (long id = 1; id <= users; id++) {
                if (router.shardOf(id) == shard) {
                    for (int k = 0; k < SocialGraph.POSTS_PER_USER; k++) {
                        long post = SocialGraph.postId(id, k);
                        postRows.line().append(post).append('\t').append(id).append('\t')
                                .append(SocialGraph.postBody(post)).append('\n');
                    }
                }
            }
            postRows.end();
        }

        String comments = ShardSql.COPY_COMMENTS.formatted(tables.comments());
        try (CopyStream commentRows = CopyStream.open(connection, comments)) {
            for (long id = 1; id <= users; id++) {
                if (router.shardOf(id) == shard) {
                    for (int k = 0; k < SocialGraph.POSTS_PER_USER; k++) {
                        long post = SocialGraph.postId(id, k);
                        for (int j = 0; j < SocialGraph.COMMENTS_PER_POST; j++) {
                            long comment = SocialGraph.commentId(post, j);
                            commentRows.line().append(comment).append('\t').append(post).append('\t')
                                    .append(graph.commenter(post, j)).append('\t')
                                    .append(SocialGraph.commentBody(comment)).append('\n');
                        }
                    }
                }
            }
            commentRows.end();
        }
        return mine;
    }

    static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
