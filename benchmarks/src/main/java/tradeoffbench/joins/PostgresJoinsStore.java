package tradeoffbench.joins;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.postgresql.PGStatement;
import tradeoffbench.tx.TransactionRunner;

/**
 * One connection's access to the three PostgreSQL layouts of a dataset, with every statement prepared once
 * (server-side). Reads and comment inserts run in autocommit; every rename, in every layout, is one transaction
 * (through {@link TransactionRunner}): the same discipline for one row as for K copies, so the layouts differ only
 * in the statements they need, never two names for one user shown.
 */
final class PostgresJoinsStore implements AutoCloseable {
    private final Connection connection;
    private final boolean ownsConnection;
    private final JoinsModel model;
    private final List<PreparedStatement> prepared = new ArrayList<>();

    private final PreparedStatement postJoined;
    private final PreparedStatement postDenormalized;
    private final PreparedStatement postJsonb;
    private final PreparedStatement feedJoined;
    private final PreparedStatement feedDenormalized;
    private final PreparedStatement renameNormalized;
    private final PreparedStatement renameDUser;
    private final PreparedStatement renameDPosts;
    private final PreparedStatement renameDComments;
    private final PreparedStatement renameDCommentPosts;
    private final PreparedStatement renameDFeed;
    private final PreparedStatement renameJUser;
    private final PreparedStatement renameJPosts;
    private final PreparedStatement addNormalized;
    private final PreparedStatement addDenormalized;
    private final PreparedStatement addJsonb;

    private final TransactionRunner transactions;

    private PostgresJoinsStore(Connection connection, boolean ownsConnection, JoinsModel model) throws SQLException {
        this.connection = connection;
        this.transactions = TransactionRunner.jdbc(connection);
        this.ownsConnection = ownsConnection;
        this.model = model;
        connection.setAutoCommit(true);
        connection.setSchema(model.name());
        postJoined = prepare(JoinsSql.POST_JOINED);
        postDenormalized = prepare(JoinsSql.POST_DENORMALIZED);
        postJsonb = prepare(JoinsSql.POST_JSONB);
        feedJoined = prepare(JoinsSql.FEED_JOINED);
        feedDenormalized = prepare(JoinsSql.FEED_DENORMALIZED);
        renameNormalized = prepare(JoinsSql.RENAME_NORMALIZED);
        renameDUser = prepare(JoinsSql.RENAME_D_USER);
        renameDPosts = prepare(JoinsSql.RENAME_D_POSTS);
        renameDComments = prepare(JoinsSql.RENAME_D_COMMENTS);
        renameDCommentPosts = prepare(JoinsSql.RENAME_D_COMMENT_POSTS);
        renameDFeed = prepare(JoinsSql.RENAME_D_FEED);
        renameJUser = prepare(JoinsSql.RENAME_J_USER);
        renameJPosts = prepare(JoinsSql.RENAME_J_POSTS);
        addNormalized = prepare(JoinsSql.ADD_COMMENT_NORMALIZED);
        addDenormalized = prepare(JoinsSql.ADD_COMMENT_DENORMALIZED);
        addJsonb = prepare(JoinsSql.ADD_COMMENT_JSONB);
    }

    /** A store that closes its connection when closed. */
    static PostgresJoinsStore open(Connection connection, JoinsModel model) throws SQLException {
        return new PostgresJoinsStore(connection, true, model);
    }

    /** A store over a connection the caller keeps (and closes). */
    static PostgresJoinsStore borrow(Connection connection, JoinsModel model) throws SQLException {
        return new PostgresJoinsStore(connection, false, model);
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        // Force a server-side prepared statement from the first execution, as a pooled application would have.
        statement.unwrap(PGStatement.class).setPrepareThreshold(1);
        prepared.add(statement);
        return statement;
    }

    // ---- reads ------------------------------------------------------------------------------------------------

    PostView post(Layout layout, long postId) throws SQLException {
        return switch (layout) {
            case NORMALIZED -> postJoined(postId);
            case DENORMALIZED -> postDenormalized(postId);
            case JSONB -> postJsonb(postId);
            default -> throw new IllegalArgumentException(layout + " is not a PostgreSQL layout");
        };
    }

    PostView postJoined(long postId) throws SQLException {
        return postFromRows(postJoined, postId);
    }

    PostView postDenormalized(long postId) throws SQLException {
        return postFromRows(postDenormalized, postId);
    }

    PostView postJsonb(long postId) throws SQLException {
        postJsonb.setLong(1, postId);
        try (ResultSet rs = postJsonb.executeQuery()) {
            return rs.next() ? PostDocuments.view(Document.parse(rs.getString(1))) : null;
        }
    }

    private static PostView postFromRows(PreparedStatement statement, long postId) throws SQLException {
        statement.setLong(1, postId);
        try (ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            long id = rs.getLong(1);
            String title = rs.getString(2);
            long authorId = rs.getLong(3);
            String authorName = rs.getString(4);
            List<PostView.Comment> comments = new ArrayList<>();
            do {
                long commentId = rs.getLong(5);
                if (!rs.wasNull()) {
                    comments.add(new PostView.Comment(commentId, rs.getLong(6), rs.getString(7), rs.getString(8)));
                }
            } while (rs.next());
            return new PostView(id, title, authorId, authorName, comments);
        }
    }

