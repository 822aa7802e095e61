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
    void barsWithAMissingValueLinesAndALogAxisAreDrawnAsPngAndSvg() throws IOException {
        var bars = new ChartSpec("bars", ChartSpec.Kind.BARS, "Bars", "variant", "ops/s", List.of(
                new ChartSpec.Series("one", List.of("a", "b"), List.of(10.0, 20.0), List.of(1.0, 2.0)),
                new ChartSpec.Series("two", List.of("b"), List.of(15.0), List.of(1.5))), false);
        var lines = new ChartSpec("lines", ChartSpec.Kind.LINES, "Lines", "shards", "ops/s", List.of(
                new ChartSpec.Series("one", List.of("1", "2", "4"), List.of(3.0, 2.0, 1.0), List.of(0.1, 0.1, 0.1)),
                new ChartSpec.Series("gap", List.of("1", "4"), List.of(2.0, 2.5), List.of(0.2, 0.2))), false);
        var log = new ChartSpec("log", ChartSpec.Kind.BARS, "Log", "a", "minutes", List.of(
                new ChartSpec.Series("one", List.of("a", "b"), List.of(5000.0, 5.0), List.of(0.0, 0.0))), true);
        for (ChartSpec spec : List.of(bars, lines, log)) {
            Path png = Charts.write(spec, dir);
            assertThat(png).isEqualTo(dir.resolve(spec.name() + ".png"));
            assertThat(Files.size(png)).as(spec.name()).isGreaterThan(1000);
            // VectorGraphics2D draws text as outlines, so the SVG looks the same everywhere (and holds no text to search).
            assertThat(Files.readString(dir.resolve(spec.name() + ".svg"))).contains("<svg").contains("<path");
        }
    }
}
