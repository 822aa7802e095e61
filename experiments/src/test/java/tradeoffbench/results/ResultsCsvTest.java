package tradeoffbench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradeoffbench.family.Metric;
import tradeoffbench.lookup.Lookup;

class ResultsCsvTest {

    @TempDir
    Path dir;

    static TidyRow row(Map<String, String> settings, Double p50) {
        RunIdentity run = new RunIdentity("r1", "2026-11-29T10:00:00Z", "abc1234", "2 cores, 23.5 GiB");
        Target target = new Target("postgresql", "embedded", "17.7", new TreeMap<>(settings));
        Summary summary = new Summary(61.5, 60.2, 63.1, "us/op", 3, 18, 18_000L, null, p50, 70.0, 92.0, 200.0, true);
        return new TidyRow(run, Lookup.POSTGRES_PRIMARY_KEY, target, Conditions.of(Map.of("users", "10000"), 2),
                "sample", Metric.LATENCY, summary, "OpenJDK 17");
    }

    @Test
    void roundTripsRowsWithCommasQuotesAndNewlinesInCells() throws IOException {
        TidyRow tricky = row(Map.of("default_transaction_isolation", "read committed", "note", "\"a, b\"\nnext"), 60.0);
        TidyRow bare = new TidyRow(new RunIdentity("r1", "t", "g", "m"), Lookup.POSTGRES_PRIMARY_KEY,
                new Target("postgresql", "embedded", "17.7", new TreeMap<>()), Conditions.of(Map.of(), 1), "thrpt",
                Metric.of("commits"), new Summary(14_000.0, null, null, "#", 1, 5, null, 70_000.0, null, null, null,
                null, null), "jvm");
        ResultsCsv.write(dir, List.of(tricky, bare));

        assertThat(ResultsCsv.read(dir)).containsExactly(tricky, bare);
        assertThat(Files.readAllLines(dir.resolve(ResultsCsv.FILE_NAME)).get(0))
                .isEqualTo(String.join(",", TidyRow.COLUMNS));
    }

    @Test
    void writingReplacesTheFileAtomicallyAndLeavesNoTemporaryFile() throws IOException {
        ResultsCsv.write(dir, List.of(row(Map.of("a", "1"), 1.0)));
        ResultsCsv.write(dir, List.of(row(Map.of("a", "1"), 1.0), row(Map.of("a", "2"), 2.0)));
        assertThat(ResultsCsv.read(dir)).hasSize(2);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(ResultsCsv.FILE_NAME);
        }
    }

    @Test
    void aFailedWriteKeepsTheOldFile() throws IOException {
        Path file = dir.resolve(ResultsCsv.FILE_NAME);
        ResultsCsv.write(dir, List.of(row(Map.of("a", "1"), 1.0)));
        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write("half a row".getBytes());
            throw new IOException("No space left on device");
        })).hasMessageContaining("No space left");
        assertThat(ResultsCsv.read(dir)).containsExactly(row(Map.of("a", "1"), 1.0));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void aFileWithoutTheTidyColumnsIsRejectedNamingThem() throws IOException {
        Files.writeString(dir.resolve(ResultsCsv.FILE_NAME), "Benchmark,Mode,Score\nx,thrpt,1\n");
        assertThatThrownBy(() -> ResultsCsv.read(dir)).hasMessageContaining("is not a tradeoff-bench results.csv")
                .hasMessageContaining("run_id");
    }

    @Test
    void aBadCellNamesTheFileAndLine() throws IOException {
        ResultsCsv.write(dir, List.of(row(Map.of("a", "1"), 1.0)));
        Path file = dir.resolve(ResultsCsv.FILE_NAME);
        Files.writeString(file, Files.readString(file).replace(",61.5,", ",sixty,"));
        assertThatThrownBy(() -> ResultsCsv.read(dir)).hasMessageStartingWith(file + " line 2: ")
                .hasMessageContaining("is not a number: \"sixty\"");
    }

    @Test
    void aCutQuotedFieldNamesTheFileToo() throws IOException {
        ResultsCsv.write(dir, List.of(row(Map.of("note", "a, b"), 1.0)));
        Path file = dir.resolve(ResultsCsv.FILE_NAME);
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.indexOf("a, b")));
        assertThatThrownBy(() -> ResultsCsv.read(dir)).hasMessageStartingWith(file + " line ");
    }

    @Test
    void aSchemaOneFileIsReadWithoutIntervals() throws IOException {
        Files.writeString(dir.resolve(ResultsCsv.FILE_NAME), String.join("\n",
                "run_id,started_at,git_sha,family,benchmark,target,target_mode,server_version,settings,params,threads,"
                        + "mode,metric,score,score_error,unit,samples,p50,p90,p99,p999,jvm,machine",
                "old,2026-11-29T10:00:00Z,abc1234,lookup,PointLookupBenchmark.postgresPrimaryKey,postgresql,embedded,"
                        + "17.7,fsync=on,users=10000,1,sample,latency,50,2,us/op,100000,45.0,45.0,150,150,jvm,m", ""));
        TidyRow old = ResultsCsv.read(dir).get(0);
        assertThat(old.benchmark()).isEqualTo(Lookup.POSTGRES_PRIMARY_KEY);
        assertThat(old.score()).isEqualTo(50);
        assertThat(old.summary().low()).isNull();
        assertThat(old.summary().forks()).isZero();
        assertThat(old.summary().p99()).isEqualTo(150);
    }

    @Test
    void paramsAndSettingsAreReadByKey() {
        TidyRow r = row(Map.of("fsync", "on", "synchronous_commit", "off"), 1.0);
        assertThat(r.target().setting("fsync")).isEqualTo("on");
        assertThat(r.target().setting("synchronous_commit")).isEqualTo("off");
        assertThat(r.target().setting("absent")).isNull();
        assertThat(r.param("users")).isEqualTo("10000");
    }
}