    List<FeedItem> feed(Layout layout, long userId) throws SQLException {
        return switch (layout) {
            case NORMALIZED -> feedJoined(userId);
            case DENORMALIZED -> feedDenormalized(userId);
            default -> throw new IllegalArgumentException("no feed read for " + layout);
        };
    }

    List<FeedItem> feedJoined(long userId) throws SQLException {
        return feedFromRows(feedJoined, userId);
    }

    List<FeedItem> feedDenormalized(long userId) throws SQLException {
        return feedFromRows(feedDenormalized, userId);
    }

    private static List<FeedItem> feedFromRows(PreparedStatement statement, long userId) throws SQLException {
        statement.setLong(1, userId);
        statement.setInt(2, JoinsModel.FEED_PAGE);
        List<FeedItem> page = new ArrayList<>(JoinsModel.FEED_PAGE);
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                page.add(new FeedItem(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
            }
        }
        return page;
    }

    // ---- writes: rename ---------------------------------------------------------------------------------------

    /** Renames a user in one layout; returns the rows (PostgreSQL) or documents rewritten, user row included. */
    int rename(Layout layout, long userId, String name) throws SQLException {
        return switch (layout) {
            case NORMALIZED -> renameNormalized(userId, name);
            case DENORMALIZED -> renameDenormalized(userId, name);
            case JSONB -> renameJsonb(userId, name);
            default -> throw new IllegalArgumentException(layout + " is not a PostgreSQL layout");
        };
    }

    int renameNormalized(long userId, String name) throws SQLException {
        return inTransaction(() -> {
            renameNormalized.setString(1, name);
            renameNormalized.setLong(2, userId);
            return renameNormalized.executeUpdate();
        });
    }

    int renameDenormalized(long userId, String name) throws SQLException {
        return inTransaction(() -> {
            int rows = 0;
            for (PreparedStatement s : List.of(renameDUser, renameDPosts, renameDComments, renameDCommentPosts,
                    renameDFeed)) {
                s.setString(1, name);
                s.setLong(2, userId);
                rows += s.executeUpdate();
            }
            return rows;
        });
    }

    int renameJsonb(long userId, String name) throws SQLException {
        return inTransaction(() -> {
            renameJUser.setString(1, name);
            renameJUser.setLong(2, userId);
            int rows = renameJUser.executeUpdate();
            renameJPosts.setString(1, "{\"authorId\":" + userId + "}");
            renameJPosts.setString(2, "{\"comments\":[{\"authorId\":" + userId + "}]}");
            renameJPosts.setLong(3, userId);
            renameJPosts.setString(4, name);
            renameJPosts.setLong(5, userId);
            renameJPosts.setString(6, name);
            return rows + renameJPosts.executeUpdate();
        });
    }

    // ---- writes: add a comment --------------------------------------------------------------------------------

    /** Adds a comment in one layout; returns the rows written (1 when the post and author exist). */
    int addComment(Layout layout, long commentId, long postId, long authorId, String body) throws SQLException {
        PreparedStatement s;
        switch (layout) {
            case NORMALIZED -> {
                s = addNormalized;
                s.setLong(1, commentId);
                s.setLong(2, postId);
                s.setLong(3, authorId);
                s.setString(4, body);
            }
            case DENORMALIZED -> {
                s = addDenormalized;
                s.setLong(1, commentId);
                s.setString(2, body);
                s.setLong(3, postId);
                s.setLong(4, authorId);
            }
            case JSONB -> {
                s = addJsonb;
                s.setLong(1, commentId);
                s.setString(2, body);
                s.setLong(3, postId);
                s.setLong(4, authorId);
            }
            default -> throw new IllegalArgumentException(layout + " is not a PostgreSQL layout");
        }
        return s.executeUpdate();
    }

    /** Removes every comment added after the generated ones; returns the rows (or documents) changed. */
    int removeAddedComments(Layout layout) throws SQLException {
        String sql = switch (layout) {
            case NORMALIZED -> JoinsSql.REMOVE_ADDED_NORMALIZED;
            case DENORMALIZED -> JoinsSql.REMOVE_ADDED_DENORMALIZED;
            case JSONB -> JoinsSql.REMOVE_ADDED_JSONB;
            default -> throw new IllegalArgumentException(layout + " is not a PostgreSQL layout");
        };
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setLong(1, model.comments());
            if (layout == Layout.JSONB) {
                s.setInt(2, model.fanout());
            }
            return s.executeUpdate();
        }
    }

    /** Dead rows of the write benchmarks away, so the next iteration writes into the same tables. */
    void vacuum() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : JoinsSql.VACUUM) {
                statement.execute(sql);
            }
        }
    }

    private int inTransaction(TransactionRunner.Work<Integer> work) throws SQLException {
        try {
            return transactions.inTransaction(work);
        } catch (SQLException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement s : prepared) {
            s.close();
        }
        if (ownsConnection) {
            connection.close();
        }
    }
}
