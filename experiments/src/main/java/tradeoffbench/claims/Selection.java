package tradeoffbench.claims;

import java.util.List;
import java.util.Map;

/**
 * What a claim needs measured: the benchmarks (regexes over JMH's full names, as {@code -b} takes them), the
 * {@code @Param} values of the quick profile (small, enough to decide; the full profile uses each benchmark's own
 * sweep), and the client thread counts a rule needs (contention needs at least two; empty: no preference).
 */
public record Selection(List<String> benchmarks, Map<String, List<String>> quickParams, List<Integer> threads) {

    public Selection {
        benchmarks = List.copyOf(benchmarks);
        quickParams = Map.copyOf(quickParams);
        threads = List.copyOf(threads);
    }

    /** A claim decided by arithmetic alone: nothing to run. */
    public static Selection none() {
        return new Selection(List.of(), Map.of(), List.of());
    }

    public boolean measures() {
        return !benchmarks.isEmpty();
    }
}
