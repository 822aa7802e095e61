package tradeoffbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradeoffbench.claims.ChartSpec;

class ChartsTest {

    @TempDir
    Path dir;

    @Test
    void barsWithAMissingValueLinesAndALogAxisWithAZeroAreDrawnAsPngAndSvg() throws IOException {
        var bars = new ChartSpec("bars", ChartSpec.Kind.BARS, "Bars", "variant", "ops/s", List.of(
                series("one", List.of("a", "b"), List.of(10.0, 20.0), List.of(9.0, 18.0), List.of(12.0, 21.0)),
                series("two", List.of("b"), List.of(15.0), List.of(14.0), List.of(16.0))), false);
        var lines = new ChartSpec("lines", ChartSpec.Kind.LINES, "Lines", "shards", "ops/s", List.of(
                series("one", List.of("1", "2", "4"), List.of(3.0, 2.0, 1.0), List.of(2.9, 1.9, 0.9),
                        List.of(3.1, 2.1, 1.1)),
                series("gap", List.of("1", "4"), List.of(2.0, 2.5), List.of(1.8, 2.3), List.of(2.2, 2.7))), false);
        var log = new ChartSpec("log", ChartSpec.Kind.BARS, "Log", "a", "minutes", List.of(
                series("one", List.of("a", "b", "c"), List.of(5000.0, 5.0, 0.0), List.of(100.0, 0.0, 0.0),
                        List.of(9000.0, 6.0, 0.0))), true);
        for (ChartSpec spec : List.of(bars, lines, log)) {
            Path png = Charts.write(spec, dir);
            assertThat(png).isEqualTo(dir.resolve(spec.name() + ".png"));
            assertThat(Files.size(png)).as(spec.name()).isGreaterThan(1000);
            // VectorGraphics2D draws text as outlines, so the SVG looks the same everywhere (and holds no text to search).
            assertThat(Files.readString(dir.resolve(spec.name() + ".svg"))).contains("<svg").contains("<path");
        }
    }

    @Test
    void aLegendTooWideForOneRowGoesBesideThePlotOneEntryALine() {
        assertThat(Charts.legendFitsBelow(java.util.List.of("plain hashing", "dedicated celebrity shard"))).isTrue();
        assertThat(Charts.legendFitsBelow(java.util.List.of("routed by userId", "scatter-gather (by handle)",
                "postgres_fdw, routed", "postgres_fdw, scatter-gather (async)", "one unsharded server"))).isFalse();
    }

    @Test
    void whiskersReachTheWiderSideButNeverBelowZeroOrThroughALogAxis() {
        ChartSpec.Series s = series("s", List.of("a", "b"), List.of(10.0, 2.0), List.of(9.0, 0.0), List.of(14.0, 3.0));
        ChartSpec linear = new ChartSpec("x", ChartSpec.Kind.BARS, "t", "x", "y", List.of(s), false);
        ChartSpec log = new ChartSpec("x", ChartSpec.Kind.BARS, "t", "x", "y", List.of(s), true);
        assertThat(Charts.whisker(linear, s, 0)).isEqualTo(4.0);
        assertThat(Charts.whisker(linear, s, 1)).isEqualTo(2.0);
        assertThat(Charts.whisker(log, s, 1)).isLessThan(2.0).isPositive();
        assertThat(Charts.drawable(log, 0.0)).isNull();
        assertThat(Charts.drawable(linear, 0.0)).isEqualTo(0.0);
        assertThat(Charts.drawable(linear, Double.NaN)).isNull();
    }

    private static ChartSpec.Series series(String name, List<String> x, List<Double> y, List<Double> low,
                                           List<Double> high) {
        return new ChartSpec.Series(name, null, x, y, low, high);
    }
}
