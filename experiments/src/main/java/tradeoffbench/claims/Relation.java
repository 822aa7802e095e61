package tradeoffbench.claims;

/** Where one measure's error interval lies relative to another's. */
public enum Relation {
    /** Entirely above the other interval. */
    ABOVE,
    /** Entirely below the other interval. */
    BELOW,
    /** The intervals overlap, or an interval is unknown: the difference is not established. */
    OVERLAP
}
