package tradeoffbench.joins;

/** One entry of a user's feed page: a post by someone the user follows, with its author's name. */
public record FeedItem(long postId, long authorId, String authorName, String title) {
}
