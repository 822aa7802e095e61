package tradeoffbench.claims;

import java.util.List;

/**
 * A chart as data, drawn by {@code tradeoffbench.report.Charts}: bars with error bars for comparisons, lines for a
 * swept {@code @Param}. Titles carry the question, axis titles carry the unit, so the picture stands alone on a slide.
 *
 * @param name file name stem, e.g. {@code lookup-latency} (becomes {@code charts/lookup-latency.png} and {@code .svg})
 * @param logY a logarithmic value axis (for values spanning orders of magnitude)
 */
public record ChartSpec(String name, Kind kind, String title, String xTitle, String yTitle, List<Series> series,
                        boolean logY) {

    public enum Kind { BARS, LINES }

    /**
     * One legend entry. For BARS {@code x} are category names; for LINES they are numbers (the swept values).
     * {@code error} holds the half-width of each error bar (0 where a value is exact or unknown).
     */
    public record Series(String name, List<String> x, List<Double> y, List<Double> error) {
        public Series {
            if (x.size() != y.size() || y.size() != error.size()) {
                throw new IllegalArgumentException("series " + name + ": x, y and error differ in length");
            }
            x = List.copyOf(x);
            y = List.copyOf(y);
            error = List.copyOf(error);
        }
    }

    public ChartSpec {
        series = List.copyOf(series);
    }
}
