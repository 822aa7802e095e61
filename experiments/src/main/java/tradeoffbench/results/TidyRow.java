package tradeoffbench.results;

import java.util.List;

import tradeoffbench.family.BenchmarkName;
import tradeoffbench.family.Metric;

/**
 * One row of {@code results.csv}: one metric of one trial (benchmark method, parameter set, thread count, mode) on
 * its target, summarized over every measured iteration of every fork (docs/ARCHITECTURE.md, "Results"). Throughput
 * is normalized to ops/s and latency to us/op so rows from any family compare directly.
 *
 * @param run        which run, when, which code, on which machine
 * @param summary    the score with its honest interval, and the percentiles of a latency distribution
 * @param jvm        the forks' JVM
 */
public record TidyRow(RunIdentity run, BenchmarkName benchmark, Target target, Conditions conditions, String mode,
                      Metric metric, Summary summary, String jvm) {

    public static final List<String> COLUMNS = List.of(
            "run_id", "started_at", "git_sha", "family", "benchmark", "target", "target_mode", "server_version",
            "settings", "params", "threads", "mode", "metric", "score", "score_error", "ci_low", "ci_high", "unit",
            "forks", "iterations", "samples", "total", "p50", "p90", "p99", "p999", "steady", "jvm", "machine");

    public String family() {
        return benchmark.family();
    }

    public double score() {
        return summary.score();
    }

    public String unit() {
        return summary.unit();
    }

    /** The value of one parameter, or null. */
    public String param(String key) {
        return conditions.param(key);
    }

    public int threads() {
        return conditions.threads();
    }

    public boolean isFake() {
        return target.isFake();
    }
}
