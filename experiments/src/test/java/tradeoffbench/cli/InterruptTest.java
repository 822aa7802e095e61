package tradeoffbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradeoffbench.results.ResultsCsv;
import tradeoffbench.results.TidyRow;

/**
 * Ctrl-C in the middle of a measurement (embedded PostgreSQL): the completed rows stay in a valid results.csv,
 * run.json says "interrupted", and neither a JMH fork nor a PostgreSQL process of the run survives.
 */
class InterruptTest {

    @TempDir
    Path work;

    @Test
    void ctrlCKeepsCompletedRowsAndLeavesNoProcessBehind() throws Exception {
        interruptMidRun("INT", 1, 130);
    }

    @Test
    void aSecondCtrlCStillExitsCleanly() throws Exception {
        interruptMidRun("INT", 2, 130);
    }

    @Test
    void sigtermDoesTheSame() throws Exception {
        interruptMidRun("TERM", 1, 143);
    }

    /**
     * kill -9 gives the launcher no chance to clean up: its watchdog does. The embedded server stops, its data
     * directory and the endpoints file (which would hold a URL's password) are deleted, run.json says "killed", and
     * {@code report} on the folder says the launcher died and decides nothing measured.
     */
    @Test
    void killMinus9LeavesNoServerNoDataAndNoEndpointsFileAndTheFolderSaysSo() throws Exception {
        Path results = work.resolve("results");
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        java.util.Set<String> endpointFilesBefore = endpointFiles(tmp);
        java.util.Set<String> dataBefore = dataDirectories();
        ChildRun run = ChildRun.start(work, "run", "lookup-latency", "--pg-mode", "embedded",
                "--mongo-mode", "none", "-p", "users=500", "-f", "2", "-wi", "0", "-i", "8", "-r", "1",
                "--results-dir", results.toString());
        try {
            assertThat(run.awaitUntil(() -> rowCount(results) >= 1, Duration.ofSeconds(90)))
                    .as("a first fork completed; output:%n%s", run.output()).isTrue();
            assertThat(run.embeddedPostgres()).as("the run's embedded server").hasSize(1);
            assertThat(dataDirectories()).as("its data directory").hasSizeGreaterThan(dataBefore.size());
            run.kill9();

            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && (!run.embeddedPostgres().isEmpty()
                    || !dataDirectories().equals(dataBefore))) {
                Thread.sleep(250);
            }
            assertThat(run.embeddedPostgres()).as("the embedded server after kill -9").isEmpty();
            assertThat(dataDirectories()).as("data directories after kill -9").isEqualTo(dataBefore);
            assertThat(endpointFiles(tmp)).as("endpoints files after kill -9").isEqualTo(endpointFilesBefore);
            Path folder = onlyFolder(results);
            assertThat(new ObjectMapper().readTree(folder.resolve("run.json").toFile()).get("status").asText())
                    .isEqualTo("killed");
            assertThat(run.output()).contains("its watchdog stopped them and removed their data");
            assertThat(Main.execute("report", folder.toString())).isZero();
            assertThat(Files.readString(folder.resolve("verdicts.md")))
                    .contains("this run's launcher died before it finished (run.json says killed)")
                    .contains("| [lookup-latency](#lookup-latency) | **INCONCLUSIVE** |");
        } finally {
            run.killIfAlive();
        }
    }

    private static java.util.Set<String> endpointFiles(Path tmp) throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("tradeoff-bench-endpoints-"))
                    .collect(java.util.stream.Collectors.toSet());
        }
    }

    private static java.util.Set<String> dataDirectories() throws IOException {
        try (Stream<Path> dirs = Files.list(tradeoffbench.testing.TestTargets.dataRoot())) {
            return dirs.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("tradeoffbench-pg-"))
                    .collect(java.util.stream.Collectors.toSet());
        }
    }

    private void interruptMidRun(String signal, int times, int expectedExit) throws Exception {
        Path results = work.resolve("results");
        ChildRun run = ChildRun.start(work, "run", "-b", "postgresPrimaryKey", "--pg-mode", "embedded",
                "--mongo-mode", "none", "-p", "users=500,600", "-f", "1", "-wi", "0", "-i", "8", "-r", "1", "-t", "1",
                "--results-dir", results.toString());
        try {
            // One benchmark completes (users=500, 8 s), then the interrupt lands in the middle of the next one.
            boolean oneDone = run.awaitUntil(() -> rowCount(results) >= 1, Duration.ofSeconds(90));
            assertThat(oneDone).as("a first benchmark completed; output:%n%s", run.output()).isTrue();
            Thread.sleep(2_000);
            assertThat(run.embeddedPostgres()).as("the run's embedded server before the interrupt").hasSize(1);
            int exit = run.signal(Duration.ofSeconds(60), signal, times);

            assertThat(exit).as("exit code after SIG" + signal).isEqualTo(expectedExit);
            Path folder = onlyFolder(results);
            List<TidyRow> rows = ResultsCsv.read(folder);
            assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.param("users")).isEqualTo("500"));
            assertThat(new ObjectMapper().readTree(folder.resolve("run.json").toFile()).get("status").asText())
                    .isEqualTo("interrupted");
            assertThat(run.output()).contains("interrupted: " + rows.size() + " completed result rows kept");
            Thread.sleep(1_000);
            assertThat(run.survivors()).as("processes of the run still alive").isEmpty();
        } finally {
            run.killIfAlive();
        }
    }

    static long rowCount(Path results) {
        try (Stream<Path> folders = Files.exists(results) ? Files.list(results) : Stream.empty()) {
            for (Path folder : folders.toList()) {
                if (Files.exists(folder.resolve(ResultsCsv.FILE_NAME))) {
                    return ResultsCsv.read(folder).size();
                }
            }
            return 0;
        } catch (IOException e) {
            return 0;
        }
    }

    static Path onlyFolder(Path results) throws IOException {
        try (Stream<Path> folders = Files.list(results)) {
            List<Path> all = folders.filter(Files::isDirectory).toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }
}
