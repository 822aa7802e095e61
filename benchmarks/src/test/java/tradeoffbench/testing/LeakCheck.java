package tradeoffbench.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tradeoffbench.targets.postgres.EmbeddedPostgresServer;

/**
 * After every test class (registered for all of them through JUnit's extension auto-detection): no embedded
 * PostgreSQL server started by this test JVM or its child runs is still alive, except the JVM's one shared server
 * ({@link TestTargets#postgres()}), and — where the tests use Docker — no container labelled by this project is left.
 * A leak fails the class that leaked, naming the processes or containers.
 */
public final class LeakCheck implements AfterAllCallback {
    private static final Instant JVM_START = ProcessHandle.current().info().startInstant().orElse(Instant.EPOCH);
    private static final long GRACE_MILLIS = 5_000;

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        List<String> leaks = leakedServers();
        long deadline = System.currentTimeMillis() + GRACE_MILLIS;
        while (!leaks.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(200); // a server stopped a moment ago may still be on its way out
            leaks = leakedServers();
        }
        leaks = new ArrayList<>(leaks);
        leaks.addAll(leakedContainers());
        if (!leaks.isEmpty()) {
            throw new AssertionError(context.getDisplayName() + " left running: " + String.join("; ", leaks));
        }
    }

    /**
     * Postmasters of this build (their data directory under this module's {@code tradeoffbench.data.root}, which the
     * build's tests and the runs they start use) started after this JVM, other than the shared test server. Other
     * PostgreSQL servers on the machine — a second checkout's tests, a benchmark in another terminal, a dev
     * database — are not this build's business.
     */
    public static List<String> leakedServers() {
        String shared = TestTargets.sharedPostgresUrl().map(url -> " -p " + url.replaceAll(".*:(\\d+)/.*", "$1") + " ")
                .orElse(null);
        String root = System.getProperty(EmbeddedPostgresServer.DATA_ROOT_PROPERTY);
        String ours = "/bin/postgres -D " + (root == null ? "" : java.nio.file.Path.of(root).toAbsolutePath() + "/");
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().startInstant().map(t -> !t.isBefore(JVM_START)).orElse(false))
                .filter(p -> p.info().commandLine().map(c -> c.contains(ours)
                        && (shared == null || !c.contains(shared))).orElse(false))
                .map(p -> "postgres pid " + p.pid() + " (" + p.info().commandLine().orElse("?") + ")")
                .toList();
    }

    /** Containers labelled by this project, when the tests are configured for Docker. */
    static List<String> leakedContainers() {
        if (System.getenv("TRADEOFF_BENCH_TEST_PG_IMAGE") == null) {
            return List.of();
        }
        try {
            Process docker = new ProcessBuilder("docker", "ps", "-a", "--filter", "label=dev.tradeoffbench",
                    "--format", "{{.ID}} {{.Image}} {{.Status}}").redirectErrorStream(true).start();
            String out = new String(docker.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!docker.waitFor(15, TimeUnit.SECONDS) || docker.exitValue() != 0) {
                return List.of();
            }
            return out.isEmpty() ? List.of() : out.lines().map(l -> "container " + l).toList();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
