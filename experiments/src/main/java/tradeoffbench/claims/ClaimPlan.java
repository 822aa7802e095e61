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
 * <p>JMH's {@code -p} applies to every selected benchmark with that parameter name, so values are unioned, and a
 * value that some selected benchmark does not declare (a string parameter such as {@code skew=celebrity} on a family
 * whose skews are Zipf exponents) is dropped with a note rather than failing that benchmark. Numeric parameters take
 * any value. The full profile sets no values: each benchmark runs its own sweep.
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
            Set<String> kept = new LinkedHashSet<>(values);
            for (BenchmarkMethod m : taking) {
                List<String> declared = m.params().get(name);
                if (!declared.stream().allMatch(ClaimPlan::isNumber)) {
                    Set<String> dropped = new LinkedHashSet<>(kept);
                    dropped.removeAll(declared);
                    if (!dropped.isEmpty()) {
                        notes.add("-p " + name + ": " + dropped + " left out, " + m.shortName() + " takes only "
                                + declared + " (run the claim that needs it alone)");
                        kept.removeAll(dropped);
                    }
                }
            }
            if (kept.isEmpty()) {
                notes.add("-p " + name + ": no value every selected benchmark takes; each runs its own values");
            } else {
                params.put(name, List.copyOf(kept));
            }
        });
        return params;
    }

    static boolean isNumber(String value) {
        try {
            Double.parseDouble(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public boolean measures() {
        return !benchmarks.isEmpty();
    }
}
