package tradeoffbench.joins;

import java.util.List;

/**
 * The logical answer to "a post with its comments and each comment author's name", identical whatever the layout:
 * comments in id order.
 */
public record PostView(long postId, String title, long authorId, String authorName, List<Comment> comments) {

    public PostView {
        comments = List.copyOf(comments);
    }

    public record Comment(long commentId, long authorId, String authorName, String body) {
    }

    /** The comment with this id, or null. */
    public Comment comment(long commentId) {
        for (Comment c : comments) {
            if (c.commentId() == commentId) {
                return c;
            }
        }
        return null;
    }
}
