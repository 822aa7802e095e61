package tradeoffbench.results;

import java.util.List;

import tradeoffbench.family.BenchmarkName;
import tradeoffbench.family.Metric;

/**
 * One row of {@code iterations.csv}: one metric of one measured iteration of one fork of a trial — the repetitions
 * every interval is computed from. {@code fork} is the round the fork ran in (1..F), so forks of two variants
 * measured side by side share their number. For a latency distribution, the iteration's own percentiles.
 */
public record IterationRow(String runId, BenchmarkName benchmark, Conditions conditions, String mode, Metric metric,
                           int fork, int iteration, double value, String unit, Double p50, Double p90, Double p99,
                           Double p999) {

    public static final List<String> COLUMNS = List.of("run_id", "family", "benchmark", "params", "threads", "mode",
            "metric", "fork", "iteration", "value", "unit", "p50", "p90", "p99", "p999");
}
