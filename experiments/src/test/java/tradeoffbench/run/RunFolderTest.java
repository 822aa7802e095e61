package tradeoffbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs started in the same second never share a folder. */
class RunFolderTest {
    @TempDir
    Path results;

    @Test
    void runsOfTheSameSecondGetFoldersOfTheirOwn() {
        Instant second = Instant.parse("2026-12-01T10:00:00Z");
        ConcurrentLinkedQueue<RunFolder> made = new ConcurrentLinkedQueue<>();
        IntStream.range(0, 8).parallel().forEach(i -> made.add(RunFolder.create(results, second, "abc1234")));

        List<String> ids = made.stream().map(RunFolder::runId).sorted().toList();
        assertThat(ids).doesNotHaveDuplicates().hasSize(8).contains("20261201T100000Z-abc1234",
                "20261201T100000Z-abc1234-8");
        assertThat(made).allSatisfy(f -> assertThat(f.path()).isDirectory().isEmptyDirectory());
    }
}
