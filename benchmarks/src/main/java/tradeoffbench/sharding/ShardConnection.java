package tradeoffbench.sharding;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.postgresql.PGStatement;
import tradeoffbench.dataset.User;

/**
 * One connection to one server of a layout, with its prepared statements (server-side from the first use). Used by
 * one thread at a time. Every failure names the server ({@link ShardFailure}).
 */
final class ShardConnection implements AutoCloseable {
    private final ShardTarget target;
    private final ShardTables tables;
    private final Connection connection;
    private final PreparedStatement byId;
    private final PreparedStatement byHandle;
    private final PreparedStatement postsWithComments;
    private final PreparedStatement handlesByIds;
    private final PreparedStatement postsWithCommenters;
    private PreparedStatement insertTweet;

    ShardConnection(ShardTarget target, ShardTables tables) {
        this.target = target;
        this.tables = tables;
        this.connection = target.open();
        try {
            byId = prepare(ShardSql.USER_BY_ID.formatted(tables.users()));
            byHandle = prepare(ShardSql.USER_BY_HANDLE.formatted(tables.users()));
            postsWithComments = prepare(ShardSql.POSTS_WITH_COMMENTS.formatted(tables.posts(), tables.comments()));
            handlesByIds = prepare(ShardSql.HANDLES_BY_IDS.formatted(tables.users()));
            postsWithCommenters = prepare(ShardSql.POSTS_WITH_COMMENTERS.formatted(tables.posts(),
                    tables.comments(), tables.users()));
        } catch (SQLException e) {
            closeQuietly();
            throw target.failure("preparing statements", e);
        }
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.unwrap(PGStatement.class).setPrepareThreshold(1);
        return statement;
    }

    ShardTarget target() {
        return target;
    }

    ShardTables tables() {
        return tables;
    }

    /** The user with this id, or null when this server does not hold it. */
    User findById(long id) {
        try {
            byId.setLong(1, id);
            return one(byId);
        } catch (SQLException e) {
            throw target.failure("looking up user " + id, e);
        }
    }

    /** The user with this handle, or null when this server does not hold it. */
    User findByHandle(String handle) {
        try {
            byHandle.setString(1, handle);
            return one(byHandle);
        } catch (SQLException e) {
            throw target.failure("looking up handle " + handle, e);
        }
    }

    private static User one(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            return rs.next() ? new User(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getInt(6)) : null;
        }
    }

    /** The author's posts with comments, as {postId, commentId, commenterId} rows; commenter handles unknown. */
    List<long[]> postsWithComments(long author) {
        try {
            postsWithComments.setLong(1, author);
            List<long[]> rows = new ArrayList<>();
            try (ResultSet rs = postsWithComments.executeQuery()) {
                while (rs.next()) {
                    rows.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
                }
            }
            return rows;
        } catch (SQLException e) {
            throw target.failure("reading the posts of user " + author, e);
        }
    }

    /** The handles of those of these users this server holds. */
    Map<Long, String> handles(Long[] ids) {
        try {
            Array array = connection.createArrayOf("bigint", ids);
            handlesByIds.setArray(1, array);
            Map<Long, String> handles = new HashMap<>();
            try (ResultSet rs = handlesByIds.executeQuery()) {
                while (rs.next()) {
                    handles.put(rs.getLong(1), rs.getString(2));
                }
            }
            return handles;
        } catch (SQLException e) {
            throw target.failure("reading the handles of " + ids.length + " users", e);
        }
    }

    /** The whole question joined in SQL (only meaningful on a server holding every user: the unsharded one). */
    List<JoinRow> postsWithCommenters(long author) {
        try {
            postsWithCommenters.setLong(1, author);
            List<JoinRow> rows = new ArrayList<>();
            try (ResultSet rs = postsWithCommenters.executeQuery()) {
                while (rs.next()) {
                    rows.add(new JoinRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw target.failure("joining the posts of user " + author, e);
        }
    }

    /** Writes one tweet in its own transaction (autocommit: one commit, one WAL flush). */
    void insertTweet(long author, String body) {
        try {
            if (insertTweet == null) {
                insertTweet = prepare(ShardSql.INSERT_TWEET);
            }
            insertTweet.setLong(1, author);
            insertTweet.setString(2, body);
            if (insertTweet.executeUpdate() != 1) {
                throw new IllegalStateException("tweet insert on " + target.name() + " did not write one row");
            }
        } catch (SQLException e) {
            throw target.failure("writing a tweet of user " + author, e);
        }
    }

    /**
     * Makes this connection's server backend publish its pending statistics now (PostgreSQL 15+:
     * {@code pg_stat_force_next_flush()}, effective at the end of the very statement that calls it); older servers
     * publish within a second anyway, so there it waits that second.
     */
    void flushStatistics() {
        try (var statement = connection.createStatement()) {
            if (connection.getMetaData().getDatabaseMajorVersion() >= 15) {
                statement.execute("SELECT pg_stat_force_next_flush()");
            } else {
                Thread.sleep(1_100);
            }
        } catch (SQLException e) {
            throw target.failure("flushing statistics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Connection connection() {
        return connection;
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a connection to a server that may be gone
        }
    }
}
