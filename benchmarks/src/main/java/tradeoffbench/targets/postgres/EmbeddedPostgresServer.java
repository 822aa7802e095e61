package tradeoffbench.targets.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tradeoffbench.targets.Endpoint;
import tradeoffbench.targets.Remains;
import tradeoffbench.targets.Server;
import tradeoffbench.targets.TargetException;
import tradeoffbench.targets.TargetMode;

/**
 * A real PostgreSQL server (zonky's binaries from Maven Central) started as a child process of the launching JVM,
 * on a free loopback port, in a fresh data directory, with the harness's durability settings.
 */
public final class EmbeddedPostgresServer implements Server {
    /** The PostgreSQL major version of the binaries on the class path (see the binaries BOM in pom.xml). */
    public static final String MAJOR_VERSION = "17";

    /** Data directories are named so: tests and the watchdog find this project's servers by it. */
    public static final String DATA_PREFIX = "tradeoffbench-pg-";
    /**
     * Where data directories go: the system temporary directory, or {@code -Dtradeoffbench.data.root} (the tests set
     * it to their module's build folder, so they count only the servers they started).
     */
    public static final String DATA_ROOT_PROPERTY = "tradeoffbench.data.root";

    /** The folder data directories are created in (made if missing). */
    public static Path dataRoot() throws IOException {
        String root = System.getProperty(DATA_ROOT_PROPERTY);
        return root == null || root.isBlank() ? Path.of(System.getProperty("java.io.tmpdir"))
                : Files.createDirectories(Path.of(root));
    }

    private final EmbeddedPostgres postgres;
    private final Endpoint endpoint;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Endpoint endpoint, Path dataDirectory) {
        this.postgres = postgres;
        this.endpoint = endpoint;
        this.dataDirectory = dataDirectory;
    }

    private static final java.util.concurrent.atomic.AtomicBoolean REAPED = new java.util.concurrent.atomic.AtomicBoolean();

    public static EmbeddedPostgresServer start() {
        Path dataDirectory;
        try {
            if (REAPED.compareAndSet(false, true)) {
                int removed = StaleDataDirectories.reap(dataRoot(), java.time.Instant.now());
                if (removed > 0) {
                    System.err.println("tradeoff-bench: removed " + removed + " data director"
                            + (removed == 1 ? "y" : "ies") + " of embedded servers that no process uses (left by "
                            + "a machine restart or a killed watchdog) from " + dataRoot());
                }
            }
            dataDirectory = Files.createTempDirectory(dataRoot(), DATA_PREFIX);
        } catch (IOException e) {
            throw new TargetException("cannot create a data directory for embedded PostgreSQL: " + e.getMessage(), e);
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(true);
        PostgresDurability.serverSettings().forEach(builder::setServerConfig);
        EmbeddedPostgres postgres;
        try {
            postgres = builder.start();
        } catch (IOException | RuntimeException e) {
            throw new TargetException("cannot start embedded PostgreSQL: " + PostgresIdentity.oneLine(e.getMessage()), e);
        }
        try {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            return new EmbeddedPostgresServer(postgres,
                    PostgresIdentity.read(TargetMode.EMBEDDED, url, "postgres", null), dataDirectory);
        } catch (RuntimeException e) {
            closeQuietly(postgres);
            throw e;
        }
    }

    @Override
    public Endpoint endpoint() {
        return endpoint;
    }

    /** The postmaster (pg_ctl daemonizes it, so it is no child of this JVM): found by its port. */
    @Override
    public List<Long> processIds() {
        return postmasters(postgres.getPort());
    }

    /** The postmaster listening on {@code port}, by its command line. */
    public static List<Long> postmasters(int port) {
        String flag = " -p " + port + " ";
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("/bin/postgres ") && c.contains(flag))
                        .orElse(false))
                .map(ProcessHandle::pid).toList();
    }

    @Override
    public Remains remains() {
        return new Remains(processIds(), List.of(dataDirectory), List.of());
    }

    @Override
    public void close() {
        closeQuietly(postgres);
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            System.err.println("warning: embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }
}
