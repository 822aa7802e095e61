package tradeoffbench.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradeoffbench.atomicity.Atomicity;
import tradeoffbench.catalog.BenchmarkCatalog;
import tradeoffbench.catalog.BenchmarkMethod;
import tradeoffbench.cli.Main;
import tradeoffbench.family.BenchmarkName;
import tradeoffbench.results.ResultsCsv;
import tradeoffbench.results.TidyRow;
import tradeoffbench.targets.Engine;
import tradeoffbench.targets.Endpoint;
import tradeoffbench.targets.mongo.MongoIdentity;
import tradeoffbench.targets.TargetMode;

/**
 * Every MongoDB benchmark of every family against a real MongoDB server, tiny: the path no test on a machine without
 * MongoDB can prove. Runs when {@code TRADEOFF_BENCH_MONGO_URL} names a server (a replica set, so transactions work:
 * {@code mongodb://localhost:27017/?replicaSet=rs0}); reported as skipped, with that reason, otherwise.
 */
class MongoEndToEndTest {
    private static final String URL = System.getenv("TRADEOFF_BENCH_MONGO_URL");

    @TempDir
    Path results;

    @Test
    void everyMongoBenchmarkRunsTinyAgainstARealServerAndCountsNoAnomalyWhereNoneIsPossible() throws IOException {
        Assumptions.assumeTrue(URL != null && !URL.isBlank(), "no MongoDB server: set TRADEOFF_BENCH_MONGO_URL "
                + "(a replica set, e.g. mongodb://localhost:27017/?replicaSet=rs0) to run the MongoDB end-to-end test");
        Endpoint mongo = MongoIdentity.read(TargetMode.EXTERNAL, URL);
        assertThat(mongo.settings()).as("a replica set, so multi-document transactions work")
                .containsEntry("transactions", "supported");

        Set<BenchmarkName> expected = BenchmarkCatalog.load().all().stream()
                .filter(m -> m.needs().contains(Engine.MONGODB)).map(BenchmarkMethod::name).collect(Collectors.toSet());
        int exit = Main.execute("run", "-b", expected.stream().map(BenchmarkName::method).collect(Collectors.joining("|")),
                "--mongo-url", URL, "--pg-mode", "embedded", "-p", "users=1000", "-p", "accounts=100",
                "-p", "posts=50", "-p", "fanout=4", "-p", "copies=10", "-t", "2", "-bm", "sample",
                "-f", "2", "-wi", "0", "-i", "2", "-r", "200ms", "--results-dir", results.toString());
        assertThat(exit).isZero();
        List<TidyRow> rows;
        try (Stream<Path> folders = Files.list(results)) {
            rows = ResultsCsv.read(folders.findFirst().orElseThrow());
        }
        assertThat(rows).extracting(TidyRow::benchmark).containsAll(expected);
        assertThat(rows).filteredOn(r -> r.target().name().equals("mongodb"))
                .allSatisfy(r -> assertThat(r.target().mode()).isEqualTo("external"));
        for (BenchmarkName safe : List.of(Atomicity.MONGO_MULTI_DOCUMENT_TRANSACTION, Atomicity.MONGO_EMBEDDED_DOCUMENT)) {
            assertThat(rows).filteredOn(r -> r.benchmark().equals(safe) && (r.metric().equals(Atomicity.LOST_UPDATES)
                    || r.metric().equals(Atomicity.PARTIAL_TRANSFERS) || r.metric().equals(Atomicity.MONEY_DRIFT)))
                    .as(safe + " keeps every transfer whole").isNotEmpty()
                    .allSatisfy(r -> assertThat(r.summary().total()).isZero());
        }
    }
}
