package tradeoffbench.results;

import java.util.List;

/**
 * One row of {@code results.csv}: one metric of one benchmark method, parameter set and target (DESIGN.md, "Results:
 * the tidy CSV"). Throughput is normalized to ops/s and latency to us/op so rows from any family compare directly.
 * Numbers that do not apply are {@code null} and written as empty cells.
 */
public record TidyRow(String runId, String startedAt, String gitSha, String family, String benchmark, String target,
                      String targetMode, String serverVersion, String settings, String params, int threads,
                      String mode, String metric, double score, Double scoreError, String unit, Long samples,
                      Double p50, Double p90, Double p99, Double p999, String jvm, String machine) {

    public static final List<String> COLUMNS = List.of(
            "run_id", "started_at", "git_sha", "family", "benchmark", "target", "target_mode", "server_version",
            "settings", "params", "threads", "mode", "metric", "score", "score_error", "unit", "samples",
            "p50", "p90", "p99", "p999", "jvm", "machine");

    /** The value of one {@code key=value} entry of {@link #params()}, or null. */
    public String param(String key) {
        return KeyValues.get(params, key);
    }

    /** The value of one {@code key=value} entry of {@link #settings()}, or null. */
    public String setting(String key) {
        return KeyValues.get(settings, key);
    }
}
