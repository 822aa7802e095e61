package tradeoffbench.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import tradeoffbench.claims.ChartSpec;
import tradeoffbench.results.Conditions;

/**
 * Legend entries that fit on a slide. Series that are conditions ({@code accounts=1000, isolation=SERIALIZABLE,
 * threads=2}) keep only the values that differ between them ({@code SERIALIZABLE}); the names of those values and
 * the conditions every series shares move to the axis title. Series named otherwise keep their names.
 *
 * @param names  one legend entry per series, in order
 * @param shared what moved out of the legend, for the axis title; empty when nothing did
 */
record LegendNames(List<String> names, String shared) {
    private static final String THREADS = "threads";

    static LegendNames of(List<ChartSpec.Series> series) {
        List<String> plain = series.stream().map(ChartSpec.Series::name).toList();
        if (series.size() < 2 || series.stream().anyMatch(s -> s.conditions() == null)) {
            return new LegendNames(plain, "");
        }
        List<Conditions> all = series.stream().map(ChartSpec.Series::conditions).toList();
        Set<String> keys = new TreeSet<>();
        all.forEach(c -> keys.addAll(c.params().keySet()));
        List<String> varying = new ArrayList<>();
        List<String> common = new ArrayList<>();
        for (String key : keys) {
            Set<String> values = new HashSet<>();
            all.forEach(c -> values.add(Objects.toString(c.param(key), "-")));
            if (values.size() > 1) {
                varying.add(key);
            } else {
                common.add(key + "=" + values.iterator().next());
            }
        }
        boolean threadsVary = all.stream().map(Conditions::threads).distinct().count() > 1;
        if (threadsVary) {
            varying.add(THREADS);
        } else {
            common.add(THREADS + "=" + all.get(0).threads());
        }
        List<String> names = new ArrayList<>();
        for (Conditions c : all) {
            List<String> values = new ArrayList<>();
            for (String key : varying) {
                values.add(key.equals(THREADS) ? THREADS + "=" + c.threads() : Objects.toString(c.param(key), "-"));
            }
            names.add(String.join(", ", values));
        }
        if (varying.isEmpty() || new LinkedHashSet<>(names).size() != names.size()) {
            return new LegendNames(plain, "");
        }
        return new LegendNames(names, "series: " + String.join(", ", varying)
                + (common.isEmpty() ? "" : "; all: " + String.join(", ", common)));
    }

    /** The axis title with what moved out of the legend, in parentheses. */
    String axisTitle(String title) {
        return shared.isEmpty() ? title : title + " (" + shared + ")";
    }

}
