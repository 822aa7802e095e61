package tradeoffbench.cap;

/** Where a second of the timeline falls: before the cut, during the partition, after the heal. */
public enum Phase {
    STEADY, PARTITION, HEALED;

    public String label() {
        return name().toLowerCase();
    }
}
