package tradeoffbench.target;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import tradeoffbench.target.mongo.MongoContainerServer;
import tradeoffbench.target.mongo.MongoIdentity;
import tradeoffbench.target.postgres.EmbeddedPostgresServer;
import tradeoffbench.target.postgres.PostgresContainerServer;
import tradeoffbench.target.postgres.PostgresIdentity;
import tradeoffbench.target.postgres.PostgresUrl;

/**
 * The servers of one run: provisioned once in the launching JVM, stopped once at the end (also from a shutdown
 * hook on Ctrl-C; {@link #close()} is idempotent and thread-safe).
 */
public final class Targets implements AutoCloseable {
    private final List<Server> servers = new ArrayList<>();
    private final Map<Engine, Resolution> resolutions;
    private boolean closed;

    public Targets(Map<Engine, Resolution> resolutions) {
        this.resolutions = new EnumMap<>(resolutions);
    }

    /**
     * Starts (or connects to) a server for every needed engine that resolved to a mode. On failure everything
     * started so far is stopped and the {@link TargetException} propagates. Servers are registered as soon as
     * they are up, so a {@link #close()} from a shutdown hook during provisioning stops them too.
     */
    public Targets start(Collection<Engine> needed, TargetOptions options, String runId, Consumer<String> log) {
        try {
            for (Engine engine : needed) {
                Resolution resolution = resolutions.get(engine);
                if (resolution == null || !resolution.available()) {
                    continue;
                }
                long start = System.nanoTime();
                Server server = start(engine, resolution.mode(), options, runId);
                add(server);
                log.accept(String.format("target %s: %s, ready in %.1f s", engine.label(),
                        server.endpoint().describe(), (System.nanoTime() - start) / 1e9));
            }
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static Server start(Engine engine, TargetMode mode, TargetOptions o, String runId) {
        return switch (engine) {
            case POSTGRESQL -> switch (mode) {
                case EXTERNAL -> {
                    PostgresUrl url = PostgresUrl.parse(o.pgUrl());
                    yield new ExternalServer(PostgresIdentity.read(mode, url.jdbcUrl(), url.user(), url.password()));
                }
                case CONTAINER -> PostgresContainerServer.start(o.pgImage(), o.pull(), runId);
                case EMBEDDED -> EmbeddedPostgresServer.start();
                case FAKE -> throw new TargetException("PostgreSQL has no fake mode");
            };
            case MONGODB -> switch (mode) {
                case EXTERNAL, FAKE -> new ExternalServer(MongoIdentity.read(mode, o.mongoUrl()));
                case CONTAINER -> MongoContainerServer.start(o.mongoImage(), o.pull(), runId);
                case EMBEDDED -> throw new TargetException("MongoDB has no embedded mode");
            };
        };
    }

    private synchronized void add(Server server) {
        if (closed) {
            server.close();
            throw new TargetException("run stopped while starting " + server.endpoint().engine().label());
        }
        servers.add(server);
    }

    public synchronized Endpoints endpoints() {
        Map<String, Endpoint> byName = new LinkedHashMap<>();
        servers.forEach(s -> byName.put(s.endpoint().engine().key(), s.endpoint()));
        return new Endpoints(byName);
    }

    public Map<Engine, Resolution> resolutions() {
        return resolutions;
    }

    /** Stops every server the run started, newest first. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = servers.size() - 1; i >= 0; i--) {
            servers.get(i).close();
        }
    }
}
