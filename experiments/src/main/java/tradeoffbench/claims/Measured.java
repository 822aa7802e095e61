package tradeoffbench.claims;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tradeoffbench.family.BenchmarkName;
import tradeoffbench.family.Metric;
import tradeoffbench.results.Conditions;
import tradeoffbench.results.IterationRow;
import tradeoffbench.results.Summaries;
import tradeoffbench.results.Target;
import tradeoffbench.stats.Bootstrap;
import tradeoffbench.stats.Estimate;
import tradeoffbench.stats.Repetitions;
import tradeoffbench.stats.SteadyState;

/**
 * One trial of a run as a claim reads it: the benchmark, the conditions and mode it was measured under, its target,
 * and per metric its repetitions (forks × measured iterations), from which every estimate and comparison is computed.
 */
public final class Measured {
    private final BenchmarkName benchmark;
    private final Conditions conditions;
    private final String mode;
    private final Target target;
    private final Map<Metric, List<IterationRow>> rows;
    private final Map<Metric, Repetitions> metrics = new LinkedHashMap<>();

    Measured(BenchmarkName benchmark, Conditions conditions, String mode, Target target,
             Map<Metric, List<IterationRow>> rows) {
        this.benchmark = benchmark;
        this.conditions = conditions;
        this.mode = mode;
        this.target = target;
        this.rows = Map.copyOf(rows);
        rows.forEach((metric, list) -> metrics.put(metric, Summaries.repetitions(list)));
    }

    public BenchmarkName benchmark() {
        return benchmark;
    }

    public Conditions conditions() {
        return conditions;
    }

    public String mode() {
        return mode;
    }

    public Target target() {
        return target;
    }

    public String param(String name) {
        return conditions.param(name);
    }

    public boolean isFake() {
        return target.isFake();
    }

    /** The primary metric: latency in sample mode, throughput in throughput mode. */
    public Metric primary() {
        return Evidence.THRPT.equals(mode) ? Metric.THROUGHPUT : Metric.LATENCY;
    }

    /** True when a higher primary score is better (throughput). */
    public boolean higherIsBetter() {
        return primary().equals(Metric.THROUGHPUT);
    }

    public boolean has(Metric metric) {
        return metrics.containsKey(metric);
    }

    public Repetitions repetitions(Metric metric) {
        Repetitions r = metrics.get(metric);
        return r == null ? new Repetitions(new java.util.TreeMap<>(), "") : r;
    }

    /**
     * A percentile of the latency distribution (50, 90, 99, 99.9) as repetitions: each measured iteration's own
     * percentile, so its interval comes from forks and iterations like every other (sample mode only).
     */
    public Repetitions percentile(double p) {
        List<IterationRow> latency = rows.getOrDefault(Metric.LATENCY, List.of());
        List<IterationRow> values = new java.util.ArrayList<>();
        for (IterationRow r : latency) {
            Double v = p == 50 ? r.p50() : p == 90 ? r.p90() : p == 99 ? r.p99() : p == 99.9 ? r.p999() : null;
            if (v != null) {
                values.add(new IterationRow(r.runId(), r.benchmark(), r.conditions(), r.mode(), r.metric(), r.fork(),
                        r.iteration(), v, r.unit(), null, null, null, null));
            }
        }
        return Summaries.repetitions(values);
    }

    /**
     * A ratio of two counters in each iteration (e.g. inconsistent reads over audits), as repetitions: an iteration
     * where the denominator is 0 is left out.
     */
    public Repetitions share(Metric numerator, Metric denominator, String unit) {
        Repetitions n = repetitions(numerator);
        Repetitions d = repetitions(denominator);
        java.util.SortedMap<Integer, double[]> shares = new java.util.TreeMap<>();
        n.forks().forEach((fork, values) -> {
            double[] den = d.forks().get(fork);
            if (den == null) {
                return;
            }
            double[] s = new double[Math.min(values.length, den.length)];
            int k = 0;
            for (int i = 0; i < s.length; i++) {
                if (den[i] > 0) {
                    s[k++] = values[i] / den[i];
                }
            }
            shares.put(fork, java.util.Arrays.copyOf(s, k));
        });
        return new Repetitions(shares, unit);
    }

    /** The mean per measured iteration of a metric, with its 95% interval. */
    public Estimate estimate(Metric metric) {
        return Bootstrap.mean(repetitions(metric));
    }

    public Estimate primaryEstimate() {
        return estimate(primary());
    }

    /** What a counter counted over every measured iteration of every fork. */
    public double total(Metric metric) {
        return repetitions(metric).total();
    }

    public int forks() {
        return repetitions(primary()).forkCount();
    }

    /** False when the primary metric's iterations trend (a caveat for any verdict that uses it). */
    public boolean steady() {
        return !Boolean.FALSE.equals(SteadyState.of(repetitions(primary())).steady());
    }

    /**
     * A stand-in with one parameter changed, to look up a twin with {@link Evidence#twin} ("the same trial at
     * shards=1"); it has no repetitions of its own.
     */
    public Measured withParam(String name, String value) {
        java.util.TreeMap<String, String> params = new java.util.TreeMap<>(conditions.params());
        params.put(name, value);
        return new Measured(benchmark, new Conditions(params, conditions.threads()), mode, target, Map.of());
    }

    /** {@code PostgresTransferBenchmark.readThenWrite (isolation=SERIALIZABLE, threads=2)}. */
    public String describe() {
        return benchmark.shortName() + " (" + conditions.text() + ")";
    }
}
