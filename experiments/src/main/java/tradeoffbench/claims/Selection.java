package tradeoffbench.claims;

import java.util.List;
import java.util.Map;

import org.openjdk.jmh.annotations.Mode;
import tradeoffbench.family.BenchmarkName;

/**
 * What a claim needs measured: benchmark methods, each with the parameter values, client threads and mode its rule
 * reads (the quick profile's small values; {@code full} keeps them and measures longer), and experiments that are not
 * JMH benchmarks (the {@code cap} timeline). Parameters belong to one method, so two claims can ask the same
 * parameter name of different benchmarks.
 */
public record Selection(List<Wanted> benchmarks, List<String> experiments) {

    /** One benchmark method under the parameter values, thread counts and mode a rule reads. */
    public record Wanted(BenchmarkName benchmark, Map<String, List<String>> params, List<Integer> threads, Mode mode) {
        public Wanted {
            params = Map.copyOf(params);
            threads = List.copyOf(threads);
        }
    }

    public Selection {
        benchmarks = List.copyOf(benchmarks);
        experiments = List.copyOf(experiments);
    }

    public static Selection of(Wanted... wanted) {
        return new Selection(List.of(wanted), List.of());
    }

    /** A claim decided by arithmetic alone: nothing to run. */
    public static Selection none() {
        return new Selection(List.of(), List.of());
    }

    public static Selection experiment(String name) {
        return new Selection(List.of(), List.of(name));
    }

    /** {@code Wanted} for several methods under the same values. */
    public static List<Wanted> each(List<BenchmarkName> methods, Map<String, List<String>> params, List<Integer> threads,
                                    Mode mode) {
        return methods.stream().map(m -> new Wanted(m, params, threads, mode)).toList();
    }

    public boolean measures() {
        return !benchmarks.isEmpty() || !experiments.isEmpty();
    }
}
