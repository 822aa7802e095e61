package tradeoffbench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import tradeoffbench.claims.ChartSpec;
import tradeoffbench.results.AtomicFiles;

/**
 * Draws a {@link ChartSpec} with XChart as PNG and SVG, sized and lettered for a slide (1280×720, large type), headless.
 */
public final class Charts {
    public static final int WIDTH = 1280;
    public static final int HEIGHT = 720;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 30);
    private static final Font AXIS_TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 24);
    private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 20);
    private static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 20);

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /** Writes {@code <dir>/<name>.png} and {@code <dir>/<name>.svg}; returns the PNG's path. */
    public static Path write(ChartSpec spec, Path dir) throws IOException {
        Files.createDirectories(dir);
        Chart<?, ?> chart = build(spec);
        Path png = dir.resolve(spec.name() + ".png");
        AtomicFiles.write(png, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
        Path svg = dir.resolve(spec.name() + ".svg");
        AtomicFiles.write(svg, (OutputStream out) ->
                VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
        return png;
    }

    static Chart<?, ?> build(ChartSpec spec) {
        Chart<?, ?> chart = switch (spec.kind()) {
            case BARS -> bars(spec);
            case LINES -> lines(spec);
        };
        return chart;
    }

    /**
     * XChart draws symmetric error bars only: each whisker reaches the interval's wider side (never beyond zero for a
     * quantity whose interval does not), so a bar never looks surer than its interval is.
     */
    static double whisker(ChartSpec spec, ChartSpec.Series s, int i) {
        double v = s.y().get(i);
        double low = s.low().get(i);
        double high = s.high().get(i);
        if (Double.isNaN(v) || Double.isNaN(low) || Double.isNaN(high)) {
            return 0;
        }
        double half = Math.max(v - low, high - v);
        if (spec.logY()) {
            // A logarithmic axis has no zero: the whisker stops short of it (the table holds the exact interval).
            return Math.min(half, 0.9 * v);
        }
        return low >= 0 ? Math.min(half, v) : half;
    }

    /** The value as drawn: null where there is none, or where a logarithmic axis cannot show it (zero, negative). */
    static Double drawable(ChartSpec spec, Double v) {
        if (v == null || v.isNaN() || v.isInfinite() || (spec.logY() && v <= 0)) {
            return null;
        }
        return v;
    }

    private static CategoryChart bars(ChartSpec spec) {
        LegendNames legend = LegendNames.of(spec.series());
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(spec.title())
                .xAxisTitle(legend.axisTitle(spec.xTitle())).yAxisTitle(spec.yTitle()).build();
        style(chart.getStyler());
        fit(chart, spec, legend);
        logAxis(chart.getStyler(), spec);
        chart.getStyler().setErrorBarsColor(Color.DARK_GRAY);
        chart.getStyler().setAvailableSpaceFill(0.8);
        chart.getStyler().setOverlapped(false);
        // XChart needs every series over the same categories: a missing value is drawn as no bar.
        List<String> categories = xValues(spec);
        for (int k = 0; k < spec.series().size(); k++) {
            ChartSpec.Series s = spec.series().get(k);
            String name = legend.names().get(k);
            List<Double> y = new ArrayList<>();
            List<Double> e = new ArrayList<>();
            for (String c : categories) {
                int i = s.x().indexOf(c);
                Double v = i < 0 ? null : drawable(spec, s.y().get(i));
                // XChart's error bars cannot skip a value: a missing one is a bar of height 0 (log axes: a gap).
                y.add(v == null ? (spec.logY() ? null : 0.0) : v);
                e.add(v == null ? 0.0 : whisker(spec, s, i));
            }
            // XChart cannot draw an error bar beside a gap: a series with one draws without whiskers.
            if (y.contains(null) || e.stream().allMatch(v -> v == 0)) {
                chart.addSeries(name, categories, y);
            } else {
                chart.addSeries(name, categories, y, e);
            }
        }
        return chart;
    }

    /**
     * A sweep as lines over equally spaced swept values (1, 2, 4 shards read as doublings), drawn as a category
     * chart so the axis shows exactly the swept values. A series missing a value gets a gap and no error bars.
     */
    private static CategoryChart lines(ChartSpec spec) {
        LegendNames legend = LegendNames.of(spec.series());
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(spec.title())
                .xAxisTitle(legend.axisTitle(spec.xTitle())).yAxisTitle(spec.yTitle()).build();
        style(chart.getStyler());
        fit(chart, spec, legend);
        logAxis(chart.getStyler(), spec);
        chart.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setMarkerSize(12);
        chart.getStyler().setErrorBarsColor(Color.DARK_GRAY);
        List<String> swept = xValues(spec);
        swept.sort(tradeoffbench.claims.ChartData::compareValues);
        for (int k = 0; k < spec.series().size(); k++) {
            ChartSpec.Series s = spec.series().get(k);
            String name = legend.names().get(k);
            List<Double> y = new ArrayList<>();
            List<Double> e = new ArrayList<>();
            for (String x : swept) {
                int i = s.x().indexOf(x);
                Double v = i < 0 ? null : drawable(spec, s.y().get(i));
                y.add(v);
                e.add(v == null ? 0.0 : whisker(spec, s, i));
            }
            CategorySeries series = y.contains(null) || e.stream().allMatch(v -> v == 0)
                    ? chart.addSeries(name, swept, y) : chart.addSeries(name, swept, y, e);
            series.setLineStyle(new BasicStroke(3f));
        }
        return chart;
    }

    /**
     * Nothing clipped, nothing overlapping: a title or axis title too long for the width gets a smaller font, and
     * category labels that would run into each other are turned by 30°.
     */
    static void fit(CategoryChart chart, ChartSpec spec, LegendNames legend) {
        var styler = chart.getStyler();
        double plotWidth = WIDTH;
        if (!legendFitsBelow(legend.names())) {
            // One row of entries wider than the chart would be cut at both ends: one entry a line, on the right,
            // and the title (centred over the plot) fits what is left.
            styler.setLegendPosition(Styler.LegendPosition.OutsideE);
            styler.setLegendLayout(Styler.LegendLayout.Vertical);
            plotWidth -= legend.names().stream().mapToDouble(n -> entryWidth(n)).max().orElse(0);
        }
        // Bold glyphs are wider: the title is measured at 0.62 em a glyph, the rest at 0.55.
        styler.setChartTitleFont(TITLE.deriveFont(fitting(spec.title(), TITLE.getSize2D() * 0.62f / 0.55f,
                plotWidth - 60) * 0.55f / 0.62f));
        styler.setAxisTitleFont(AXIS_TITLE.deriveFont(Math.min(fitting(legend.axisTitle(spec.xTitle()),
                AXIS_TITLE.getSize2D(), plotWidth - 100), fitting(spec.yTitle(), AXIS_TITLE.getSize2D(), HEIGHT - 80))));
        List<String> categories = xValues(spec);
        int longest = categories.stream().mapToInt(String::length).max().orElse(0);
        double slot = (WIDTH - 120.0) / Math.max(1, categories.size());
        double needed = longest * TICKS.getSize2D() * 0.55;
        if (needed > slot) {
            // Turned, never upright: labels that long belong shorter in the claim, not sideways in the plot.
            styler.setXAxisLabelRotation(30);
        }
    }

    /** Whether the legend's entries fit side by side under the plot (about 0.55 em a glyph, 60 px of marker and gap each). */
    static boolean legendFitsBelow(List<String> names) {
        return names.stream().mapToDouble(Charts::entryWidth).sum() <= WIDTH - 40;
    }

    private static double entryWidth(String name) {
        return name.length() * LEGEND.getSize2D() * 0.55 + 60;
    }

    /** Every x value of every series, in the order they first appear. */
    static List<String> xValues(ChartSpec spec) {
        List<String> values = new ArrayList<>();
        spec.series().forEach(s -> s.x().forEach(x -> {
            if (!values.contains(x)) {
                values.add(x);
            }
        }));
        return values;
    }

    /** The largest size, up to {@code size}, at which {@code text} fits in {@code pixels} (about 0.55 em a glyph). */
    static float fitting(String text, float size, double pixels) {
        double width = text.length() * size * 0.55;
        return width <= pixels ? size : (float) Math.max(12, size * pixels / width);
    }

    /** A linear value axis starts at 0 (no exaggerated gaps); a log one a decade below the smallest value. */
    private static void logAxis(org.knowm.xchart.style.AxesChartStyler styler, ChartSpec spec) {
        if (!spec.logY()) {
            styler.setYAxisMin(0.0);
            return;
        }
        double smallest = spec.series().stream().flatMap(s -> s.y().stream()).filter(v -> v != null && v > 0)
                .mapToDouble(Double::doubleValue).min().orElse(1);
        styler.setYAxisLogarithmic(true);
        styler.setYAxisMin(Math.pow(10, Math.floor(Math.log10(smallest))));
    }

    private static void style(Styler styler) {
        styler.setChartTitleFont(TITLE);
        styler.setLegendFont(LEGEND);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setChartTitleBoxVisible(false);
        styler.setPlotBorderVisible(false);
        if (styler instanceof org.knowm.xchart.style.AxesChartStyler axes) {
            axes.setAxisTitleFont(AXIS_TITLE);
            axes.setAxisTickLabelsFont(TICKS);
            axes.setYAxisDecimalPattern("#,##0.##");
            axes.setPlotGridLinesColor(new Color(220, 220, 220));
        }
    }
}
