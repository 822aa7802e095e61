package tradeoffbench.results;

import java.util.List;

import tradeoffbench.family.BenchmarkName;

/**
 * One row of {@code forks.csv}: one fork of a trial — when it ran, in which round and position of the interleaved
 * schedule, how long it took, and the machine's state meanwhile: the 1-minute load average when it started, the CPU
 * used by processes that are not this run's (in cores, averaged over the fork), and the CPU stolen by the hypervisor.
 */
public record ForkRow(String runId, BenchmarkName benchmark, Conditions conditions, String mode, int fork,
                      int position, String startedAt, double seconds, Double load1, Double outsideCores,
                      Double stealPercent, String jvm) {

    public static final List<String> COLUMNS = List.of("run_id", "family", "benchmark", "params", "threads", "mode",
            "fork", "position", "started_at", "seconds", "load1", "outside_cores", "steal_percent", "jvm");
}
