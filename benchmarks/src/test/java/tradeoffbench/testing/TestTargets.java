package tradeoffbench.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import tradeoffbench.targets.Endpoint;
import tradeoffbench.targets.Endpoints;
import tradeoffbench.targets.TargetMode;
import tradeoffbench.targets.mongo.MongoIdentity;
import tradeoffbench.targets.postgres.EmbeddedPostgresServer;

/**
 * Servers for tests, one of each per test JVM, started on first use and stopped when the JVM exits:
 * a real embedded PostgreSQL (for numbers-free correctness checks) and the in-memory MongoDB wire-protocol fake
 * (for code paths only: it has no transactions and its behaviour is not MongoDB's).
 */
public final class TestTargets {
    private static EmbeddedPostgresServer postgres;
    private static MongoServer mongo;
    private static String mongoUrl;

    private TestTargets() {
    }

    /** The embedded PostgreSQL server of this test JVM. */
    /** Where this build's embedded servers keep their data (see the surefire configuration), made if missing. */
    public static java.nio.file.Path dataRoot() {
        try {
            return tradeoffbench.targets.postgres.EmbeddedPostgresServer.dataRoot().toAbsolutePath();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static synchronized Endpoint postgres() {
        if (postgres == null) {
            postgres = EmbeddedPostgresServer.start();
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close));
        }
        return postgres.endpoint();
    }

    /** The JDBC URL of this JVM's shared embedded server, if it was started (it lives until the JVM exits). */
    static synchronized Optional<String> sharedPostgresUrl() {
        return postgres == null ? Optional.empty() : Optional.of(postgres.endpoint().url());
    }

    /** Connection string of the in-memory MongoDB fake of this test JVM. */
    public static synchronized String mongoFakeUrl() {
        if (mongo == null) {
            mongo = new MongoServer(new MemoryBackend());
            InetSocketAddress address = mongo.bind();
            mongoUrl = "mongodb://127.0.0.1:" + address.getPort() + "/";
            Runtime.getRuntime().addShutdownHook(new Thread(mongo::shutdownNow));
        }
        return mongoUrl;
    }

    /** The fake as an endpoint, marked {@link TargetMode#FAKE}. */
    public static Endpoint mongoFake() {
        return MongoIdentity.read(TargetMode.FAKE, mongoFakeUrl());
    }

    /**
     * Writes an endpoints file for the given endpoints (keyed by engine key, e.g. {@code pg}) and points the
     * {@link Endpoints#PROPERTY} system property at it, so benchmark state classes can be set up directly in a test.
     */
    public static Path useEndpoints(Endpoint... endpoints) {
        Map<String, Endpoint> byName = new LinkedHashMap<>();
        for (Endpoint e : endpoints) {
            byName.put(e.engine().key(), e);
        }
        return useEndpoints(byName);
    }

    /** As {@link #useEndpoints(Endpoint...)}, with explicit names (e.g. {@code pg.shard1}). */
    public static Path useEndpoints(Map<String, Endpoint> byName) {
        try {
            Path file = Files.createTempFile("tradeoff-bench-test-endpoints-", ".properties");
            file.toFile().deleteOnExit();
            new Endpoints(byName).write(file);
            System.setProperty(Endpoints.PROPERTY, file.toString());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
