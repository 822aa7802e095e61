package tradeoffbench.targets.postgres;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tradeoffbench.targets.Endpoint;
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

    private final EmbeddedPostgres postgres;
    private final Endpoint endpoint;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Endpoint endpoint) {
        this.postgres = postgres;
        this.endpoint = endpoint;
    }

    public static EmbeddedPostgresServer start() {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
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
                    PostgresIdentity.read(TargetMode.EMBEDDED, url, "postgres", null));
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
        String port = " -p " + postgres.getPort() + " ";
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("/bin/postgres ") && c.contains(port))
                        .orElse(false))
                .map(ProcessHandle::pid).toList();
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
