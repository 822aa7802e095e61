package tradeoffbench.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.openjdk.jmh.annotations.Mode;
import tradeoffbench.family.BenchmarkName;
import tradeoffbench.family.BenchmarkShape;
import tradeoffbench.family.Metric;
import tradeoffbench.family.ParamRule;
import tradeoffbench.family.ShardNeed;
import tradeoffbench.targets.Engine;

/**
 * One {@code @Benchmark} method as this build holds it: its name, the modes JMH generated it in, its {@code @Param}s
 * with their default values (in name order), and what its annotations say it needs and reports.
 */
public record BenchmarkMethod(BenchmarkName name, Set<Mode> modes, Map<String, List<String>> params,
                              BenchmarkShape shape) {

    public BenchmarkMethod {
        modes = Set.copyOf(modes);
        params = Map.copyOf(params);
    }

    public String family() {
        return name.family();
    }

    public String shortName() {
        return name.shortName();
    }

    public String fullName() {
        return name.fullName();
    }

    public Set<Engine> needs() {
        return shape.needs();
    }

    public Optional<ShardNeed> shards() {
        return shape.shards();
    }

    public Map<String, List<ParamRule>> rules() {
        return shape.rules();
    }

    public Set<Metric> counters() {
        return shape.counters();
    }

    /** True when the method reports this metric: its primary score in a mode it runs in, or one of its counters. */
    public boolean reports(Metric metric) {
        if (metric.equals(Metric.THROUGHPUT)) {
            return modes.contains(Mode.Throughput);
        }
        if (metric.equals(Metric.LATENCY)) {
            return modes.contains(Mode.SampleTime);
        }
        return shape.counters().contains(metric);
    }
}
