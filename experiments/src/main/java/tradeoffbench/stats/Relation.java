package tradeoffbench.stats;

/** Where one interval lies relative to another interval or a threshold. */
public enum Relation {
    /** Entirely above. */
    ABOVE,
    /** Entirely below. */
    BELOW,
    /** The intervals overlap, or an interval is unknown: the difference is not established. */
    OVERLAP
}
