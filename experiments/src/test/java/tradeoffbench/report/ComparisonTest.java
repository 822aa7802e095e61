package tradeoffbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradeoffbench.cli.Main;

class ComparisonTest {

    @TempDir
    Path dir;

    @Test
    void eachRowGetsBothScoresTheRatioAndASignificanceFlag() {
        List<Comparison.Line> lines = Comparison.lines(RunFolder.open(RunFixtures.copy("compare-a", dir)),
                RunFolder.open(RunFixtures.copy("compare-b", dir)));

        Comparison.Line clear = line(lines, "postgresPrimaryKey", "1", "thrpt");
        assertThat(clear.ratio()).isCloseTo(1.5, within(1e-9));
        assertThat(clear.significance().significant()).isTrue();
        assertThat(clear.significance().how()).startsWith("Welch p=");

        Comparison.Line noisy = line(lines, "postgresPrimaryKey", "2", "thrpt");
        assertThat(noisy.ratio()).isCloseTo(36000.0 / 35000, within(1e-9));
        assertThat(noisy.significance().significant()).isFalse();

        // 50 vs 50.5 us with ±1 (99.9%) over 100,000 samples each: t ≈ 1.16, not significant at 0.05.
        Comparison.Line latency = line(lines, "postgresPrimaryKey", "1", "sample");
        assertThat(latency.significance().significant()).isFalse();
        assertThat(Comparison.welchP(latency.a(), latency.b())).isBetween(0.2, 0.3);

        Comparison.Line zeros = line(lines, "singleStatement", "2", "thrpt");
        assertThat(zeros.significance().significant()).isFalse();
        assertThat(zeros.significance().how()).isEqualTo("intervals overlap");

        // No sample count: the error intervals decide (100 ± 10 vs 200 ± 10 are apart).
        Comparison.Line noSamples = lines.stream().filter(l -> l.a() != null && l.b() != null
                && l.key().startsWith("TweetWriteBenchmark")).findFirst().orElseThrow();
        assertThat(noSamples.ratio()).isCloseTo(2.0, within(1e-9));
        assertThat(noSamples.significance().significant()).isTrue();
        assertThat(noSamples.significance().how()).isEqualTo("intervals apart");

        assertThat(lines).filteredOn(l -> l.b() == null).singleElement()
                .satisfies(l -> assertThat(l.key()).startsWith("PointLookupBenchmark.mongoFindById"));
        assertThat(lines).filteredOn(l -> l.a() == null).singleElement()
                .satisfies(l -> assertThat(l.key()).contains("shards=4"));
    }

    @Test
    void compareWritesAMarkdownTable() throws IOException {
        Path out = dir.resolve("compare.md");
        int exit = Main.execute("compare", RunFixtures.copy("compare-a", dir).toString(),
                RunFixtures.copy("compare-b", dir).toString(), "-o", out.toString());
        assertThat(exit).isZero();
        String md = Files.readString(out);
        assertThat(md).contains("| benchmark | params | threads | mode | metric | unit | A | B | B/A | significant |")
                .contains("| PointLookupBenchmark.postgresPrimaryKey (postgresql) | users=10000 | 1 | thrpt | "
                        + "throughput | ops/s | 20,000 ± 1,000 | 30,000 ± 1,000 | 1.50× | **yes** (Welch p=")
                .contains("(not in B)").contains("(not in A)")
                .contains("5 row(s) in both runs, 2 significantly different; 1 only in A, 1 only in B (listed last).");
        assertThat(md.indexOf("(not in B)")).isGreaterThan(md.indexOf("| 1.50× |"));
    }

    private static Comparison.Line line(List<Comparison.Line> lines, String method, String threads, String mode) {
        return lines.stream().filter(l -> l.key().contains("." + method + "|") && l.key().contains("|" + threads + "|"
                + mode + "|")).findFirst().orElseThrow();
    }
}
