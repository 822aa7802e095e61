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
import tradeoffbench.lookup.Lookup;
import tradeoffbench.results.ForkRow;
import tradeoffbench.results.ForksCsv;
import tradeoffbench.results.IterationRow;
import tradeoffbench.results.IterationsCsv;
import tradeoffbench.results.ResultsCsv;
import tradeoffbench.results.TidyRow;
import tradeoffbench.testing.TestTargets;

/**
 * A tiny run through the real command: embedded PostgreSQL and (for the code path only) the in-memory MongoDB
 * fake, two forks of two short iterations, a small dataset. The written folder is parsed and checked row by row.
 */
class TinyRunTest {

    @TempDir
    Path results;

    @Test
    void aTinyRunWritesAResultsFolderWithTidyRowsForBothEngines() throws IOException {
        int exit = Main.execute("run", "--family", "lookup", "--pg-mode", "embedded",
                "--mongo-url", TestTargets.mongoFakeUrl(), "--mongo-url-is-fake",
                "-p", "users=2000", "-f", "2", "-wi", "0", "-i", "2", "-r", "200ms", "-t", "1", "-jvmArgs", "-Xmx256m -Xss1m",
                "--results-dir", results.toString());

        assertThat(exit).isZero();
        Path folder = onlyRunFolder();
        for (String file : List.of("results.csv", "iterations.csv", "forks.csv", "jmh.json", "jmh.log", "run.json")) {
            assertThat(folder.resolve(file)).as(file).isRegularFile();
        }

        List<TidyRow> rows = ResultsCsv.read(folder);
        assertThat(rows).extracting(TidyRow::benchmark).containsOnly(Lookup.POSTGRES_PRIMARY_KEY,
                Lookup.MONGO_FIND_BY_ID);
        for (TidyRow row : rows) {
            assertThat(row.family()).isEqualTo("lookup");
            assertThat(row.conditions().text()).isEqualTo("users=2000, threads=1");
            assertThat(row.score()).isPositive();
            assertThat(row.mode()).isIn("thrpt", "sample");
            assertThat(row.run().runId()).isEqualTo(folder.getFileName().toString());
            // Two forks of two iterations each: the interval rests on them, not on the samples.
            assertThat(row.summary().forks()).isEqualTo(2);
            assertThat(row.summary().iterations()).isEqualTo(4);
            assertThat(row.summary().low()).isLessThanOrEqualTo(row.score());
            assertThat(row.summary().high()).isGreaterThanOrEqualTo(row.score());
            if (row.benchmark().equals(Lookup.POSTGRES_PRIMARY_KEY)) {
                assertThat(row.target().name()).isEqualTo("postgresql");
                assertThat(row.target().mode()).isEqualTo("embedded");
                assertThat(row.target().version()).startsWith("17.");
                assertThat(row.target().setting("fsync")).isEqualTo("on");
                assertThat(row.target().setting("synchronous_commit")).isEqualTo("on");
            } else {
                assertThat(row.target().name()).isEqualTo("mongodb");
                assertThat(row.isFake()).isTrue();
            }
            if (row.mode().equals("sample")) {
                assertThat(row.unit()).isEqualTo("us/op");
                assertThat(row.summary().p50()).isPositive();
                assertThat(row.summary().p99()).isGreaterThanOrEqualTo(row.summary().p50());
            } else {
                assertThat(row.unit()).isEqualTo("ops/s");
            }
        }
        assertThat(rows).filteredOn(r -> r.metric().isPrimary()).hasSize(4);

        List<IterationRow> iterations = IterationsCsv.read(folder);
        assertThat(iterations).filteredOn(i -> i.metric().isPrimary()).hasSize(4 * 2 * 2);
        List<ForkRow> forks = ForksCsv.read(folder);
        assertThat(forks).hasSize(4 * 2);
        assertThat(forks).extracting(ForkRow::fork).containsOnly(1, 2);

        JsonNode run = new ObjectMapper().readTree(folder.resolve("run.json").toFile());
        assertThat(run.get("schema").asInt()).isEqualTo(2);
        assertThat(run.get("status").asText()).isEqualTo("completed");
        assertThat(run.at("/targets/postgresql/mode").asText()).isEqualTo("embedded");
        assertThat(run.at("/targets/postgresql/settings/fsync").asText()).isEqualTo("on");
        assertThat(run.at("/targets/mongodb/mode").asText()).isEqualTo("fake");
        assertThat(run.at("/jmh/iteration_time").asText()).isEqualTo("200 ms");
        assertThat(run.get("result_rows").asInt()).isEqualTo(rows.size());
    }

    private Path onlyRunFolder() throws IOException {
        try (Stream<Path> folders = Files.list(results)) {
            List<Path> all = folders.filter(Files::isDirectory).toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }
}
