package tradeoffbench.atomicity;

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
import tradeoffbench.cli.Main;
import tradeoffbench.results.ResultsCsv;
import tradeoffbench.results.TidyRow;

/**
 * The atomicity family through the real command, tiny: embedded PostgreSQL, a hot economy (20 accounts, Zipf 1.2,
 * 2 threads, SERIALIZABLE), MongoDB absent. Every PostgreSQL variant writes its score and its four counters; the
 * unsafe one loses updates, the safe ones none; the MongoDB methods are skipped with a reason.
 */
class AtomicityRunTest {
    private static final List<String> POSTGRES_METHODS = List.of("PostgresTransferBenchmark.singleStatement",
            "PostgresTransferBenchmark.explicitTransaction", "PostgresTransferBenchmark.unsafeReadModifyWrite");

    @TempDir
    Path results;

    @Test
    void aTinyContendedRunWritesScoresCountersAndTheUnsafeVariantsAnomalies() throws IOException {
        int exit = Main.execute("run", "--family", "atomicity", "--pg-mode", "embedded", "--mongo-mode", "none",
                "-p", "accounts=20", "-p", "skew=zipf1.2", "-p", "isolation=SERIALIZABLE",
                "-f", "1", "-wi", "0", "-i", "1", "-r", "1", "-t", "2", "--results-dir", results.toString());

        assertThat(exit).isZero();
        Path folder = onlyRunFolder();
        List<TidyRow> rows = ResultsCsv.read(folder.resolve("results.csv"));
        assertThat(rows).extracting(TidyRow::benchmark).containsOnlyElementsOf(POSTGRES_METHODS)
                .containsAll(POSTGRES_METHODS);
        for (String method : POSTGRES_METHODS) {
            List<TidyRow> own = rows.stream().filter(r -> r.benchmark().equals(method)).toList();
            assertThat(own).extracting(TidyRow::metric).contains("throughput", "latency", "commits", "retries",
                    "aborts", "anomalies");
            for (TidyRow row : own) {
                assertThat(row.family()).isEqualTo("atomicity");
                assertThat(row.threads()).isEqualTo(2);
                assertThat(row.param("isolation")).isEqualTo("SERIALIZABLE");
                assertThat(row.param("skew")).isEqualTo("zipf1.2");
                assertThat(row.param("synchronousCommit")).isEqualTo("on");
                assertThat(row.setting("fsync")).isEqualTo("on");
            }
            assertThat(metric(own, "thrpt", "throughput")).isPositive();
            assertThat(metric(own, "thrpt", "commits")).isPositive();
            assertThat(metric(own, "thrpt", "commitRate")).isPositive();
            assertThat(own).filteredOn(r -> r.metric().endsWith("Rate")).extracting(TidyRow::unit)
                    .containsOnly("ops/s");
            // Two threads on a few hot accounts at SERIALIZABLE: conflicts are the point of the setting.
            assertThat(metric(own, "thrpt", "retries") + metric(own, "sample", "retries")).isPositive();
            double anomalies = metric(own, "thrpt", "anomalies");
            if (method.endsWith("unsafeReadModifyWrite")) {
                assertThat(anomalies).as("lost updates of two threads on a few hot accounts").isPositive();
            } else {
                assertThat(anomalies).as(method).isZero();
            }
        }

        JsonNode run = new ObjectMapper().readTree(folder.resolve("run.json").toFile());
        assertThat(run.get("status").asText()).isEqualTo("completed");
        assertThat(run.get("skipped").findValuesAsText("benchmark")).containsExactlyInAnyOrder(
                "MongoTransferBenchmark.singleDocument", "MongoTransferBenchmark.multiDocumentTransaction",
                "MongoTransferBenchmark.unsafeNoTransaction");
    }

    private static double metric(List<TidyRow> rows, String mode, String metric) {
        return rows.stream().filter(r -> r.mode().equals(mode) && r.metric().equals(metric))
                .findFirst().orElseThrow(() -> new AssertionError("no " + mode + " " + metric + " row")).score();
    }

    private Path onlyRunFolder() throws IOException {
        try (Stream<Path> folders = Files.list(results)) {
            List<Path> all = folders.filter(Files::isDirectory).toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }
}
