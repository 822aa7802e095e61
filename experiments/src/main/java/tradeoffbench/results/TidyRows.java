package tradeoffbench.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.util.Statistics;
import tradeoffbench.catalog.BenchmarkMethod;
import tradeoffbench.targets.Endpoint;

/**
 * Turns one JMH benchmark result (all forks of one method, parameter set and thread count) into tidy rows: the
 * primary metric ({@code throughput} or {@code latency}) and one row per secondary metric ({@code @AuxCounters},
 * profilers).
 */
public final class TidyRows {
    private TidyRows() {
    }

    public static List<TidyRow> from(BenchmarkResult result, BenchmarkMethod method, List<Endpoint> endpoints,
                                     RowContext context) {
        BenchmarkParams params = result.getParams();
        Target target = Target.of(endpoints);
        String jvm = params.getVmName() + " " + params.getVmVersion();
        List<TidyRow> rows = new ArrayList<>();
        // getPrimaryResult() aggregates anew on every call: take it once.
        Result primary = result.getPrimaryResult();
        Map<String, Result> metrics = new LinkedHashMap<>();
        metrics.put(primaryMetric(params.getMode()), primary);
        result.getSecondaryResults().forEach((label, r) -> {
            if (!isPercentile(params.getMode(), label)) {
                metrics.put(label, r);
            }
        });
        metrics.forEach((name, r) -> {
            Units.Normalized unit = Units.normalize(r.getScoreUnit());
            Statistics stats = r.getStatistics();
            boolean distribution = params.getMode() == Mode.SampleTime && r == primary;
            rows.add(new TidyRow(context.runId(), context.startedAt(), context.gitSha(), method.family(),
                    method.shortName(), target.name, target.mode, target.version, target.settings,
                    paramsText(params), params.getThreads(), params.getMode().shortLabel(), metricName(name),
                    unit.apply(r.getScore()), unit.apply(r.getScoreError()), unit.unit(), r.getSampleCount(),
                    distribution ? unit.apply(stats.getPercentile(50)) : null,
                    distribution ? unit.apply(stats.getPercentile(90)) : null,
                    distribution ? unit.apply(stats.getPercentile(99)) : null,
                    distribution ? unit.apply(stats.getPercentile(99.9)) : null,
                    jvm, context.machine()));
        });
        return rows;
    }

    /** Sample-time mode reports percentiles as secondary results too ({@code p0.99}); rows carry them as columns. */
    static boolean isPercentile(Mode mode, String label) {
        return mode == Mode.SampleTime && label.matches("p\\d.*");
    }

    static String primaryMetric(Mode mode) {
        return mode == Mode.Throughput ? "throughput" : "latency";
    }

    /** JMH prefixes profiler metrics with a middle dot ({@code ·gc.alloc.rate}); rows keep plain ASCII names. */
    static String metricName(String label) {
        return label.startsWith("\u00b7") ? label.substring(1) : label;
    }

    static String paramsText(BenchmarkParams params) {
        Map<String, String> values = new TreeMap<>();
        for (Object key : params.getParamsKeys()) {
            values.put((String) key, params.getParam((String) key));
        }
        return KeyValues.join(values);
    }

    /** The target columns: one endpoint as it is; several (e.g. both engines, or shards) joined with '+'. */
    private record Target(String name, String mode, String version, String settings) {
        static Target of(List<Endpoint> endpoints) {
            if (endpoints.isEmpty()) {
                return new Target("none", "", "", "");
            }
            if (endpoints.size() == 1) {
                Endpoint e = endpoints.get(0);
                return new Target(e.engine().label(), e.mode().label(), e.version(), e.settingsText());
            }
            List<String> names = new ArrayList<>();
            List<String> modes = new ArrayList<>();
            List<String> versions = new ArrayList<>();
            List<String> settings = new ArrayList<>();
            for (Endpoint e : endpoints) {
                names.add(e.engine().label());
                modes.add(e.mode().label());
                versions.add(e.version());
                e.settings().forEach((k, v) -> settings.add(e.engine().key() + "." + k + "=" + v));
            }
            return new Target(String.join("+", names), String.join("+", modes), String.join("+", versions),
                    String.join(";", settings));
        }
    }
}
