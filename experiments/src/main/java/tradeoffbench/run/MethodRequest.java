package tradeoffbench.run;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openjdk.jmh.annotations.Mode;
import tradeoffbench.catalog.BenchmarkMethod;

/**
 * What to measure of one benchmark method: the values of each parameter to sweep (a parameter not named runs its
 * default values), the client thread counts and the modes. Expanded into {@link Trial}s by {@link TrialPlan}.
 */
public record MethodRequest(BenchmarkMethod method, Map<String, List<String>> params, List<Integer> threads,
                            Set<Mode> modes) {

    public MethodRequest {
        params = Map.copyOf(params);
        threads = List.copyOf(threads);
        modes = Set.copyOf(modes);
    }
}
