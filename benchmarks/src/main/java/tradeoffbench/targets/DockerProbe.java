package tradeoffbench.targets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.testcontainers.DockerClientFactory;

/** Does a Docker engine answer? An interface so target resolution can be tested with Docker absent or present. */
@FunctionalInterface
public interface DockerProbe {
    /** How long to wait for Testcontainers' answer; some hosts make it retry for minutes before giving up. */
    int TIMEOUT_SECONDS = 20;

    boolean available();

    /**
     * Asks Testcontainers, once per JVM, within {@link #TIMEOUT_SECONDS}. Without a Docker socket and without
     * {@code DOCKER_HOST} the answer is no at once.
     */
    static DockerProbe testcontainers() {
        return TestcontainersAnswer::get;
    }

    /** The cached answer of {@link #testcontainers()}. */
    final class TestcontainersAnswer {
        private static Boolean answer;

        private TestcontainersAnswer() {
        }

        static synchronized boolean get() {
            if (answer == null) {
                answer = ask();
            }
            return answer;
        }

        private static boolean ask() {
            boolean socket = Files.exists(Path.of("/var/run/docker.sock"));
            boolean host = System.getenv("DOCKER_HOST") != null;
            boolean windows = System.getProperty("os.name", "").startsWith("Windows");
            if (!socket && !host && !windows && !Files.exists(Path.of(System.getProperty("user.home"), ".docker"))) {
                return false;
            }
            CompletableFuture<Boolean> probe = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    probe.complete(DockerClientFactory.instance().isDockerAvailable());
                } catch (RuntimeException | LinkageError e) {
                    probe.complete(false);
                }
            }, "docker-probe");
            thread.setDaemon(true);
            thread.start();
            try {
                return probe.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                System.err.println("warning: Docker did not answer Testcontainers within " + TIMEOUT_SECONDS
                        + " s; treating it as absent");
                return false;
            } catch (ExecutionException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
