package tradeoffbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradeoffbench.results.ResultsCsv;

/**
 * Ctrl-C before anything was measured: while the embedded server is being provisioned, and while a dataset is
 * being loaded. Nothing of the run may survive; a run folder, if one exists yet, is a valid one that says
 * "interrupted".
 */
class InterruptEarlyTest {

    @TempDir
    Path work;

    @Test
    void ctrlCWhileProvisioningLeavesNoServer() throws Exception {
        Path results = work.resolve("results");
        ChildRun run = ChildRun.start(work, "run", "-b", "postgresPrimaryKey", "--pg-mode", "embedded",
                "--mongo-mode", "none", "-p", "users=500", "-f", "1", "-wi", "0", "-i", "1", "-r", "1", "-t", "1",
                "--results-dir", results.toString());
        try {
            assertThat(run.awaitUntil(() -> output(run).contains("target postgresql: embedded"), Duration.ofSeconds(30)))
                    .as("resolution printed; output:%n%s", run.output()).isTrue();
            int exit = run.interrupt(Duration.ofSeconds(60));
            assertThat(exit).isEqualTo(130);
            Thread.sleep(1_000);
            assertThat(run.survivors()).isEmpty();
            assertThat(tradeoffbench.testing.LeakCheck.leakedServers()).as("servers started for the run").isEmpty();
            if (Files.exists(results)) {
                try (var folders = Files.list(results)) {
                    for (Path folder : folders.toList()) {
                        assertThat(new ObjectMapper().readTree(folder.resolve("run.json").toFile()).get("status")
                                .asText()).isEqualTo("interrupted");
                    }
                }
            }
        } finally {
            run.killIfAlive();
        }
    }

    @Test
    void ctrlCWhileLoadingKeepsAValidEmptyResultsFileAndLeavesNoProcess() throws Exception {
        Path results = work.resolve("results");
        ChildRun run = ChildRun.start(work, "run", "-b", "postgresPrimaryKey", "--pg-mode", "embedded",
                "--mongo-mode", "none", "-p", "users=3000000", "-f", "1", "-wi", "0", "-i", "1", "-r", "1", "-t", "1",
                "--results-dir", results.toString());
        try {
            assertThat(run.awaitUntil(() -> output(run).contains("loading users_3000000"), Duration.ofSeconds(90)))
                    .as("the load reported progress; output:%n%s", run.output()).isTrue();
            int exit = run.interrupt(Duration.ofSeconds(60));
            assertThat(exit).isEqualTo(130);
            Path folder = InterruptTest.onlyFolder(results);
            assertThat(ResultsCsv.read(folder)).isEmpty();
            assertThat(new ObjectMapper().readTree(folder.resolve("run.json").toFile()).get("status").asText())
                    .isEqualTo("interrupted");
            Thread.sleep(1_000);
            assertThat(run.survivors()).isEmpty();
        } finally {
            run.killIfAlive();
        }
    }

    private static String output(ChildRun run) {
        try {
            return run.output();
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
