package tradeoffbench.targets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The servers of one run: provisioned once in the launching JVM (several at once, e.g. N shards), stopped once at
 * the end (also from a shutdown hook on Ctrl-C; {@link #close()} is idempotent and thread-safe). Engine-blind: each
 * {@link ServerSpec} is started by its engine's {@link EngineTarget}.
 */
public final class Targets implements AutoCloseable {
    private static final int PARALLEL_STARTS = 4;

    private final TargetOptions options;
    private final String runId;
    private final Map<String, Server> servers = new LinkedHashMap<>();
    /** Removes what this run started should its JVM die without {@link #close()} (kill -9). */
    private final Watchdog watchdog = Watchdog.start();
    private boolean closed;

    public Targets(TargetOptions options, String runId) {
        this.options = options;
        this.runId = runId;
    }

    /** The run's watchdog, for more it must remove after a kill -9 (the endpoints file, the manifest to mark). */
    public Watchdog watchdog() {
        return watchdog;
    }

    /**
     * Starts (or connects to) every server, up to four at a time. On failure everything started so far is stopped
     * and the one-line {@link TargetException} propagates. Servers are registered as soon as they are up, so a
     * {@link #close()} from a shutdown hook during provisioning stops them too.
     */
    public Targets start(List<ServerSpec> specs, Consumer<String> log) {
        if (specs.isEmpty()) {
            return this;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(specs.size(), PARALLEL_STARTS), r -> {
            Thread t = new Thread(r, "tradeoff-bench-server-start");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> started = new ArrayList<>();
            for (ServerSpec spec : specs) {
                started.add(pool.submit(() -> startOne(spec, log)));
            }
            RuntimeException failure = null;
            for (Future<?> f : started) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException r ? r
                                : new TargetException("cannot start a server: " + e.getCause(), e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = new TargetException("interrupted while starting servers");
                }
            }
            if (failure != null) {
                throw failure;
            }
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }

    private void startOne(ServerSpec spec, Consumer<String> log) {
        long start = System.nanoTime();
        Server server;
        try {
            server = spec.engine().target().start(spec.mode(), spec.url(), options.of(spec.engine()),
                    options.pull(), runId);
        } catch (TargetException e) {
            throw Endpoints.isMain(spec.name()) ? e : new TargetException(spec.name() + ": " + e.getMessage(), e);
        }
        add(spec.name(), server);
        log.accept(String.format("target %s: %s, ready in %.1f s", spec.name(), server.endpoint().describe(),
                (System.nanoTime() - start) / 1e9));
    }

    private synchronized void add(String name, Server server) {
        if (closed) {
            server.close();
            throw new TargetException("run stopped while starting " + name);
        }
        servers.put(name, server);
        watchdog.watch(server.remains());
    }

    public synchronized Endpoints endpoints() {
        Map<String, Endpoint> byName = new LinkedHashMap<>();
        servers.forEach((name, s) -> byName.put(name, s.endpoint()));
        return new Endpoints(byName);
    }

    /** The operating-system processes of the servers this run started (for CPU accounting); empty for external ones. */
    public synchronized List<Long> processIds() {
        List<Long> pids = new ArrayList<>();
        servers.values().forEach(s -> pids.addAll(s.processIds()));
        return pids;
    }

    /** Stops every server the run started, newest first. */
    @Override
    public void close() {
        List<Server> toStop;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toStop = new ArrayList<>(servers.values());
        }
        for (int i = toStop.size() - 1; i >= 0; i--) {
            toStop.get(i).close();
        }
        watchdog.close();
    }
}
