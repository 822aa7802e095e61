package tradeoffbench.sharding;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
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
    private static final int COPY_BUFFER = 1 << 16;

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
        var api = connection.unwrap(PGConnection.class).getCopyAPI();
        Progress progress = new Progress(tables.users() + " (all users scanned) into " + target.name(), users);
        Chunked userRows = new Chunked(api.copyIn(PostgresUsers.COPY.formatted(tables.users())));
        long mine = 0;
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
        progress.advance(users % 10_000);
        progress.finish();

        Chunked postRows = new Chunked(api.copyIn(ShardSql.COPY_POSTS.formatted(tables.posts())));
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

        Chunked commentRows = new Chunked(api.copyIn(ShardSql.COPY_COMMENTS.formatted(tables.comments())));
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
        return mine;
    }

    /** Text-format COPY rows buffered into 64 KiB writes (generated values hold no tab or newline). */
    static final class Chunked {
        private final CopyIn copy;
        private final StringBuilder chunk = new StringBuilder(COPY_BUFFER + 256);

        Chunked(CopyIn copy) {
            this.copy = copy;
        }

        StringBuilder line() throws SQLException {
            if (chunk.length() >= COPY_BUFFER) {
                flush();
            }
            return chunk;
        }

        void end() throws SQLException {
            try {
                flush();
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        }

        private void flush() throws SQLException {
            byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            chunk.setLength(0);
        }
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
