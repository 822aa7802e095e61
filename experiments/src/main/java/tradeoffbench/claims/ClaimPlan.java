package tradeoffbench.claims;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import tradeoffbench.catalog.BenchmarkCatalog;
import tradeoffbench.catalog.BenchmarkMethod;
import tradeoffbench.run.Profile;

/**
 * What a run of some claims needs from JMH: the union of their benchmark regexes (only those this build contains),
 * their quick-profile {@code @Param} values and their thread counts.
 *
 * <p>JMH's {@code -p} applies to every selected benchmark with that parameter name, so the claims' values are
 * unioned, and the union is passed only when every selected benchmark taking that parameter declares all of them
 * in its {@code @Param}: a value one benchmark cannot take ({@code skew=celebrity} on the transfer benchmarks,
 * {@code shards=1} on the hot-shard benchmark) would fail the whole run, so then each benchmark runs its own declared
 * values, with a note. The full profile sets no values: each benchmark runs its own sweep.
 *
 * <p>Threads (quick profile): the union of the thread counts claims ask for (contention needs two); one client when
 * none asks. The full profile keeps its own thread counts (1 and 2).
 *
 * @param notes one line each, for the console: what was left out and why
 */
public record ClaimPlan(List<Claim> claims, List<String> benchmarks, Map<String, List<String>> params,
                        List<Integer> threads, List<String> notes) {

    public static ClaimPlan of(List<Claim> claims, BenchmarkCatalog catalog, Profile profile) {
        List<String> notes = new ArrayList<>();
        Set<String> regexes = new LinkedHashSet<>();
        List<BenchmarkMethod> selected = new ArrayList<>();
        Set<Integer> threads = new TreeSet<>();
        for (Claim c : claims) {
            for (String regex : c.selection().benchmarks()) {
                Pattern p = Pattern.compile(regex);
                List<BenchmarkMethod> matched = catalog.all().stream().filter(m -> p.matcher(m.fullName()).find())
                        .toList();
                if (matched.isEmpty()) {
                    notes.add("claim " + c.id() + ": no benchmark in this build matches " + regex
                            + "; it will be INCONCLUSIVE");
                } else {
                    regexes.add(regex);
                    matched.stream().filter(m -> !selected.contains(m)).forEach(selected::add);
                    threads.addAll(c.selection().threads());
                }
            }
        }
        Map<String, List<String>> params = profile == Profile.QUICK ? params(claims, selected, notes)
                : new LinkedHashMap<>();
        if (profile != Profile.QUICK) {
            threads.clear();
        } else if (!regexes.isEmpty() && threads.isEmpty()) {
            threads.add(1);
        }
        return new ClaimPlan(List.copyOf(claims), List.copyOf(regexes), params, List.copyOf(threads), notes);
    }

    private static Map<String, List<String>> params(List<Claim> claims, Collection<BenchmarkMethod> selected,
                                                    List<String> notes) {
        Map<String, Set<String>> wanted = new LinkedHashMap<>();
        for (Claim c : claims) {
            c.selection().quickParams().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> wanted.computeIfAbsent(e.getKey(), k -> new LinkedHashSet<>()).addAll(e.getValue()));
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        wanted.forEach((name, values) -> {
            List<BenchmarkMethod> taking = selected.stream().filter(m -> m.params().containsKey(name)).toList();
            if (taking.isEmpty()) {
                return;
            }
            for (BenchmarkMethod m : taking) {
                List<String> declared = m.params().get(name);
                if (!declared.containsAll(values)) {
                    notes.add("-p " + name + "=" + String.join(",", values) + " not set: " + m.shortName()
                            + " declares only " + declared + "; every benchmark runs its own " + name + " values");
                    return;
                }
            }
            params.put(name, List.copyOf(values));
        });
        return params;
    }

    public boolean measures() {
        return !benchmarks.isEmpty();
    }
}
