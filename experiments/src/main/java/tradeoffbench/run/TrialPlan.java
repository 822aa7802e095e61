package tradeoffbench.run;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.openjdk.jmh.annotations.Mode;
import tradeoffbench.catalog.BenchmarkMethod;
import tradeoffbench.catalog.UsageException;
import tradeoffbench.family.ParamRule;

/**
 * The trials of a run, expanded once from what was asked: for every method, the cartesian product of its parameter
 * values (the user's {@code -p} first, then what a claim asked of that method, then the method's own defaults),
 * times its thread counts, times its modes. Parameters are scoped per method, so two benchmarks that share a
 * parameter name can run different values in one run. Every value is checked against what the benchmark accepts
 * before any server starts.
 */
public final class TrialPlan {
    private TrialPlan() {
    }

    /**
     * @param userParams  the user's {@code -p}: applied to every method that has the parameter; a name no selected
     *                    method has is bad input
     * @param userThreads the user's {@code -t}, or empty to keep each request's
     * @param userModes   the user's {@code -bm}, or empty to keep each request's
     */
    public static List<Trial> expand(List<MethodRequest> requests, Map<String, List<String>> userParams,
                                     List<Integer> userThreads, Set<Mode> userModes) {
        checkNames(requests, userParams);
        List<Trial> trials = new ArrayList<>();
        for (MethodRequest request : requests) {
            BenchmarkMethod method = request.method();
            Map<String, List<String>> values = new TreeMap<>(method.params());
            request.params().forEach((name, v) -> {
                if (values.containsKey(name)) {
                    values.put(name, v);
                }
            });
            userParams.forEach((name, v) -> {
                if (values.containsKey(name)) {
                    values.put(name, v);
                }
            });
            values.forEach((name, v) -> checkValues(method, name, v));
            Set<Mode> modes = userModes.isEmpty() ? request.modes() : userModes;
            Set<Mode> runnable = EnumSet.noneOf(Mode.class);
            runnable.addAll(modes);
            if (runnable.isEmpty()) {
                runnable.addAll(method.modes());
            }
            List<Integer> threads = userThreads.isEmpty() ? request.threads() : userThreads;
            for (Map<String, String> combination : combinations(values)) {
                for (int t : threads) {
                    for (Mode mode : runnable) {
                        trials.add(Trial.of(method, combination, t, mode));
                    }
                }
            }
        }
        return List.copyOf(new LinkedHashSet<>(trials));
    }

    private static void checkNames(List<MethodRequest> requests, Map<String, List<String>> userParams) {
        Set<String> known = new java.util.TreeSet<>();
        requests.forEach(r -> known.addAll(r.method().params().keySet()));
        userParams.forEach((name, values) -> {
            if (!known.contains(name)) {
                throw new UsageException("unknown parameter '" + name + "' in -p; the selected benchmarks take: "
                        + (known.isEmpty() ? "no parameters" : String.join(", ", known)));
            }
            if (values.isEmpty() || values.stream().anyMatch(String::isBlank)) {
                throw new UsageException("parameter '" + name + "' in -p needs values: -p " + name + "=v1,v2");
            }
        });
    }

    /** A value a benchmark does not accept ({@code @Accepts}) is exit 2 before anything starts, not a failed fork. */
    private static void checkValues(BenchmarkMethod method, String name, List<String> values) {
        for (String value : values) {
            for (ParamRule rule : method.rules().getOrDefault(name, List.of())) {
                if (!rule.accepts(value)) {
                    throw new UsageException("invalid value '" + value + "' for -p " + name + ": "
                            + rule.benchmark() + " expects " + rule.meaning() + " (" + rule.pattern() + ")");
                }
            }
        }
    }

    private static List<Map<String, String>> combinations(Map<String, List<String>> values) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (var entry : values.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : out) {
                for (String v : entry.getValue()) {
                    Map<String, String> m = new LinkedHashMap<>(partial);
                    m.put(entry.getKey(), v.trim());
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }
}
