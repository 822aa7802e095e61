package tradeoffbench.claims;

import java.util.List;

import tradeoffbench.results.Conditions;

/**
 * A chart as data, drawn by {@code tradeoffbench.report.Charts}: bars for comparisons, lines for a swept
 * {@code @Param}, each value with its interval. Titles carry the question, axis titles the unit, so the picture
 * stands alone on a slide.
 *
 * @param name file name stem, e.g. {@code lookup-latency} (becomes {@code charts/lookup-latency.png} and {@code .svg})
 * @param logY a logarithmic value axis (for values spanning orders of magnitude)
 */
public record ChartSpec(String name, Kind kind, String title, String xTitle, String yTitle, List<Series> series,
                        boolean logY) {

    public enum Kind { BARS, LINES }

    /**
     * One legend entry, named by its text or, for series that are conditions ({@code isolation=SERIALIZABLE,
     * threads=2}), by those, so a legend can keep only what differs between series. For BARS {@code x} are
     * categories; for LINES the swept values. {@code low}/{@code high} bound each value's interval (equal to the
     * value where it is exact; NaN where unknown).
     */
    public record Series(String name, Conditions conditions, List<String> x, List<Double> y, List<Double> low,
                         List<Double> high) {
        public Series {
            if (x.size() != y.size() || y.size() != low.size() || low.size() != high.size()) {
                throw new IllegalArgumentException("series " + name + ": x, y, low and high differ in length");
            }
            x = List.copyOf(x);
            y = List.copyOf(y);
            low = List.copyOf(low);
            high = List.copyOf(high);
        }
    }

    public ChartSpec {
        series = List.copyOf(series);
    }
}
