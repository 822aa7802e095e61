package tradeoffbench.claims;

/** What the numbers say about a claim. */
public enum Verdict {
    /** The repetitions agree with the claim, beyond their intervals. */
    SUPPORTED,
    /** The repetitions contradict the claim, beyond their intervals. */
    REFUTED,
    /** They cannot decide: an interval straddles the claim's threshold, too few forks, a missing or fake target. */
    INCONCLUSIVE
}
