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
