package tradeoffbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradeoffbench.lookup.Lookup;
import tradeoffbench.results.ResultsCsv;
import tradeoffbench.results.TidyRow;
import tradeoffbench.testing.TestTargets;

/** {@code run <claim...>} end to end: only the claims' benchmarks run, then verdicts.md and charts are written. */
class ClaimRunTest {

    @TempDir
    Path results;

    @Test
    void runningClaimsMeasuresOnlyWhatTheyNeedAndWritesVerdictsThatReportReproduces() throws IOException {
        int exit = Main.execute("run", "lookup-latency", "nines", "--pg-mode", "embedded",
                "--mongo-url", TestTargets.mongoFakeUrl(), "--mongo-url-is-fake",
                "-p", "users=2000", "-f", "2", "-wi", "0", "-i", "2", "-r", "200ms",
                "--results-dir", results.toString());

        assertThat(exit).isZero();
        Path folder = onlyRunFolder();
        List<TidyRow> rows = ResultsCsv.read(folder);
        assertThat(rows).extracting(TidyRow::benchmark).containsOnly(Lookup.POSTGRES_PRIMARY_KEY,
                Lookup.MONGO_FIND_BY_ID);
        assertThat(rows).extracting(TidyRow::threads).containsOnly(1);
        assertThat(Files.readAllLines(folder.resolve("claims.txt"))).containsExactly("lookup-latency", "nines");

        String verdicts = Files.readString(folder.resolve("verdicts.md"));
        assertThat(verdicts).contains("| [lookup-latency](#lookup-latency) | **INCONCLUSIVE** | rows from a test fake")
                .contains("| [nines](#nines) | **SUPPORTED (checked arithmetic)** |")
                .contains("- PostgreSQL (users=2000, threads=1, embedded): ")
                .contains("postgresql embedded 17.");
        assertThat(Files.size(folder.resolve("charts/lookup-latency.png"))).isGreaterThan(1000);

        assertThat(Main.execute("report", folder.toString())).isZero();
        assertThat(Files.readString(folder.resolve("verdicts.md"))).isEqualTo(verdicts);
    }

    @Test
    void aClaimDecidedByArithmeticRunsNothingAndAnUnknownClaimIsBadInput() throws IOException {
        assertThat(Main.execute("run", "nines", "--results-dir", results.toString())).isZero();
        Path folder = onlyRunFolder();
        assertThat(ResultsCsv.read(folder)).isEmpty();
        assertThat(Files.readString(folder.resolve("verdicts.md"))).contains("**Verdict: SUPPORTED (checked arithmetic)**");

        assertThat(Main.execute("run", "acid-everywhere", "--results-dir", results.toString())).isEqualTo(2);
        assertThat(Main.execute("run", "nines", "--family", "lookup", "--results-dir", results.toString()))
                .isEqualTo(2);
    }

    private Path onlyRunFolder() throws IOException {
        try (Stream<Path> folders = Files.list(results)) {
            List<Path> all = folders.filter(Files::isDirectory).toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }
}
