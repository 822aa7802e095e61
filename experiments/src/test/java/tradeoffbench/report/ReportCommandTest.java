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
import tradeoffbench.cli.Main;

/** {@code report <run-dir>} on saved folders: verdicts and charts from the folder alone; bad folders are exit 2. */
class ReportCommandTest {

    @TempDir
    Path dir;

    @Test
    void reportWritesVerdictsAndEveryChartAsNonEmptyPngAndSvg() throws IOException {
        Path run = RunFixtures.copy("supported", dir);

        assertThat(Main.execute("report", run.toString())).isZero();

        String md = Files.readString(run.resolve("verdicts.md"));
        assertThat(md).startsWith("# Verdicts — run supported")
                .contains("| [atomicity](#atomicity) | **SUPPORTED** |")
                .contains("> relational database naturally enforce atomicity, good for strong consistency.")
                .contains("> 99.99% = 53 minutes down time per year")
                .contains("| 99.99% | 52.56 minutes | 4.38 minutes | 1.01 minutes |")
                .contains("Caveats: postgresql embedded 17.7 (fsync=on, synchronous_commit=on)")
                .contains("2 cores, 23.5 GiB")
                .doesNotContain("could not be drawn");
        List<String> charts = List.of("atomicity", "lookup-latency", "shard-routing", "cross-shard-joins",
                "denormalization-reads", "denormalization-writes", "celebrity-shard", "twitter-shards",
                "serializable-cost", "serializable-aborts", "nines");
        for (String chart : charts) {
            assertThat(md).contains("(charts/" + chart + ".png)");
            byte[] png = Files.readAllBytes(run.resolve("charts/" + chart + ".png"));
            assertThat(png.length).as(chart).isGreaterThan(1000);
            assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).as(chart).isEqualTo("PNG");
            assertThat(Files.readString(run.resolve("charts/" + chart + ".svg"))).as(chart).contains("<svg");
        }
    }

    @Test
    void reportingTheSameFolderTwiceWritesTheSameVerdicts() throws IOException {
        Path run = RunFixtures.copy("overlap", dir);
        assertThat(Main.execute("report", run.toString())).isZero();
        String first = Files.readString(run.resolve("verdicts.md"));
        assertThat(Main.execute("report", run.toString())).isZero();
        assertThat(Files.readString(run.resolve("verdicts.md"))).isEqualTo(first);
    }

    @Test
    void claimsRecordedByTheRunAreTheOnesJudgedUnlessToldOtherwise() throws IOException {
        Path run = RunFixtures.copy("missing-mongo", dir);
        Files.writeString(run.resolve("claims.txt"), "lookup-latency\nnines\n");
        assertThat(Main.execute("report", run.toString())).isZero();
        String md = Files.readString(run.resolve("verdicts.md"));
        assertThat(md).contains("## lookup-latency").contains("## nines").doesNotContain("## atomicity")
                .contains("| [lookup-latency](#lookup-latency) | **INCONCLUSIVE** | no rows for "
                        + "PointLookupBenchmark.mongoFindById (skipped: mongodb: not available");

        assertThat(Main.execute("report", run.toString(), "--claims", "shard-routing")).isZero();
        assertThat(Files.readString(run.resolve("verdicts.md"))).contains("## shard-routing").doesNotContain("## nines");
    }

    @Test
    void aMissingIncompleteOrOlderFolderIsOneLineAndExitTwo() throws IOException {
        Path missing = dir.resolve("nope");
        assertThat(errorOf("report", missing.toString())).isEqualTo("error: run folder " + missing + " does not exist");

        Path noManifest = RunFixtures.copy("supported", dir.resolve("a"));
        Files.delete(noManifest.resolve("run.json"));
        assertThat(errorOf("report", noManifest.toString())).contains("is incomplete: no run.json");

        Path noRows = RunFixtures.copy("supported", dir.resolve("b"));
        Files.delete(noRows.resolve("results.csv"));
        assertThat(errorOf("report", noRows.toString())).contains("is incomplete: no results.csv");

        Path older = RunFixtures.copy("older-schema", dir);
        assertThat(errorOf("report", older.toString())).contains("has schema 0; this tradeoff-bench reads schema 1");

        Path noSchema = RunFixtures.copy("supported", dir.resolve("c"));
        Files.writeString(noSchema.resolve("run.json"), "{\"run_id\": \"x\"}");
        assertThat(errorOf("report", noSchema.toString())).contains("has no schema number");

        Path badJson = RunFixtures.copy("supported", dir.resolve("d"));
        Files.writeString(badJson.resolve("run.json"), "{ not json");
        assertThat(errorOf("report", badJson.toString())).contains("run.json is not valid JSON");

        Path badCsv = RunFixtures.copy("supported", dir.resolve("e"));
        Files.writeString(badCsv.resolve("results.csv"), "benchmark,score\nx,1\n");
        assertThat(errorOf("report", badCsv.toString())).contains("is not a tradeoff-bench results file (missing columns");

        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        assertThat(errorOf("compare", file.toString(), older.toString())).contains("is not a run folder");
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
