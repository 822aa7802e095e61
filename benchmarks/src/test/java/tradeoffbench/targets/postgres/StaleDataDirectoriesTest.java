package tradeoffbench.targets.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Directories left by a machine restart go at the next start; young ones, used ones and other folders stay. */
class StaleDataDirectoriesTest {
    @TempDir
    Path root;

    @Test
    void removesOnlyOldDataDirectoriesThatNoProcessUses() throws IOException {
        Instant now = Instant.now();
        Path old = dataDirectory(EmbeddedPostgresServer.DATA_PREFIX + "1", now.minus(Duration.ofHours(2)));
        Path young = dataDirectory(EmbeddedPostgresServer.DATA_PREFIX + "2", now.minus(Duration.ofMinutes(1)));
        Path other = dataDirectory("somebody-elses-data", now.minus(Duration.ofHours(2)));

        assertThat(StaleDataDirectories.reap(root, now)).isEqualTo(1);

        assertThat(old).doesNotExist();
        assertThat(young).exists();
        assertThat(other).exists();
    }

    @Test
    void keepsADirectoryARunningServerUses() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start()) {
            Path live = server.remains().paths().get(0);
            Files.setLastModifiedTime(live, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
            StaleDataDirectories.reap(live.getParent(), Instant.now());
            assertThat(live).exists();
            try (var connection = server.endpoint().connect()) {
                assertThat(connection.isValid(2)).isTrue();
            }
        }
    }

    private Path dataDirectory(String name, Instant modified) throws IOException {
        Path dir = Files.createDirectories(root.resolve(name).resolve("base"));
        Files.writeString(dir.resolve("file"), "x");
        Files.setLastModifiedTime(dir.getParent(), FileTime.from(modified));
        return dir.getParent();
    }
}
