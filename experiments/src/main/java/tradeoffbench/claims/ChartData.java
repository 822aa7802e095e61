package tradeoffbench.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tradeoffbench.results.Conditions;
import tradeoffbench.stats.Estimate;

/** Builds {@link ChartSpec}s from estimates: bars for comparisons, lines for a swept parameter. */
public final class ChartData {
    /** A series' name: a text, or the conditions it was measured under (legends then keep what differs). */
    public record Key(String name, Conditions conditions) {
        public static Key named(String name) {
            return new Key(name, null);
        }

        public static Key of(Conditions conditions) {
            return new Key(conditions.text(), conditions);
        }
    }

    private ChartData() {
    }

    /** Bars: one group per category, one bar per series; a category missing from a series is left empty. */
    public static ChartSpec bars(String name, String title, String xTitle, String yTitle,
                                 Map<Key, Map<String, Estimate>> series) {
        return build(name, ChartSpec.Kind.BARS, title, xTitle, yTitle, series, false);
    }

    public static ChartSpec logBars(String name, String title, String xTitle, String yTitle,
                                    Map<Key, Map<String, Estimate>> series) {
        return build(name, ChartSpec.Kind.BARS, title, xTitle, yTitle, series, true);
    }

    /** Lines over a swept numeric parameter: series → (swept value → estimate). */
    public static ChartSpec lines(String name, String title, String xTitle, String yTitle,
                                  Map<Key, Map<String, Estimate>> series) {
        return build(name, ChartSpec.Kind.LINES, title, xTitle, yTitle, series, false);
    }

    private static ChartSpec build(String name, ChartSpec.Kind kind, String title, String xTitle, String yTitle,
                                   Map<Key, Map<String, Estimate>> series, boolean logY) {
        Set<String> categories = new LinkedHashSet<>();
        series.values().forEach(m -> categories.addAll(m.keySet()));
        List<String> ordered = new ArrayList<>(categories);
        if (kind == ChartSpec.Kind.LINES) {
            ordered.sort(ChartData::compareValues);
        }
        List<ChartSpec.Series> out = new ArrayList<>();
        series.forEach((key, values) -> {
            List<String> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            List<Double> low = new ArrayList<>();
            List<Double> high = new ArrayList<>();
            for (String c : ordered) {
                Estimate e = values.get(c);
                if (e != null || kind == ChartSpec.Kind.BARS) {
                    x.add(c);
                    y.add(e == null ? Double.NaN : e.value());
                    low.add(e == null || !e.hasInterval() ? Double.NaN : e.low());
                    high.add(e == null || !e.hasInterval() ? Double.NaN : e.high());
                }
            }
            if (!x.isEmpty()) {
                out.add(new ChartSpec.Series(key.name(), key.conditions(), x, y, low, high));
            }
        });
        return new ChartSpec(name, kind, title, xTitle, yTitle, out, logY);
    }

    /**
     * The chart with the conditions every series was measured under added to its x-axis title, for charts whose
     * series are named rather than conditions (a reader of the slide still sees users, threads, …).
     */
    public static ChartSpec under(ChartSpec spec, Conditions shared) {
        if (shared == null || shared.text().isEmpty()) {
            return spec;
        }
        return new ChartSpec(spec.name(), spec.kind(), spec.title(), spec.xTitle() + " (" + shared.text() + ")",
                spec.yTitle(), spec.series(), spec.logY());
    }

    /** A fresh ordered map, for building series in the order a reader should see them. */
    public static <K, V> Map<K, V> ordered() {
        return new LinkedHashMap<>();
    }

    /** Numbers in numeric order, anything else alphabetically. */
    public static int compareValues(String a, String b) {
        try {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }
}
