package tradeoffbench.sharding;

import java.util.List;

/** Checks an answer to "user u's posts with their comments and commenters" against the generated social graph. */
final class JoinAnswers {
    private JoinAnswers() {
    }

    static List<JoinRow> check(String how, long author, SocialGraph graph, List<JoinRow> rows) {
        int expected = SocialGraph.POSTS_PER_USER * SocialGraph.COMMENTS_PER_POST;
        if (rows.size() != expected) {
            throw new IllegalStateException(how + " for user " + author + " returned " + rows.size()
                    + " rows, expected " + expected);
        }
        int i = 0;
        for (int k = 0; k < SocialGraph.POSTS_PER_USER; k++) {
            long post = SocialGraph.postId(author, k);
            for (int j = 0; j < SocialGraph.COMMENTS_PER_POST; j++) {
                JoinRow row = rows.get(i++);
                long commenter = graph.commenter(post, j);
                if (row.postId() != post || row.commentId() != SocialGraph.commentId(post, j)
                        || row.commenterId() != commenter || row.commenterHandle() == null
                        || !row.commenterHandle().endsWith("_" + commenter)) {
                    throw new IllegalStateException(how + " for user " + author + ": wrong row " + row
                            + " (expected post " + post + ", comment " + SocialGraph.commentId(post, j)
                            + ", commenter " + commenter + ")");
                }
            }
        }
        return rows;
    }
}
