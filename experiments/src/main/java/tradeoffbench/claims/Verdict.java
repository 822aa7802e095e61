package tradeoffbench.claims;

/** What the numbers say about a claim. */
public enum Verdict {
    /** The measured rows agree with the claim, and the difference is larger than the error intervals. */
    SUPPORTED,
    /** The measured rows contradict the claim, and the difference is larger than the error intervals. */
    REFUTED,
    /** The rows cannot decide: intervals overlap, a needed row or target is missing, or a row came from a test fake. */
    INCONCLUSIVE
}
