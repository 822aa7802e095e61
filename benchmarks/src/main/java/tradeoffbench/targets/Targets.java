package tradeoffbench.targets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import tradeoffbench.targets.mongo.MongoContainerServer;
import tradeoffbench.targets.mongo.MongoIdentity;
import tradeoffbench.targets.postgres.EmbeddedPostgresServer;
import tradeoffbench.targets.postgres.PostgresContainerServer;
import tradeoffbench.targets.postgres.PostgresIdentity;
import tradeoffbench.targets.postgres.PostgresUrl;

/**
 * The servers of one run: provisioned once in the launching JVM, stopped once at the end (also from a shutdown
 * hook on Ctrl-C; {@link #close()} is idempotent and thread-safe).
 */
public final class Targets implements AutoCloseable {
    private final List<Server> servers = new ArrayList<>();
    /** Endpoint names of servers not named by their engine's key (the shards: {@code pg.shard0}, ...). */
    private final Map<Server, String> names = new IdentityHashMap<>();
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
                case EXTERNAL -> startExternalPostgres(o.pgUrl());
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

    private synchronized void add(Server server, String name) {
        add(server);
        names.put(server, name);
    }

    /**
     * Starts the {@code count} PostgreSQL shard servers that {@link Sharded} benchmarks need, named
     * {@link Sharded#ENDPOINT_PREFIX}{@code 0..count-1}: the user's {@code shardUrls} when given (the first
     * {@code count} of them; the caller checks there are enough), else servers of {@code mode} started in parallel
     * (N embedded servers or N containers, each with the harness's modest settings, see PostgresDurability). On
     * failure everything started so far, shards and main servers, is stopped.
     */
    public Targets startShards(int count, TargetMode mode, List<String> shardUrls, TargetOptions options,
                               String runId, Consumer<String> log) {
        if (count < 1) {
            return this;
        }
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(count, 4), r -> {
            Thread t = new Thread(r, "tradeoff-bench-shard-start");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> started = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = Sharded.ENDPOINT_PREFIX + i;
                String url = shardUrls.isEmpty() ? null : shardUrls.get(i);
                started.add(pool.submit(() -> {
                    Server server;
                    try {
                        server = url != null ? startExternalPostgres(url)
                                : start(Engine.POSTGRESQL, mode, options, runId);
                    } catch (RuntimeException e) {
                        throw new TargetException("shard " + name + ": " + e.getMessage(), e);
                    }
                    add(server, name);
                    log.accept("target " + name + ": " + server.endpoint().describe());
                }));
            }
            RuntimeException failure = null;
            for (Future<?> f : started) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException r ? r
                                : new TargetException("cannot start a shard: " + e.getCause(), e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = new TargetException("interrupted while starting shards");
                }
            }
            if (failure != null) {
                throw failure;
            }
            log.accept(String.format("target %d PostgreSQL shard(s) ready in %.1f s", count,
                    (System.nanoTime() - start) / 1e9));
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Server startExternalPostgres(String url) {
        PostgresUrl parsed = PostgresUrl.parse(url);
        return new ExternalServer(PostgresIdentity.read(TargetMode.EXTERNAL, parsed.jdbcUrl(), parsed.user(),
                parsed.password()));
    }

    public synchronized Endpoints endpoints() {
        Map<String, Endpoint> byName = new LinkedHashMap<>();
        servers.forEach(s -> byName.put(names.getOrDefault(s, s.endpoint().engine().key()), s.endpoint()));
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
