package tradeoffbench.sharding;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
import tradeoffbench.dataset.Progress;
import tradeoffbench.dataset.User;
import tradeoffbench.dataset.UserGenerator;

/**
 * Puts each user, with their posts and the comments on those posts, on the shard the router names: COPY into every
 * shard in parallel (one loader thread per shard), progress on stderr for long loads, and a fingerprint per shard
 * table set in {@code tb_shard_datasets} so identical data is not loaded twice (also across runs on external
 * servers). The unsharded baseline is the same loader with a one-shard router on the main server.
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
        try (Connection connection = target.open()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(ShardSql.CREATE_META);
                try (PreparedStatement lock = connection.prepareStatement(ShardSql.LOCK)) {
                    lock.setString(1, "tradeoffbench:" + tables.users());
                    lock.execute();
                }
                if (isLoaded(connection, tables, fingerprint)) {
                    connection.commit();
                    return false;
                }
                for (String table : List.of(tables.users(), tables.posts(), tables.comments())) {
                    statement.execute("DROP TABLE IF EXISTS " + table);
                }
                statement.execute(ShardSql.CREATE_USERS.formatted(tables.users()));
                statement.execute(ShardSql.CREATE_POSTS.formatted(tables.posts()));
                statement.execute(ShardSql.CREATE_COMMENTS.formatted(tables.comments()));
                long rows = copy(connection, target, shard, router, tables);
                statement.execute(ShardSql.INDEX_HANDLE.formatted(tables.users()));
                statement.execute(ShardSql.INDEX_POST_AUTHOR.formatted(tables.posts()));
                statement.execute(ShardSql.INDEX_COMMENT_POST.formatted(tables.comments()));
                try (PreparedStatement upsert = connection.prepareStatement(ShardSql.UPSERT_META)) {
                    upsert.setString(1, tables.users());
                    upsert.setString(2, fingerprint);
                    upsert.setLong(3, rows);
                    upsert.executeUpdate();
                }
                connection.commit();
                connection.setAutoCommit(true);
                for (String table : List.of(tables.users(), tables.posts(), tables.comments())) {
                    statement.execute("ANALYZE " + table);
                }
                return true;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw target.failure("loading " + tables.users(), e);
        }
    }

    static boolean isLoaded(Connection connection, ShardTables tables, String fingerprint) throws SQLException {
        long rows;
        try (PreparedStatement find = connection.prepareStatement(ShardSql.FIND_META)) {
            find.setString(1, tables.users());
            try (ResultSet rs = find.executeQuery()) {
                if (!rs.next() || !rs.getString(1).equals(fingerprint)) {
                    return false;
                }
                rows = rs.getLong(2);
            }
        }
        for (String table : List.of(tables.users(), tables.posts(), tables.comments())) {
            try (PreparedStatement exists = connection.prepareStatement(ShardSql.TABLE_EXISTS)) {
                exists.setString(1, table);
                try (ResultSet rs = exists.executeQuery()) {
                    if (!rs.next() || !rs.getBoolean(1)) {
                        return false;
                    }
                }
            }
        }
        try (Statement count = connection.createStatement();
             ResultSet rs = count.executeQuery(ShardSql.COUNT.formatted(tables.users()))) {
            return rs.next() && rs.getLong(1) == rows;
        }
    }

    /** Streams this shard's users, posts and comments through three COPYs; returns the user rows. */
    static long copy(Connection connection, ShardTarget target, int shard, ShardRouter router, ShardTables tables)
            throws SQLException {
        long users = tables.userCount();
        UserGenerator generator = new UserGenerator(UserGenerator.DEFAULT_SEED);
        SocialGraph graph = new SocialGraph(users);
        var api = connection.unwrap(PGConnection.class).getCopyAPI();
        Progress progress = new Progress(tables.users() + " (all users scanned) into " + target.name(), users);
        CopyIn userCopy = api.copyIn(ShardSql.COPY_USERS.formatted(tables.users()));
        Chunked userRows = new Chunked(userCopy);
        long mine = 0;
        for (long id = 1; id <= users; id++) {
            if (router.shardOf(id) == shard) {
                User u = generator.user(id);
                userRows.line().append(u.id()).append('\t').append(u.handle()).append('\t').append(u.email())
                        .append('\t').append(u.name()).append('\t').append(u.country()).append('\t')
                        .append(u.signupDay()).append('\n');
                mine++;
            }
            if (id % 10_000 == 0) {
                progress.advance(10_000);
            }
        }
        userRows.end();
        progress.advance(users % 10_000);
        progress.finish();

        CopyIn postCopy = api.copyIn(ShardSql.COPY_POSTS.formatted(tables.posts()));
        Chunked postRows = new Chunked(postCopy);
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

        CopyIn commentCopy = api.copyIn(ShardSql.COPY_COMMENTS.formatted(tables.comments()));
        Chunked commentRows = new Chunked(commentCopy);
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
