package tradeoffbench.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.openjdk.jmh.runner.RunnerException;
import tradeoffbench.catalog.BenchmarkCatalog;
import tradeoffbench.catalog.BenchmarkMethod;
import tradeoffbench.catalog.UsageException;
import tradeoffbench.results.RowContext;
import tradeoffbench.targets.DockerProbe;
import tradeoffbench.targets.Endpoints;
import tradeoffbench.targets.Engine;
import tradeoffbench.targets.Resolution;
import tradeoffbench.targets.Sharded;
import tradeoffbench.targets.TargetMode;
import tradeoffbench.targets.TargetResolver;
import tradeoffbench.targets.Targets;

/**
 * One run, start to end (DESIGN.md, "What a run does"): select → resolve and provision targets once → JMH →
 * tidy rows in {@code results/<run-id>/} → stop every server. Bad input and unreachable targets fail before a
 * results folder exists; once it exists it always ends with a valid {@code run.json} saying how the run ended,
 * also on Ctrl-C.
 */
public final class RunSession {
    /** Exit codes: 0 completed, 1 a benchmark failed (rows before it kept), 2 bad input or unreachable target. */
    public static final int OK = 0;
    public static final int FAILED = 1;

    private final RunRequest request;
    private final DockerProbe docker;
    private final PrintStream out;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile Targets targets;
    private volatile RunRecorder recorder;
    private volatile Path endpointsFile;

    public RunSession(RunRequest request, DockerProbe docker, PrintStream out) {
        this.request = request;
        this.docker = docker;
        this.out = out;
    }

    public int execute() {
        BenchmarkCatalog catalog = BenchmarkCatalog.load();
        List<BenchmarkMethod> selected = catalog.select(request.families(), request.benchmarkPatterns());
        request.jmh().checkParams(BenchmarkCatalog.params(selected));
        request.jmh().checkValues(BenchmarkCatalog.rules(selected));

        Map<Engine, Resolution> resolutions = TargetResolver.resolve(request.targets(), docker);
        List<BenchmarkMethod> runnable = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        Set<Engine> needed = EnumSet.noneOf(Engine.class);
        for (BenchmarkMethod m : selected) {
            List<Resolution> missing = m.needs().stream().map(resolutions::get).filter(r -> !r.available()).toList();
            for (Resolution r : missing) {
                if (r.userError()) {
                    throw new UsageException(r.engine().label() + " target: " + r.reason());
                }
            }
            if (missing.isEmpty()) {
                runnable.add(m);
                needed.addAll(m.needs());
            } else {
                skipped.put(m.shortName(), missing.get(0).describe());
            }
        }
        int shards = shardServers(runnable, skipped, resolutions.get(Engine.POSTGRESQL));
        resolutions.values().stream().filter(r -> needed.contains(r.engine()) || !r.available())
                .forEach(r -> out.println("target " + r.describe()));
        skipped.forEach((name, reason) -> out.println("skipped " + name + ": " + reason));
        if (runnable.isEmpty()) {
            throw new UsageException("nothing to run: every selected benchmark needs a target that is not available");
        }
        Path resultsDir = writableResultsDir(request.resultsDir());

        Instant startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String gitSha = RunEnvironment.gitSha(Path.of("."));
        String runId = RunEnvironment.runId(startedAt, gitSha);
        Thread hook = new Thread(this::onShutdown, "tradeoff-bench-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            targets = new Targets(resolutions).start(needed, request.targets(), runId, out::println);
            if (shards > 0) {
                out.println("target " + shards + " PostgreSQL shard server(s) for the sharded benchmarks: "
                        + (request.targets().pgShardUrls().isEmpty()
                        ? resolutions.get(Engine.POSTGRESQL).mode().label() : "--pg-shard-urls"));
                targets.startShards(shards, resolutions.get(Engine.POSTGRESQL).mode(),
                        request.targets().pgShardUrls(), request.targets(), runId, out::println);
            }
            return measure(runnable, skipped, runId, startedAt, gitSha, resultsDir);
        } finally {
            finish();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
        }
    }

