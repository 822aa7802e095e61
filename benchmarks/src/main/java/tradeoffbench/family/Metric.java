package tradeoffbench.family;

/**
 * The name of one measured quantity of a benchmark: its primary score ({@link #THROUGHPUT} in throughput mode,
 * {@link #LATENCY} in sample mode) or a secondary one, i.e. an {@code @AuxCounters} field ({@code anomalies}) or a
 * profiler's metric. Families publish their counters as constants; claims ask for them by these.
 */
public record Metric(String name) {
    public static final Metric THROUGHPUT = new Metric("throughput");
    public static final Metric LATENCY = new Metric("latency");

    public Metric {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a metric needs a name");
        }
    }

    public static Metric of(String name) {
        return new Metric(name);
    }

    public boolean isPrimary() {
        return this.equals(THROUGHPUT) || this.equals(LATENCY);
    }

    @Override
    public String toString() {
        return name;
    }
}
