package tradeoffbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradeoffbench.results.ResultsCsv;
import tradeoffbench.results.TidyRow;
import tradeoffbench.testing.TestTargets;

/**
 * A tiny run through the real command: embedded PostgreSQL and (for the code path only) the in-memory MongoDB
 * fake, one fork, one short iteration, a small dataset. The written folder is parsed and checked row by row.
 */
class TinyRunTest {

    @TempDir
    Path results;

    @Test
    void aTinyRunWritesAResultsFolderWithTidyRowsForBothEngines() throws IOException {
        int exit = Main.execute("run", "--family", "lookup", "--pg-mode", "embedded",
                "--mongo-url", TestTargets.mongoFakeUrl(), "--mongo-url-is-fake",
                "-p", "users=2000", "-f", "1", "-wi", "0", "-i", "1", "-r", "1", "-t", "1",
                "--results-dir", results.toString());

        assertThat(exit).isZero();
        Path folder = onlyRunFolder();
        assertThat(folder.resolve("results.csv")).isRegularFile();
        assertThat(folder.resolve("jmh.json")).isRegularFile();
        assertThat(folder.resolve("run.json")).isRegularFile();

        List<TidyRow> rows = ResultsCsv.read(folder.resolve("results.csv"));
        assertThat(rows).extracting(TidyRow::benchmark).containsOnly(
                "PointLookupBenchmark.postgresPrimaryKey", "PointLookupBenchmark.mongoFindById");
        for (TidyRow row : rows) {
            assertThat(row.family()).isEqualTo("lookup");
            assertThat(row.params()).isEqualTo("users=2000");
            assertThat(row.threads()).isEqualTo(1);
            assertThat(row.score()).isPositive();
            assertThat(row.mode()).isIn("thrpt", "sample");
            assertThat(row.runId()).isEqualTo(folder.getFileName().toString());
            if (row.benchmark().endsWith("postgresPrimaryKey")) {
                assertThat(row.target()).isEqualTo("postgresql");
                assertThat(row.targetMode()).isEqualTo("embedded");
                assertThat(row.serverVersion()).startsWith("17.");
                assertThat(row.setting("fsync")).isEqualTo("on");
                assertThat(row.setting("synchronous_commit")).isEqualTo("on");
            } else {
                assertThat(row.target()).isEqualTo("mongodb");
                assertThat(row.targetMode()).isEqualTo("fake");
            }
            if (row.mode().equals("sample")) {
                assertThat(row.unit()).isEqualTo("us/op");
                assertThat(row.p50()).isPositive();
                assertThat(row.p99()).isGreaterThanOrEqualTo(row.p50());
            } else {
                assertThat(row.unit()).isEqualTo("ops/s");
            }
        }
        assertThat(rows).hasSize(4);

        JsonNode run = new ObjectMapper().readTree(folder.resolve("run.json").toFile());
        assertThat(run.get("status").asText()).isEqualTo("completed");
        assertThat(run.at("/targets/postgresql/mode").asText()).isEqualTo("embedded");
        assertThat(run.at("/targets/postgresql/settings/fsync").asText()).isEqualTo("on");
        assertThat(run.at("/targets/mongodb/mode").asText()).isEqualTo("fake");
        assertThat(run.get("result_rows").asInt()).isEqualTo(4);
    }

    private Path onlyRunFolder() throws IOException {
        try (Stream<Path> folders = Files.list(results)) {
            List<Path> all = folders.filter(Files::isDirectory).toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }
}
