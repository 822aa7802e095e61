package tradeoffbench.claims;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import tradeoffbench.results.TidyRow;

/**
 * The result rows of one run, with what a claim asks of them, and the run's skipped benchmarks (so "no rows" can
 * say why: "MongoDB was not available").
 */
public final class Rows {
    public static final String THROUGHPUT = "throughput";
    public static final String LATENCY = "latency";
    public static final String THRPT = "thrpt";
    public static final String SAMPLE = "sample";
    public static final String FAKE_MODE = "fake";

    private final List<TidyRow> rows;
    private final Map<String, String> skipped;

    /** @param skipped benchmark short name → the reason the run gave for skipping it */
    public Rows(List<TidyRow> rows, Map<String, String> skipped) {
        this.rows = List.copyOf(rows);
        this.skipped = Map.copyOf(skipped);
    }

    public static Rows of(List<TidyRow> rows) {
        return new Rows(rows, Map.of());
    }

    public List<TidyRow> all() {
        return rows;
    }

    /** Rows of one benchmark method ({@code Class.method}), mode and metric. */
    public List<TidyRow> find(String benchmark, String mode, String metric) {
        return rows.stream().filter(r -> r.benchmark().equals(benchmark) && r.mode().equals(mode)
                && r.metric().equals(metric)).toList();
    }

    /** Rows of one benchmark, mode and metric whose params include every given {@code key=value}. */
    public List<TidyRow> find(String benchmark, String mode, String metric, Map<String, String> params) {
        return find(benchmark, mode, metric).stream()
                .filter(r -> params.entrySet().stream().allMatch(e -> e.getValue().equals(r.param(e.getKey()))))
                .toList();
    }

    /**
     * A benchmark's main score for deciding "faster": its sample-mode latency rows when it has them (thousands of
     * samples give tight intervals, where a quick profile's three throughput iterations give JMH 99.9% intervals
     * wider than the score), else its throughput rows. {@code higherIsBetter} says which way is faster.
     */
    public Primary primary(String benchmark) {
        List<TidyRow> latency = find(benchmark, SAMPLE, LATENCY);
        return latency.isEmpty() ? new Primary(find(benchmark, THRPT, THROUGHPUT), true) : new Primary(latency, false);
    }

    public record Primary(List<TidyRow> rows, boolean higherIsBetter) {
        /** The relation that means "faster". */
        public Relation faster() {
            return higherIsBetter ? Relation.ABOVE : Relation.BELOW;
        }

        public Relation slower() {
            return higherIsBetter ? Relation.BELOW : Relation.ABOVE;
        }

        /** How fast {@code a} is relative to {@code b} (2.0 = twice as fast), whichever the mode. */
        public double speed(Measure a, Measure b) {
            return higherIsBetter ? a.value() / b.value() : b.value() / a.value();
        }

        /** The speed ratio's bounds over both intervals: [lowest, highest]; infinite when an interval reaches 0. */
        public double[] speedBounds(Measure a, Measure b) {
            Measure fast = higherIsBetter ? a : b;
            Measure slow = higherIsBetter ? b : a;
            double low = Math.max(0, fast.low()) / slow.high();
            double high = slow.low() > 0 ? fast.high() / slow.low() : Double.POSITIVE_INFINITY;
            return new double[] {low, high};
        }

        /** Seconds per operation: 1/throughput, or the mean latency (rows carry us/op). */
        public double cost(Measure m) {
            return higherIsBetter ? 1 / m.value() : m.value() * 1e-6;
        }

        public String axis(String operations) {
            return higherIsBetter ? "throughput (" + operations + "/s)" : "mean latency (µs per " + operations
                    .replaceAll("s$", "") + ")";
        }
    }

    /**
     * INCONCLUSIVE when a needed benchmark has no rows (naming it and why it was skipped, if the run says) or when
     * any of its rows came from a test fake; empty when the rows can be judged.
     */
    public Optional<Judgement> unusable(String... benchmarks) {
        List<String> missing = new ArrayList<>();
        List<String> fake = new ArrayList<>();
        for (String b : benchmarks) {
            List<TidyRow> of = rows.stream().filter(r -> r.benchmark().equals(b)).toList();
            if (of.isEmpty()) {
                missing.add(b + (skipped.containsKey(b) ? " (skipped: " + skipped.get(b) + ")" : ""));
            } else if (of.stream().anyMatch(Rows::isFake)) {
                fake.add(b + " (target " + of.get(0).target() + ")");
            }
        }
        if (!missing.isEmpty()) {
            return Optional.of(Judgement.inconclusive("no rows for " + String.join(", ", missing)));
        }
        if (!fake.isEmpty()) {
            return Optional.of(Judgement.inconclusive("rows from a test fake, never used for a verdict: "
                    + String.join(", ", fake)));
        }
        return Optional.empty();
    }

    public static boolean isFake(TidyRow row) {
        return row.targetMode() != null && List.of(row.targetMode().split("\\+")).contains(FAKE_MODE);
    }

    public static boolean isFakeAny(Collection<TidyRow> rows) {
        return rows.stream().anyMatch(Rows::isFake);
    }

    /** The distinct values of one param among rows, in numeric order when they are numbers. */
    public static List<String> values(Collection<TidyRow> rows, String param) {
        return rows.stream().map(r -> r.param(param)).filter(v -> v != null).distinct()
                .sorted(Rows::compareValues).toList();
    }

    public static int compareValues(String a, String b) {
        try {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    /** The highest thread count among rows (contention shows there), or 0 when none. */
    public static int maxThreads(Collection<TidyRow> rows) {
        return rows.stream().mapToInt(TidyRow::threads).max().orElse(0);
    }

    /**
     * Rows of {@code a} and {@code b} measured under the same conditions: equal threads and equal params, except the
     * params named in {@code varying} (those that differ by design, e.g. the method's own switch).
     */
    public static List<Pair> pairs(List<TidyRow> a, List<TidyRow> b, String... varying) {
        Map<String, TidyRow> byKey = new LinkedHashMap<>();
        b.forEach(r -> byKey.put(conditions(r, varying), r));
        List<Pair> pairs = new ArrayList<>();
        for (TidyRow r : a) {
            TidyRow other = byKey.get(conditions(r, varying));
            if (other != null) {
                pairs.add(new Pair(conditions(r, varying), r, other));
            }
        }
        pairs.sort(Comparator.comparing(Pair::conditions));
        return pairs;
    }

    /** {@code users=10000, threads=1}: the params (without the varying ones) and threads, as a reader wants them. */
    public static String conditions(TidyRow row, String... varying) {
        Map<String, String> params = new TreeMap<>();
        if (row.params() != null && !row.params().isEmpty()) {
            for (String entry : row.params().split(";")) {
                int eq = entry.indexOf('=');
                if (eq > 0) {
                    params.put(entry.substring(0, eq), entry.substring(eq + 1));
                }
            }
        }
        for (String v : varying) {
            params.remove(v);
        }
        String text = params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        return (text.isEmpty() ? "" : text + ", ") + "threads=" + row.threads();
    }

    public record Pair(String conditions, TidyRow a, TidyRow b) {
        public Measure measureA() {
            return Measure.of(a);
        }

        public Measure measureB() {
            return Measure.of(b);
        }
    }
}
