package tradeoffbench.sharding;

/** One answer row of "a user's posts with their comments and the commenters' handles". */
public record JoinRow(long postId, long commentId, long commenterId, String commenterHandle) {
}
