package tradeoffbench.sharding;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import tradeoffbench.dataset.PostgresUsers;
import tradeoffbench.dataset.User;

/**
 * One client thread's connection to a sharding engine's coordinator (postgres_fdw's, Citus's) and the three questions
 * it asks there as single statements ({@link FdwSql}): a user by id, a user by handle, a user's posts with their
 * comments and commenters. The engine routes; this class only asks and reads the answers.
 */
final class CoordinatorClient implements AutoCloseable {
    private final String engine;
    private final Connection connection;
    private final PreparedStatement byId;
    private final PreparedStatement byHandle;
    private final PreparedStatement join;

    /**
     * @param session statements for the session first (planner settings), then the statements are prepared
     */
    CoordinatorClient(String engine, Connection connection, String users, String posts, String comments,
                      String session) throws SQLException {
        this.engine = engine;
        this.connection = connection;
        try (Statement s = connection.createStatement()) {
            s.execute(session);
        }
        byId = connection.prepareStatement(FdwSql.USER_BY_ID.formatted(users));
        byHandle = connection.prepareStatement(FdwSql.USER_BY_HANDLE.formatted(users));
        join = connection.prepareStatement(FdwSql.POSTS_WITH_COMMENTERS.formatted(posts, comments, users));
    }

    User byId(long id) {
        return one(byId, id);
    }

    User byHandle(String handle) {
        return one(byHandle, handle);
    }

    List<JoinRow> join(long author) {
        try {
            join.setLong(1, author);
            List<JoinRow> rows = new ArrayList<>();
            try (ResultSet rs = join.executeQuery()) {
                while (rs.next()) {
                    rows.add(new JoinRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(engine + " join failed: " + e.getMessage(), e);
        }
    }

    private User one(PreparedStatement statement, Object key) {
        try {
            statement.setObject(1, key);
            try (ResultSet rs = statement.executeQuery()) {
                User found = rs.next() ? PostgresUsers.map(rs) : null;
                if (rs.next()) {
                    throw new IllegalStateException(engine + ": two users for " + key);
                }
                return found;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(engine + " lookup failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
