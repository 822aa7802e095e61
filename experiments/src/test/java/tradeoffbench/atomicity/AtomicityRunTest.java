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
import tradeoffbench.family.BenchmarkName;
import tradeoffbench.family.Metric;
import tradeoffbench.results.ResultsCsv;
import tradeoffbench.results.TidyRow;

/**
 * The atomicity family through the real command, tiny: embedded PostgreSQL, a hot economy (20 accounts, Zipf 1.2,
 * 2 threads, READ COMMITTED), MongoDB absent. Every PostgreSQL variant writes its score and its counters; the
 * controls show their anomaly (a half-done transfer seen by the auditor, a lost update), the protected variants
 * none; the MongoDB methods are skipped with a reason.
 */
class AtomicityRunTest {
    private static final List<BenchmarkName> POSTGRES_METHODS = List.of(Atomicity.TWO_AUTOCOMMITS,
            Atomicity.TWO_STATEMENTS_IN_TRANSACTION, Atomicity.ONE_STATEMENT, Atomicity.READ_THEN_WRITE,
            Atomicity.READ_FOR_UPDATE_THEN_WRITE);

    @TempDir
    Path results;

    @Test
    void aTinyContendedRunWritesScoresCountersAndTheControlsAnomalies() throws IOException {
        int exit = Main.execute("run", "--family", "atomicity", "--pg-mode", "embedded", "--mongo-mode", "none",
                "-p", "accounts=20", "-p", "skew=zipf1.2", "-p", "isolation=READ_COMMITTED", "-bm", "thrpt",
                "-f", "2", "-wi", "0", "-i", "2", "-r", "500ms", "-t", "2", "--results-dir", results.toString());

        assertThat(exit).isZero();
        Path folder = onlyRunFolder();
        List<TidyRow> rows = ResultsCsv.read(folder);
        assertThat(rows).extracting(TidyRow::benchmark).containsOnlyElementsOf(POSTGRES_METHODS)
                .containsAll(POSTGRES_METHODS);
        for (BenchmarkName method : POSTGRES_METHODS) {
            List<TidyRow> own = rows.stream().filter(r -> r.benchmark().equals(method)).toList();
            assertThat(own).extracting(TidyRow::metric).contains(Metric.THROUGHPUT, Atomicity.COMMITS,
                    Atomicity.RETRIES, Atomicity.LOST_UPDATES, Atomicity.PARTIAL_TRANSFERS, Atomicity.MONEY_DRIFT,
                    Atomicity.INCONSISTENT_READS, Atomicity.AUDITS);
            for (TidyRow row : own) {
                assertThat(row.family()).isEqualTo("atomicity");
                assertThat(row.threads()).isEqualTo(2);
                assertThat(row.param(Atomicity.ISOLATION)).isEqualTo("READ_COMMITTED");
                assertThat(row.param(Atomicity.SKEW)).isEqualTo("zipf1.2");
                assertThat(row.target().setting("fsync")).isEqualTo("on");
                assertThat(row.summary().forks()).isEqualTo(2);
            }
            assertThat(total(own, Metric.THROUGHPUT)).isPositive();
            assertThat(total(own, Atomicity.COMMITS)).isPositive();
            assertThat(total(own, Atomicity.AUDITS)).as("the auditor ran beside the transfers").isPositive();
            assertThat(total(own, Atomicity.PARTIAL_TRANSFERS)).as("no transfer is ever half applied at rest")
                    .isZero();
            double lost = total(own, Atomicity.LOST_UPDATES);
            double seen = total(own, Atomicity.INCONSISTENT_READS);
            if (method.equals(Atomicity.READ_THEN_WRITE)) {
                assertThat(lost).as("lost updates of two threads on a few hot accounts").isPositive();
            } else {
                assertThat(lost).as(method + " lost updates").isZero();
            }
            if (method.equals(Atomicity.TWO_AUTOCOMMITS)) {
                assertThat(seen).as("the auditor sees money in flight between two autocommits").isPositive();
            } else if (!method.equals(Atomicity.READ_THEN_WRITE)) {
                assertThat(seen).as(method + " inconsistent audits").isZero();
            }
        }

        JsonNode run = new ObjectMapper().readTree(folder.resolve("run.json").toFile());
        assertThat(run.get("status").asText()).isEqualTo("completed");
        assertThat(run.get("skipped").findValuesAsText("benchmark")).containsExactlyInAnyOrder(
                Atomicity.MONGO_TWO_UPDATES.shortName(), Atomicity.MONGO_MULTI_DOCUMENT_TRANSACTION.shortName(),
                Atomicity.MONGO_EMBEDDED_DOCUMENT.shortName());
    }

    private static double total(List<TidyRow> rows, Metric metric) {
        TidyRow row = rows.stream().filter(r -> r.metric().equals(metric)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + metric + " row"));
        return row.summary().total() != null ? row.summary().total() : row.score();
    }

    private Path onlyRunFolder() throws IOException {
        try (Stream<Path> folders = Files.list(results)) {
            List<Path> all = folders.filter(Files::isDirectory).toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }
}
