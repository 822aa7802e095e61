package tradeoffbench.sharding;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tradeoffbench.dataset.CopyStream;
import tradeoffbench.dataset.PostgresDatasetRegistry;
import tradeoffbench.dataset.PostgresUsers;
import tradeoffbench.dataset.UserGenerator;
import tradeoffbench.targets.Endpoint;
import tradeoffbench.targets.Endpoints;
import tradeoffbench.targets.Engine;

/** The users, posts and comments distributed over the Citus cluster of this run, loaded once per size. */
@State(Scope.Benchmark)
public class CitusLayout {
    Endpoint coordinator;
    String users;
    String posts;
    String comments;

    @Setup
    public void load(UserData data) throws SQLException {
        coordinator = Endpoints.current().require(Engine.CITUS);
        users = "citus_users_" + data.users;
        posts = "citus_posts_" + data.users;
        comments = "citus_comments_" + data.users;
        String fingerprint = "citus/users/v" + UserGenerator.VERSION + "/seed=" + UserGenerator.DEFAULT_SEED + "/n="
                + data.users + "/social/p=" + SocialGraph.POSTS_PER_USER + "/c=" + SocialGraph.COMMENTS_PER_POST;
        try (Connection c = coordinator.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute(CitusSql.CREATE_EXTENSION);
            }
            PostgresDatasetRegistry.ensure(c, users, fingerprint, conn -> count(conn) == data.users,
                    conn -> fill(conn, data.users));
        }
    }

    private long count(Connection c) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + users)) {
            return rs.next() ? rs.getLong(1) : -1;
        } catch (SQLException missing) {
            return -1;
        }
    }

    private long fill(Connection c, long userCount) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String t : List.of(comments, posts, users)) {
                s.execute("DROP TABLE IF EXISTS " + t + " CASCADE");
            }
            s.execute(CitusSql.USERS.formatted(users));
            s.execute(CitusSql.POSTS.formatted(posts));
            s.execute(CitusSql.COMMENTS.formatted(comments));
            s.execute(CitusSql.INDEX_HANDLE.formatted(users));
            for (String sql : CitusSql.distribute(users, posts, comments)) {
                s.execute(sql);
            }
        }
        long rows = PostgresUsers.copyInto(c, users, UserGenerator.DEFAULT_SEED, userCount, "citus");
        SocialGraph graph = new SocialGraph(userCount);
        copy(c, CitusSql.COPY_POSTS.formatted(posts), userCount, (author, line) -> {
            for (int k = 0; k < SocialGraph.POSTS_PER_USER; k++) {
                long post = SocialGraph.postId(author, k);
                line.append(post).append('\t').append(author).append('\t').append(SocialGraph.postBody(post))
                        .append('\n');
            }
        });
        copy(c, CitusSql.COPY_COMMENTS.formatted(comments), userCount, (author, line) -> {
            for (int k = 0; k < SocialGraph.POSTS_PER_USER; k++) {
                long post = SocialGraph.postId(author, k);
                for (int j = 0; j < SocialGraph.COMMENTS_PER_POST; j++) {
                    long comment = SocialGraph.commentId(post, j);
                    line.append(comment).append('\t').append(post).append('\t').append(author).append('\t')
                            .append(graph.commenter(post, j)).append('\t').append(SocialGraph.commentBody(comment))
                            .append('\n');
                }
            }
        });
        return rows;
    }

    /** The rows one author contributes to a table, as lines of text-format COPY. */
    private interface Rows {
        void of(long author, StringBuilder line);
    }

    /** One COPY of every author's rows. */
    private static void copy(Connection c, String sql, long userCount, Rows rows) throws SQLException {
        try (CopyStream copy = CopyStream.open(c, sql)) {
            for (long author = 1; author <= userCount; author++) {
                rows.of(author, copy.line());
            }
            copy.end();
        }
    }
}
