package tradeoffbench.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds {@link ChartSpec}s from measures: bars for comparisons, lines for a swept parameter. */
public final class ChartData {
    private ChartData() {
    }

    /**
     * Bars: one group per category, one bar per series, error bars from each measure's interval.
     *
     * @param series series name → (category → measure); a category missing from a series is left empty
     */
    public static ChartSpec bars(String name, String title, String xTitle, String yTitle,
                                 Map<String, Map<String, Measure>> series) {
        return build(name, ChartSpec.Kind.BARS, title, xTitle, yTitle, series, false);
    }

    public static ChartSpec bars(String name, String title, String xTitle, String yTitle,
                                 Map<String, Map<String, Measure>> series, boolean logY) {
        return build(name, ChartSpec.Kind.BARS, title, xTitle, yTitle, series, logY);
    }

    /** Lines over a swept numeric parameter: series name → (swept value → measure). */
    public static ChartSpec lines(String name, String title, String xTitle, String yTitle,
                                  Map<String, Map<String, Measure>> series) {
        return build(name, ChartSpec.Kind.LINES, title, xTitle, yTitle, series, false);
    }

    private static ChartSpec build(String name, ChartSpec.Kind kind, String title, String xTitle, String yTitle,
                                   Map<String, Map<String, Measure>> series, boolean logY) {
        Set<String> categories = new LinkedHashSet<>();
        series.values().forEach(m -> categories.addAll(m.keySet()));
        List<String> ordered = new ArrayList<>(categories);
        if (kind == ChartSpec.Kind.LINES) {
            ordered.sort(Rows::compareValues);
        }
        List<ChartSpec.Series> out = new ArrayList<>();
        series.forEach((seriesName, values) -> {
            List<String> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            List<Double> e = new ArrayList<>();
            for (String c : ordered) {
                Measure m = values.get(c);
                if (m != null || kind == ChartSpec.Kind.BARS) {
                    x.add(c);
                    y.add(m == null ? Double.NaN : m.value());
                    e.add(m == null || !m.hasInterval() ? 0.0 : m.error());
                }
            }
            if (!x.isEmpty()) {
                out.add(new ChartSpec.Series(seriesName, x, y, e));
            }
        });
        return new ChartSpec(name, kind, title, xTitle, yTitle, out, logY);
    }

    /** A fresh ordered map, for building series in the order a reader should see them. */
    public static <V> Map<String, V> ordered() {
        return new LinkedHashMap<>();
    }
}
