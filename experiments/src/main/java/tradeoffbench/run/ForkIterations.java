package tradeoffbench.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.util.Statistics;
import tradeoffbench.family.Metric;
import tradeoffbench.results.IterationRow;
import tradeoffbench.results.Units;

/**
 * The measured iterations of one fork, as JMH reported them, into tidy iteration rows: the primary score
 * ({@code throughput} or {@code latency}, with the iteration's own percentiles in sample mode), every secondary
 * metric ({@code @AuxCounters}, profilers) per iteration, and profiler results JMH reports once per fork as that
 * fork's single value.
 */
final class ForkIterations {
    private ForkIterations() {
    }

    static List<IterationRow> of(String runId, Trial trial, int fork, BenchmarkResult result) {
        List<IterationRow> rows = new ArrayList<>();
        boolean sample = trial.mode() == Mode.SampleTime;
        Metric primary = trial.mode() == Mode.Throughput ? Metric.THROUGHPUT : Metric.LATENCY;
        int iteration = 0;
        for (IterationResult ir : result.getIterationResults()) {
            iteration++;
            Result p = ir.getPrimaryResult();
            Units.Normalized unit = Units.normalize(p.getScoreUnit());
            Statistics stats = p.getStatistics();
            rows.add(new IterationRow(runId, trial.method().name(), trial.conditions(), trial.modeLabel(), primary,
                    fork, iteration, unit.apply(p.getScore()), unit.unit(),
                    sample ? unit.apply(stats.getPercentile(50)) : null,
                    sample ? unit.apply(stats.getPercentile(90)) : null,
                    sample ? unit.apply(stats.getPercentile(99)) : null,
                    sample ? unit.apply(stats.getPercentile(99.9)) : null));
            for (Map.Entry<String, Result> e : ir.getSecondaryResults().entrySet()) {
                if (sample && e.getKey().matches("p\\d.*")) {
                    continue; // sample mode's own percentiles: columns of the primary row
                }
                rows.add(secondary(runId, trial, fork, iteration, e.getKey(), e.getValue()));
            }
        }
        // External profilers report once per fork, after its iterations.
        for (var e : result.getBenchmarkResults().entrySet()) {
            for (Result r : e.getValue()) {
                rows.add(secondary(runId, trial, fork, 1, e.getKey(), r));
            }
        }
        return rows;
    }

    private static IterationRow secondary(String runId, Trial trial, int fork, int iteration, String label,
                                          Result r) {
        Units.Normalized unit = Units.normalize(r.getScoreUnit());
        return new IterationRow(runId, trial.method().name(), trial.conditions(), trial.modeLabel(),
                Metric.of(metricName(label)), fork, iteration, unit.apply(r.getScore()), unit.unit(), null, null, null,
                null);
    }

    /** JMH prefixes profiler metrics with a middle dot ({@code ·gc.alloc.rate}); rows keep plain ASCII names. */
    static String metricName(String label) {
        return label.startsWith("\u00b7") ? label.substring(1) : label;
    }
}
