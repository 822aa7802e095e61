package tradeoffbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradeoffbench.results.ResultsCsv;
import tradeoffbench.results.TidyRow;

/**
 * The embedded server is killed in the middle of a run: the benchmark in progress is recorded as failed with the
 * reason, the run stops cleanly with exit 1, the rows measured before are kept, and nothing of the run survives.
 */
class ServerDiesTest {

    @TempDir
    Path work;

    @Test
    void aKilledServerFailsTheRunAndKeepsEarlierRows() throws Exception {
        Path results = work.resolve("results");
        ChildRun run = ChildRun.start(work, "run", "-b", "postgresPrimaryKey", "--pg-mode", "embedded",
                "--mongo-mode", "none", "-p", "users=500,600", "-f", "1", "-wi", "0", "-i", "8", "-r", "1", "-t", "1",
                "--results-dir", results.toString());
        try {
            assertThat(run.awaitUntil(() -> InterruptTest.rowCount(results) >= 1, Duration.ofSeconds(90)))
                    .as("a first benchmark completed; output:%n%s", run.output()).isTrue();
            Thread.sleep(2_000);
            List<ProcessHandle> postgres = run.embeddedPostgres();
            assertThat(postgres).as("the embedded server's processes").isNotEmpty();
            postgres.forEach(ProcessHandle::destroyForcibly);

            int exit = run.awaitExit(Duration.ofSeconds(90));
            assertThat(exit).as("exit code; output:%n%s", run.output()).isEqualTo(1);
            Path folder = InterruptTest.onlyFolder(results);
            List<TidyRow> rows = ResultsCsv.read(folder);
            assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.param("users")).isEqualTo("500"));
            JsonNode manifest = new ObjectMapper().readTree(folder.resolve("run.json").toFile());
            assertThat(manifest.get("status").asText()).isEqualTo("failed");
            assertThat(manifest.at("/failures/0/benchmark").asText()).endsWith("postgresPrimaryKey");
            assertThat(manifest.at("/failures/0/reason").asText()).isNotBlank();
            assertThat(run.output()).contains("FAILED tradeoffbench.lookup.PointLookupBenchmark.postgresPrimaryKey");
            Thread.sleep(1_000);
            assertThat(run.survivors()).as("processes of the run still alive").isEmpty();
        } finally {
            run.killIfAlive();
        }
    }
}
