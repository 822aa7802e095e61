package tradeoffbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradeoffbench.claims.Evidence;
import tradeoffbench.claims.FixtureRun;
import tradeoffbench.cli.Main;
import tradeoffbench.lookup.Lookup;

/** {@code report} on golden folders: what verdicts.md says, which charts it draws, and bad folders. */
class ReportCommandTest {
    @TempDir
    Path dir;

    @Test
    void reportWritesVerdictsAndTheirChartsAsNonEmptyPngAndSvg() throws IOException {
        Path run = lookups("lookups", 40, "container");

        assertThat(Main.execute("report", run.toString())).isZero();

        String md = Files.readString(run.resolve("verdicts.md"));
        assertThat(md).startsWith("# Verdicts — run lookups")
                .contains("| [lookup-latency](#lookup-latency) | **SUPPORTED** |")
                .contains("| [nines](#nines) | **SUPPORTED (checked arithmetic)** |")
                .contains("> 99.99% = 53 minutes down time per year")
                .contains("Intervals are 95%, from forks and iterations")
                .contains("Caveats: postgresql container 17.7 (fsync=on, synchronous_commit=on)")
                .contains("2 cores, 23.5 GiB")
                .doesNotContain("could not be drawn");
        for (String chart : List.of("lookup-latency", "nines")) {
            assertThat(md).contains("(charts/" + chart + ".png)");
            byte[] png = Files.readAllBytes(run.resolve("charts/" + chart + ".png"));
            assertThat(png.length).as(chart).isGreaterThan(1000);
            assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).as(chart).isEqualTo("PNG");
            assertThat(Files.readString(run.resolve("charts/" + chart + ".svg"))).as(chart).contains("<svg");
        }
    }

    @Test
    void reportingTheSameFolderTwiceWritesTheSameVerdicts() throws IOException {
        Path run = lookups("twice", 60, "container");
        assertThat(Main.execute("report", run.toString())).isZero();
        String first = Files.readString(run.resolve("verdicts.md"));
        // Equal latencies: MongoDB is not 10% lower, so the claim is refuted here, and says so the same way twice.
        assertThat(first).contains("| [lookup-latency](#lookup-latency) | **REFUTED** |");
        assertThat(Main.execute("report", run.toString())).isZero();
        assertThat(Files.readString(run.resolve("verdicts.md"))).isEqualTo(first);
    }

    @Test
    void claimsRecordedByTheRunAreTheOnesJudgedUnlessToldOtherwise() throws IOException {
        Path run = lookups("recorded", 40, "container");
        Files.writeString(run.resolve("claims.txt"), "lookup-latency\nnines\n");
        assertThat(Main.execute("report", run.toString())).isZero();
        String md = Files.readString(run.resolve("verdicts.md"));
        assertThat(md).contains("## lookup-latency").contains("## nines").doesNotContain("## atomicity");

        assertThat(Main.execute("report", run.toString(), "--claims", "shard-routing")).isZero();
        assertThat(Files.readString(run.resolve("verdicts.md"))).contains("## shard-routing")
                .contains("| [shard-routing](#shard-routing) | **INCONCLUSIVE** |").doesNotContain("## nines");
    }

    @Test
    void aTrialThatStillTrendsIsNamedInTheCaveats() throws IOException {
        FixtureRun run = FixtureRun.in(dir, "trending");
        double[][] falling = new double[FixtureRun.FORKS][FixtureRun.ITERATIONS];
        for (double[] fork : falling) {
            for (int i = 0; i < fork.length; i++) {
                fork[i] = 90 - 6 * i + (i % 2);
            }
        }
        run.trial(Lookup.POSTGRES_PRIMARY_KEY, 1, Evidence.SAMPLE, "users=10000").target("postgresql", "container")
                .values(tradeoffbench.family.Metric.LATENCY, falling);
        run.trial(Lookup.MONGO_FIND_BY_ID, 1, Evidence.SAMPLE, "users=10000").target("mongodb", "container")
                .latency(40, 0.05, 40, 120);
        Path folder = run.folder().path();
        assertThat(Main.execute("report", folder.toString(), "--claims", "lookup-latency")).isZero();
        assertThat(Files.readString(folder.resolve("verdicts.md"))).contains("not steady: "
                + "PointLookupBenchmark.postgresPrimaryKey (users=10000, threads=1, sample) latency still trended (-");
    }

    @Test
    void aFolderFromBeforeRepetitionsOpensWithANoteAndDecidesNothingMeasured() throws IOException {
        Path old = RunFixtures.copy("schema-one", dir);
        Files.writeString(old.resolve("claims.txt"), "lookup-latency\nnines\n");
        assertThat(Main.execute("report", old.toString())).isZero();
        assertThat(Files.readString(old.resolve("verdicts.md")))
                .contains("Note: this folder has no iterations.csv (schema 1")
                .contains("| [lookup-latency](#lookup-latency) | **INCONCLUSIVE** |")
                .contains("| [nines](#nines) | **SUPPORTED (checked arithmetic)** |");
    }

    @Test
    void aMissingIncompleteOrOlderFolderIsOneLineAndExitTwo() throws IOException {
        Path missing = dir.resolve("nope");
        assertThat(errorOf("report", missing.toString())).isEqualTo("error: run folder " + missing + " does not exist");

        Path noManifest = lookups("a", 40, "container");
        Files.delete(noManifest.resolve("run.json"));
        assertThat(errorOf("report", noManifest.toString())).contains("is incomplete: no run.json");

        Path noRows = lookups("b", 40, "container");
        Files.delete(noRows.resolve("results.csv"));
        assertThat(errorOf("report", noRows.toString())).contains("is incomplete: no results.csv");

        Path older = RunFixtures.copy("older-schema", dir);
        assertThat(errorOf("report", older.toString())).contains("has schema 0; this tradeoff-bench reads schemas 1 to 2");

        Path noSchema = lookups("c", 40, "container");
        Files.writeString(noSchema.resolve("run.json"), "{\"run_id\": \"x\"}");
        assertThat(errorOf("report", noSchema.toString())).contains("has no schema number");

        Path badJson = lookups("d", 40, "container");
        Files.writeString(badJson.resolve("run.json"), "{ not json");
        assertThat(errorOf("report", badJson.toString())).contains("run.json is not valid JSON");

        Path badCsv = lookups("e", 40, "container");
        Files.writeString(badCsv.resolve("results.csv"), "benchmark,score\nx,1\n");
        assertThat(errorOf("report", badCsv.toString())).contains("is not a tradeoff-bench results.csv (missing columns");

        Path badIterations = lookups("f", 40, "container");
        Files.writeString(badIterations.resolve("iterations.csv"), "run_id\nx\n");
        assertThat(errorOf("report", badIterations.toString())).contains("iterations.csv");

        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        assertThat(errorOf("compare", file.toString(), older.toString())).contains("is not a run folder");
    }

    /** PostgreSQL at 60 µs (p99 200), MongoDB at {@code mongoP50} (p99 three times that), both reached alike. */
    private Path lookups(String name, double mongoP50, String mode) {
        FixtureRun run = FixtureRun.in(dir, name);
        run.trial(Lookup.POSTGRES_PRIMARY_KEY, 1, Evidence.SAMPLE, "users=10000").target("postgresql", mode)
                .latency(60, 0.05, 60, 200);
        run.trial(Lookup.MONGO_FIND_BY_ID, 1, Evidence.SAMPLE, "users=10000").target("mongodb", mode)
                .latency(mongoP50, 0.05, mongoP50, 3.3 * mongoP50);
        return run.folder().path();
    }

    /** Runs the command, expects exit 2 and exactly one line on stderr, and returns it. */
    static String errorOf(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Main.execute(args);
        } finally {
            System.setErr(saved);
        }
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(text).isEqualTo(2);
        assertThat(text.strip().lines()).as(text).hasSize(1);
        return text.strip();
    }
}
