package tradeoffbench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The golden run folders of {@code src/test/resources/runs} (made by {@code src/test/fixtures/make_runs.py}). */
public final class RunFixtures {
    private RunFixtures() {
    }

    /** Copies fixture {@code name} into {@code dir} (reports write into the folder) and returns the copy. */
    public static Path copy(String name, Path dir) {
        try {
            Path source = Path.of(RunFixtures.class.getResource("/runs/" + name).toURI());
            Path target = dir.resolve(name);
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(source)) {
                for (Path f : files.toList()) {
                    Files.copy(f, target.resolve(f.getFileName()));
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no fixture run '" + name + "' on the test class path", e);
        }
    }
}
