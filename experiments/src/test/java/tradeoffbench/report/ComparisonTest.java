package tradeoffbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradeoffbench.atomicity.Atomicity;
import tradeoffbench.claims.Evidence;
import tradeoffbench.claims.FixtureRun;
import tradeoffbench.cli.Main;
import tradeoffbench.family.BenchmarkName;
import tradeoffbench.family.Metric;
import tradeoffbench.lookup.Lookup;
import tradeoffbench.sharding.Sharding;

/** Two golden runs side by side: the ratio's interval comes from both runs' forks and iterations. */
class ComparisonTest {

    @TempDir
    Path dir;

    @Test
    void aRealDifferenceDiffersAndTheSameCodeAgainDoesNot() {
        List<Comparison.Line> lines = Comparison.lines(run("a", 1, 20_000), run("b", 100, 30_000));

        Comparison.Line faster = line(lines, Lookup.POSTGRES_PRIMARY_KEY, Metric.THROUGHPUT);
        assertThat(faster.ratio().value()).isCloseTo(1.5, within(0.1));
        assertThat(faster.ratio().low()).isGreaterThan(1.0);
        assertThat(faster.differs()).isTrue();

        Comparison.Line same = line(lines, Lookup.POSTGRES_PRIMARY_KEY, Metric.LATENCY);
        assertThat(same.ratio().low()).isLessThan(1.0);
        assertThat(same.ratio().high()).isGreaterThan(1.0);
        assertThat(same.differs()).isFalse();

        assertThat(lines).filteredOn(l -> l.b() == null).singleElement()
                .satisfies(l -> assertThat(l.key().benchmark()).isEqualTo(Lookup.MONGO_FIND_BY_ID));
        assertThat(lines).filteredOn(l -> l.a() == null).singleElement()
                .satisfies(l -> assertThat(l.key().benchmark()).isEqualTo(Sharding.ROUTED_LOOKUP));
    }

    @Test
    void comparingARunWithItselfSaysSo() {
        RunFolder a = run("a", 1, 20_000);
        assertThat(Comparison.warnings(a, a)).anyMatch(w -> w.startsWith("A and B are the same run (a)"));
        assertThat(Comparison.warnings(a, run("b", 100, 20_000))).isEmpty();
    }

    @Test
    void runsMeasuredUnderDifferentConditionsAreWarnedAboutByWhatDiffers() {
        RunFolder a = run("a", 1, 20_000);
        FixtureRun other = FixtureRun.in(dir, "c").seed(7);
        other.trial(Lookup.POSTGRES_PRIMARY_KEY, 1, Evidence.THRPT, "users=10000").target("postgresql", "container")
                .metric(Metric.THROUGHPUT, 20_000, 0.1);
        assertThat(Comparison.warnings(a, other.folder())).contains("the runs differ in targets (engine, mode, "
                + "version): only A has postgresql embedded 17.7; only B has postgresql container 17.7");
    }

    @Test
    void aFolderWithoutRepetitionsIsComparedWithoutJudging() {
        RunFolder old = RunFolder.open(RunFixtures.copy("schema-one", dir));
        assertThat(Comparison.warnings(old, run("b", 1, 20_000)))
                .anyMatch(w -> w.contains("without iterations.csv"));
        assertThat(Comparison.lines(old, old)).allSatisfy(l -> assertThat(l.differs()).isFalse());
    }

    @Test
    void compareWritesAMarkdownTable() throws IOException {
        run("a", 1, 20_000);
        run("b", 100, 30_000);
        Path out = dir.resolve("compare.md");
        int exit = Main.execute("compare", dir.resolve("a").toString(), dir.resolve("b").toString(), "-o",
                out.toString());
        assertThat(exit).isZero();
        String md = Files.readString(out);
        assertThat(md).startsWith("# b (B) vs a (A)")
                .contains("| benchmark | conditions | mode | metric | unit | A | B | B/A | differs |")
                .contains("| PointLookupBenchmark.postgresPrimaryKey | users=10000, threads=1 | thrpt | throughput "
                        + "| ops/s | ")
                .contains("(not in B)").contains("(not in A)")
                .contains("4 row(s) in both runs, 4 with an interval, of which 1 differ (25.0%); 1 only in A, 1 only in B "
                        + "(listed last).");
        assertThat(md.indexOf("(not in B)")).isGreaterThan(md.indexOf("| **yes** |"));
    }

    private RunFolder run(String name, long seed, double throughput) {
        FixtureRun run = FixtureRun.in(dir, name).seed(seed);
        run.trial(Lookup.POSTGRES_PRIMARY_KEY, 1, Evidence.THRPT, "users=10000").metric(Metric.THROUGHPUT, throughput,
                0.1);
        run.trial(Lookup.POSTGRES_PRIMARY_KEY, 1, Evidence.SAMPLE, "users=10000").latency(60, 0.1, 55, 150);
        run.trial(Atomicity.ONE_STATEMENT, 2, Evidence.THRPT, "accounts=1000").metric(Metric.THROUGHPUT, 900, 0.1)
                .constant(Atomicity.COMMITS, 5400);
        if (name.equals("a")) {
            run.trial(Lookup.MONGO_FIND_BY_ID, 1, Evidence.SAMPLE, "users=10000").latency(40, 0.1, 35, 90);
        } else {
            run.trial(Sharding.ROUTED_LOOKUP, 1, Evidence.SAMPLE, "shards=4", "users=10000").latency(70, 0.1, 65, 160);
        }
        return run.folder();
    }

    private static Comparison.Line line(List<Comparison.Line> lines, BenchmarkName b, Metric metric) {
        return lines.stream().filter(l -> l.key().benchmark().equals(b) && l.key().metric().equals(metric))
                .findFirst().orElseThrow();
    }
}