    private int measure(List<BenchmarkMethod> runnable, Map<String, String> skipped, String runId, Instant startedAt,
                        String gitSha, Path resultsDir) {
        Endpoints endpoints = targets.endpoints();
        Path folder = resultsDir.resolve(runId);
        try {
            Files.createDirectories(folder);
            endpointsFile = Files.createTempFile("tradeoff-bench-endpoints-", ".properties");
        } catch (IOException e) {
            throw new UsageException("cannot create results folder " + folder + ": " + e.getMessage());
        }
        endpoints.write(endpointsFile);

        RunManifest manifest = new RunManifest(runId, startedAt.toString(), gitSha, request.maskedCommand(),
                request.profile().label(), request.jmh(), runnable.stream().map(BenchmarkMethod::shortName).toList());
        targets.resolutions().values().forEach(r -> manifest.target(r, endpoints.find(r.engine()).orElse(null)));
        endpoints.all().forEach((name, e) -> {
            if (name.startsWith(Sharded.ENDPOINT_PREFIX)) {
                manifest.shard(name, e);
            }
        });
        skipped.forEach(manifest::skipped);
        Map<String, BenchmarkMethod> byName = new LinkedHashMap<>();
        runnable.forEach(m -> byName.put(m.fullName(), m));
        recorder = new RunRecorder(folder, new RowContext(runId, startedAt.toString(), gitSha,
                RunEnvironment.machine()), byName, endpoints, manifest);
        recorder.flush();
        out.println("run " + runId + ": " + runnable.size() + " benchmark method(s), profile " + request.profile().label()
                + ", results in " + folder);

        RunManifest.Status status;
        try {
            JmhLauncher.run(runnable, request.jmh(), endpointsFile, recorder, out);
            status = RunManifest.Status.COMPLETED;
        } catch (RunnerException | RuntimeException e) {
            status = RunManifest.Status.FAILED;
            String benchmark = recorder.current() == null ? "(none)" : recorder.current();
            manifest.failed(benchmark, rootMessage(e));
            out.println("FAILED " + benchmark + ": " + rootMessage(e));
        }
        if (finished.compareAndSet(false, true)) {
            manifest.finish(status, Instant.now().toString());
            recorder.flush();
        }
        out.println((status == RunManifest.Status.COMPLETED ? "completed" : "failed") + ": " + recorder.rowCount()
                + " result rows in " + folder);
        return status == RunManifest.Status.COMPLETED ? OK : FAILED;
    }

    /** The run folder, once it exists (for what runs after the measurement, e.g. verdicts); else null. */
    public Path folder() {
        RunRecorder r = recorder;
        return r == null ? null : r.folder();
    }

    /** Ctrl-C or SIGTERM: stop JMH's forks, keep the rows, say so in run.json, stop every server. */
    private void onShutdown() {
        if (finished.compareAndSet(false, true)) {
            ProcessHandle.current().descendants()
                    .filter(p -> p.info().command().map(c -> c.endsWith("/java") || c.endsWith("java.exe")).orElse(false))
                    .forEach(ProcessHandle::destroyForcibly);
            RunRecorder r = recorder;
            if (r != null) {
                r.manifest().finish(RunManifest.Status.INTERRUPTED, Instant.now().toString());
                r.flush();
                System.err.println("interrupted: " + r.rowCount() + " completed result rows kept in " + r.folder());
            }
        }
        finish();
    }

    private void finish() {
        Targets t = targets;
        if (t != null) {
            t.close();
        }
        Path file = endpointsFile;
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file; the OS cleans it
            }
        }
    }

    /**
     * How many PostgreSQL shard servers to provision for the {@link tradeoffbench.targets.Sharded} methods among
     * {@code runnable}. The user's {@code --pg-shard-urls} must name enough of them (else a one-line error). A
     * user-named main server ({@code --pg-url}) does not let the run start servers of its own: without shard URLs
     * the sharded methods are skipped with a one-line reason, like methods whose engine is missing, and when
     * nothing else was selected that reason is the error.
     */
    int shardServers(List<BenchmarkMethod> runnable, Map<String, String> skipped, Resolution postgres) {
        int shards = ShardDemand.of(runnable, request.jmh().params());
        List<String> urls = request.targets().pgShardUrls();
        if (shards == 0 || !postgres.available()) {
            return shards;
        }
        if (!urls.isEmpty() && urls.size() < shards) {
            throw new UsageException("the selected benchmarks need " + shards + " PostgreSQL shard servers, but "
                    + "--pg-shard-urls names only " + urls.size() + ": give " + shards + " URLs or lower -p shards");
        }
        if (urls.isEmpty() && postgres.mode() == TargetMode.EXTERNAL) {
            String how = " PostgreSQL shard servers: with --pg-url, name them with --pg-shard-urls url1,url2,... "
                    + "(or drop --pg-url to start them here)";
            String reason = "needs " + shards + how;
            List<BenchmarkMethod> sharded = runnable.stream().filter(ShardDemand::isSharded).toList();
            if (sharded.size() == runnable.size()) {
                throw new UsageException("the selected benchmarks need " + shards + how);
            }
            sharded.forEach(m -> skipped.put(m.shortName(), reason));
            runnable.removeAll(sharded);
            return 0;
        }
        return shards;
    }

    /** Creates the results folder if needed and proves it is writable, before any server starts. */
    static Path writableResultsDir(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
            Files.delete(probe);
            return dir;
        } catch (IOException | SecurityException e) {
            throw new UsageException("results directory " + dir + " is not writable: " + e.getMessage());
        }
    }

    /**
     * The innermost message. JMH reports a fork's failure as a BenchmarkException ("Benchmark error during the
     * run") with no cause and the fork's exceptions attached as suppressed: look into those, so the message says
     * what actually failed (e.g. which shard died).
     */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (true) {
            if (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            } else if (root.getSuppressed().length > 0
                    && root.getClass().getName().equals("org.openjdk.jmh.runner.BenchmarkException")) {
                root = root.getSuppressed()[0];
            } else {
                break;
            }
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }
}
