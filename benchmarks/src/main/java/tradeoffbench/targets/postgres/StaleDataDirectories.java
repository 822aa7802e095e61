package tradeoffbench.targets.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Data directories of embedded servers that no process uses any more. The watchdog removes a run's directories when
 * its launcher dies; when the machine itself restarts (or the watchdog is killed too), they stay. The next start
 * removes every such directory that is older than {@link #MIN_AGE} (younger ones may belong to a server still
 * starting) and that no running postmaster names with {@code -D}, and says so in one line.
 */
final class StaleDataDirectories {
    static final Duration MIN_AGE = Duration.ofMinutes(10);

    private StaleDataDirectories() {
    }

    /** Removes the stale directories under {@code root}; returns how many. */
    static int reap(Path root, Instant now) {
        List<Path> candidates;
        try (Stream<Path> children = Files.list(root)) {
            candidates = children.filter(p -> p.getFileName().toString().startsWith(EmbeddedPostgresServer.DATA_PREFIX))
                    .filter(Files::isDirectory).filter(p -> olderThan(p, now.minus(MIN_AGE))).toList();
        } catch (IOException e) {
            return 0;
        }
        if (candidates.isEmpty()) {
            return 0;
        }
        List<String> commandLines = ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains(" -D ")).toList();
        // (the directory names are random and unique, so a postmaster's -D naming one is that directory's server)
        int removed = 0;
        for (Path dir : candidates) {
            // A postmaster names its directory as it was given: relative or absolute; either way it counts.
            String name = dir.getFileName().toString();
            boolean used = commandLines.stream().anyMatch(c -> c.contains(name + " ") || c.endsWith(name));
            if (!used && deleteTree(dir)) {
                removed++;
            }
        }
        return removed;
    }

    private static boolean olderThan(Path dir, Instant limit) {
        try {
            FileTime modified = Files.getLastModifiedTime(dir);
            return modified.toInstant().isBefore(limit);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean deleteTree(Path dir) {
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
