package tradeoffbench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsCsvTest {

    @TempDir
    Path dir;

    static TidyRow row(String settings, Double p50) {
        return new TidyRow("r1", "2026-11-29T10:00:00Z", "abc1234", "lookup", "PointLookupBenchmark.postgresPrimaryKey",
                "postgresql", "embedded", "17.7", settings, "users=10000", 2, "sample", "latency", 61.5, 0.9, "us/op",
                18_000L, p50, 70.0, 92.0, 200.0, "OpenJDK 17", "2 cores, 23.5 GiB");
    }

    @Test
    void roundTripsRowsWithCommasQuotesAndNewlinesInCells() throws IOException {
        TidyRow tricky = row("default_transaction_isolation=read committed;note=\"a, b\"\nnext", 60.0);
        TidyRow empty = new TidyRow("r1", "t", "g", "lookup", "B.m", "postgresql", "embedded", "17.7", "", "", 1,
                "thrpt", "throughput", 14_000.0, null, "ops/s", 3L, null, null, null, null, "jvm", "m");
        Path file = dir.resolve("results.csv");
        ResultsCsv.write(file, List.of(tricky, empty));

        assertThat(ResultsCsv.read(file)).containsExactly(tricky, empty);
        assertThat(Files.readAllLines(file).get(0)).isEqualTo(String.join(",", TidyRow.COLUMNS));
    }

    @Test
    void writingReplacesTheFileAtomicallyAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("results.csv");
        ResultsCsv.write(file, List.of(row("a=1", 1.0)));
        ResultsCsv.write(file, List.of(row("a=1", 1.0), row("a=2", 2.0)));
        assertThat(ResultsCsv.read(file)).hasSize(2);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("results.csv");
        }
    }

    @Test
    void aFailedWriteKeepsTheOldFile() throws IOException {
        Path file = dir.resolve("results.csv");
        ResultsCsv.write(file, List.of(row("a=1", 1.0)));
        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write("half a row".getBytes());
            throw new IOException("No space left on device");
        })).hasMessageContaining("No space left");
        assertThat(ResultsCsv.read(file)).containsExactly(row("a=1", 1.0));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void aFileWithoutTheTidyColumnsIsRejectedNamingThem() throws IOException {
        Path file = dir.resolve("results.csv");
        Files.writeString(file, "Benchmark,Mode,Score\nx,thrpt,1\n");
        assertThatThrownBy(() -> ResultsCsv.read(file)).hasMessageContaining("not a tradeoff-bench results file")
                .hasMessageContaining("run_id");
    }

    @Test
    void paramsAndSettingsAreReadByKey() {
        TidyRow r = row("fsync=on;synchronous_commit=off", 1.0);
        assertThat(r.setting("fsync")).isEqualTo("on");
        assertThat(r.setting("synchronous_commit")).isEqualTo("off");
        assertThat(r.setting("absent")).isNull();
        assertThat(r.param("users")).isEqualTo("10000");
    }
}
