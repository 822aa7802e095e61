package tradeoffbench.sharding;

/**
 * The posts and comments of the generated users, derived from ids alone (like UserGenerator), so any shard can
 * generate its part and any answer can be checked: user {@code u} wrote {@link #POSTS_PER_USER} posts, each post has
 * {@link #COMMENTS_PER_POST} comments, whose authors are spread over all users by a fixed hash, so almost all of them
 * live on other shards than the post.
 */
public final class SocialGraph {
    public static final int POSTS_PER_USER = 3;
    public static final int COMMENTS_PER_POST = 3;

    private final long users;

    public SocialGraph(long users) {
        this.users = users;
    }

    public static long postId(long author, int k) {
        return (author - 1) * POSTS_PER_USER + k + 1;
    }

    public static long authorOfPost(long postId) {
        return (postId - 1) / POSTS_PER_USER + 1;
    }

    public static long commentId(long postId, int j) {
        return (postId - 1) * COMMENTS_PER_POST + j + 1;
    }

    /** The author of comment {@code j} of a post: a fixed pseudo-random user, never the post's own author. */
    public long commenter(long postId, int j) {
        long mixed = ShardRouter.mix64(postId * 31 + j) >>> 1;
        long candidate = 1 + mixed % users;
        return candidate == authorOfPost(postId) ? 1 + candidate % users : candidate;
    }

    static String postBody(long postId) {
        return "post " + postId + " about sharding";
    }

    static String commentBody(long commentId) {
        return "comment " + commentId;
    }
}
