package tradeoffbench.claims;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import tradeoffbench.catalog.BenchmarkCatalog;
import tradeoffbench.catalog.BenchmarkMethod;
import tradeoffbench.run.MethodRequest;

/**
 * What a run of some claims needs from JMH, per benchmark method: the union of the parameter values, thread counts
 * and modes the claims ask of that method (so each claim gets at least what its rule reads), and the experiments
 * they need. Computed once, against the catalog the run uses. A claim asking for a benchmark the build does not
 * contain is noted (it will be INCONCLUSIVE), never an error.
 *
 * @param notes one line each, for the console: what was left out and why
 */
public record ClaimPlan(List<Claim> claims, List<MethodRequest> requests, List<String> experiments, List<String> notes) {

    public static ClaimPlan of(List<Claim> claims, BenchmarkCatalog catalog) {
        List<String> notes = new ArrayList<>();
        record Ask(Map<String, Set<String>> params, Set<Integer> threads, Set<org.openjdk.jmh.annotations.Mode> modes) {
        }
        Map<BenchmarkMethod, Ask> asks = new LinkedHashMap<>();
        Set<String> experiments = new LinkedHashSet<>();
        for (Claim c : claims) {
            experiments.addAll(c.selection().experiments());
            for (Selection.Wanted w : c.selection().benchmarks()) {
                var method = catalog.find(w.benchmark());
                if (method.isEmpty()) {
                    notes.add("claim " + c.id() + ": this build has no benchmark " + w.benchmark().shortName()
                            + "; it will be INCONCLUSIVE");
                    continue;
                }
                Ask ask = asks.computeIfAbsent(method.get(), m -> new Ask(new TreeMap<>(), new TreeSet<>(),
                        EnumSet.noneOf(org.openjdk.jmh.annotations.Mode.class)));
                w.params().forEach((name, values) -> ask.params().computeIfAbsent(name, k -> new LinkedHashSet<>())
                        .addAll(values));
                ask.threads().addAll(w.threads().isEmpty() ? List.of(1) : w.threads());
                ask.modes().add(w.mode());
            }
        }
        List<MethodRequest> requests = new ArrayList<>();
        asks.forEach((method, ask) -> {
            Map<String, List<String>> params = new TreeMap<>();
            ask.params().forEach((name, values) -> params.put(name, List.copyOf(values)));
            requests.add(new MethodRequest(method, params, List.copyOf(ask.threads()), ask.modes()));
        });
        return new ClaimPlan(List.copyOf(claims), requests, List.copyOf(experiments), notes);
    }

    public boolean measures() {
        return !requests.isEmpty() || !experiments.isEmpty();
    }
}
