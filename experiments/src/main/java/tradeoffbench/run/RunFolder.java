package tradeoffbench.run;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import tradeoffbench.catalog.UsageException;

/**
 * A new run folder, created exclusively: its id is the UTC second and the code's git sha, and when a folder of that
 * id exists already (another run started in the same second) the next free {@code -2}, {@code -3} … is taken, so two
 * runs never share or replace a folder.
 */
public record RunFolder(String runId, Path path) {

    public static RunFolder create(Path resultsDir, Instant startedAt, String gitSha) {
        String base = RunEnvironment.runId(startedAt, gitSha);
        try {
            Files.createDirectories(resultsDir);
            for (int n = 1; n < 1000; n++) {
                String id = n == 1 ? base : base + "-" + n;
                try {
                    return new RunFolder(id, Files.createDirectory(resultsDir.resolve(id)));
                } catch (FileAlreadyExistsException taken) {
                    // another run of the same second: try the next id
                }
            }
            throw new UsageException("cannot create a run folder in " + resultsDir + ": 999 runs of " + base + " exist");
        } catch (IOException | SecurityException e) {
            throw new UsageException("cannot create a run folder in " + resultsDir + ": " + e.getMessage());
        }
    }
}
