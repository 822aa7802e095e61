package tradeoffbench.run;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.openjdk.jmh.results.BenchmarkResult;
import tradeoffbench.catalog.UsageException;
import tradeoffbench.results.ForkRow;
import tradeoffbench.results.RunIdentity;
import tradeoffbench.targets.DockerProbe;
import tradeoffbench.targets.Endpoints;
import tradeoffbench.targets.Engine;
import tradeoffbench.targets.Resolution;
import tradeoffbench.targets.TargetResolver;
import tradeoffbench.targets.Targets;

/**
 * One run, start to end (docs/ARCHITECTURE.md, "What a run does"): resolve targets and decide the servers → start
 * them once → every trial's forks, interleaved in rounds ({@link Schedule}) → tidy rows in {@code results/<run-id>/}
 * after every fork → stop every server. Bad input and unreachable targets fail before a results folder exists; once
 * it exists it always ends with a valid {@code run.json} saying how the run ended, also on Ctrl-C.
 */
public final class RunSession {
    /** Exit codes: 0 completed, 1 a benchmark failed (rows before it kept), 2 bad input or unreachable target. */
    public static final int OK = 0;
    public static final int FAILED = 1;
    static final String JMH_LOG = "jmh.log";

    private final RunRequest request;
    private final DockerProbe docker;
    private final PrintStream out;
    /** The console's error stream, kept: while a fork runs System.err goes to jmh.log. */
    private final PrintStream console = System.err;
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
        Set<Engine> wanted = EnumSet.noneOf(Engine.class);
        request.trials().forEach(t -> wanted.addAll(t.method().needs()));
        Map<Engine, Resolution> resolutions = request.trials().isEmpty() ? Map.of()
                : TargetResolver.resolve(request.targets(), docker, wanted);
        ServerPlan plan = request.trials().isEmpty() ? new ServerPlan(List.of(), Map.of(), List.of())
                : ServerPlan.of(request.trials(), resolutions, request.targets());
        DiskSpace.check(plan.runnable(), resolutions);
        var needed = new LinkedHashSet<Engine>();
        plan.runnable().forEach(t -> needed.addAll(t.method().needs()));
        resolutions.values().stream().filter(r -> needed.contains(r.engine()) || !r.available())
                .forEach(r -> out.println("target " + r.describe()));
        // One line per reason, naming every benchmark it skips (run.json keeps one entry per benchmark).
        Map<String, List<String>> byReason = new java.util.LinkedHashMap<>();
        plan.skipped().forEach((name, reason) -> byReason.computeIfAbsent(reason, r -> new java.util.ArrayList<>())
                .add(name));
        byReason.forEach((reason, names) -> out.println("skipped " + String.join(", ", names) + ": " + reason));
        Path resultsDir = writableResultsDir(request.resultsDir());

        Instant startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String gitSha = RunEnvironment.gitSha(Path.of("."));
        Thread hook = new Thread(this::onShutdown, "tradeoff-bench-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            String label = RunEnvironment.runId(startedAt, gitSha);
            targets = new Targets(request.targets(), label);
            targets.start(plan.servers(), out::println);
            RunFolder folder = RunFolder.create(resultsDir, startedAt, gitSha);
            RunManifest manifest = new RunManifest(folder.runId(), startedAt.toString(), gitSha,
                    request.maskedCommand(), request.profile().label(), request.jmh(),
                    plan.runnable().stream().map(t -> t.method().shortName()).distinct().toList(),
                    plan.runnable().size());
            plan.skipped().forEach(manifest::skipped);
            request.experiments().forEach(e -> manifest.experiment(e.name(), e.settings()));
            recorder = new RunRecorder(folder.path(), new RunIdentity(folder.runId(), startedAt.toString(), gitSha,
                    RunEnvironment.machine()), manifest);
            return measure(plan, resolutions, folder);
        } finally {
            finish();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
        }
    }

    private int measure(ServerPlan plan, Map<Engine, Resolution> resolutions, RunFolder folder) {
        Endpoints endpoints = targets.endpoints();
        try {
            endpointsFile = Files.createTempFile("tradeoff-bench-endpoints-", ".properties");
        } catch (IOException e) {
            throw new UsageException("cannot create the endpoints file: " + e.getMessage());
        }
        targets.watchdog().watchPath(endpointsFile);
        targets.watchdog().watchManifest(folder.path().resolve(RunManifest.FILE_NAME));
        endpoints.write(endpointsFile);
        RunManifest manifest = recorder.manifest();
        resolutions.values().forEach(r -> manifest.target(r, endpoints.find(r.engine()).orElse(null)));
        endpoints.all().forEach((name, e) -> {
            if (!Endpoints.isMain(name)) {
                manifest.server(name, e);
            }
        });
        recorder.flush();

        List<Schedule.Slot> slots = Schedule.interleaved(plan.runnable(), request.jmh().forks());
        out.println("run " + folder.runId() + ": " + plan.runnable().size() + " trial(s) x " + request.jmh().forks()
                + " fork(s), interleaved" + (request.experiments().isEmpty() ? "" : ", then "
                + request.experiments().stream().map(Experiment::name).toList()) + "; profile "
                + request.profile().label() + "; results in " + folder.path());
        // Two runs on one machine both measure (each records the other's load against its forks), rather than the
        // second dying on JMH's lock after its servers started.
        System.setProperty("jmh.ignoreLock", "true");
        System.setProperty(tradeoffbench.dataset.Announce.RUN_STARTED_PROPERTY,
                String.valueOf(System.currentTimeMillis()));
        RunManifest.Status status = RunManifest.Status.COMPLETED;
        long start = System.nanoTime();
        try (PrintStream jmhLog = slots.isEmpty() ? null : jmhLog(folder.path())) {
            for (Schedule.Slot slot : slots) {
                if (finished.get()) {
                    break;
                }
                Trial trial = slot.trial();
                recorder.started(trial.method().name(), trial.describe() + ", fork " + slot.fork());
                out.println(progress(slot, slots.size(), start));
                MachineLoad.Snapshot before = MachineLoad.now(targets.processIds());
                Instant forkStart = Instant.now();
                BenchmarkResult result = forkOutputTo(jmhLog,
                        () -> JmhLauncher.runFork(trial, request.jmh(), endpointsFile, jmhLog));
                MachineLoad.Snapshot after = MachineLoad.now(targets.processIds());
                MachineLoad.Fork load = MachineLoad.between(before, after);
                ForkRow fork = new ForkRow(folder.runId(), trial.method().name(), trial.conditions(),
                        trial.modeLabel(), slot.fork(), slot.position(), forkStart.toString(),
                        (after.nanos() - before.nanos()) / 1e9, load.load1(), load.outsideCores(), load.stealPercent(),
                        result.getParams().getVmName() + " " + result.getParams().getVmVersion());
                recorder.forkDone(trial, TargetColumns.of(trial, endpoints), slot.fork(), result, fork);
            }
            for (Experiment experiment : request.experiments()) {
                if (finished.get()) {
                    break;
                }
                experiment.run(recorder, out);
            }
        } catch (Exception e) {
            if (finished.get()) {
                return FAILED; // interrupted: the shutdown hook tells the story
            }
            status = RunManifest.Status.FAILED;
            RunRecorder.Step step = recorder.current();
            manifest.failed(step == null ? "(none)" : step.benchmark().shortName(),
                    step == null ? "before the first trial" : step.description(), rootMessage(e));
            out.println("FAILED " + (step == null ? "before the first trial" : step.benchmark().fullName() + " — "
                    + step.description()) + ": " + rootMessage(e));
        }
        if (!finished.compareAndSet(false, true)) {
            return FAILED; // interrupted meanwhile: the shutdown hook has said how the run ended, once
        }
        manifest.finish(status, Instant.now().toString());
        recorder.flush();
        recorder.writeJmhJson();
        out.println((status == RunManifest.Status.COMPLETED ? "completed" : "failed") + ": " + recorder.rowCount()
                + " result rows in " + folder.path() + " (" + duration(System.nanoTime() - start) + ")");
        return status == RunManifest.Status.COMPLETED ? OK : FAILED;
    }

    /** A fork's work, returning its result or throwing what it threw. */
    @FunctionalInterface
    interface ForkWork {
        BenchmarkResult run() throws Exception;
    }

    /**
     * JMH's host prints what a fork writes to System.out and System.err itself: while a fork runs, both go where JMH's
     * own output goes (jmh.log, whose {@link ForkOutput} shows the benchmarks' announcements on the console).
     */
    private BenchmarkResult forkOutputTo(PrintStream jmhLog, ForkWork work) throws Exception {
        if (request.verbose()) {
            return work.run();
        }
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        System.setOut(jmhLog);
        System.setErr(jmhLog);
        try {
            return work.run();
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    private PrintStream jmhLog(Path folder) {
        if (request.verbose()) {
            return new PrintStream(new NonClosing(out), true, StandardCharsets.UTF_8);
        }
        try {
            return new PrintStream(new ForkOutput(Files.newOutputStream(folder.resolve(JMH_LOG)), out), true,
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot write " + folder.resolve(JMH_LOG) + ": " + e.getMessage());
        }
    }

    /** {@code [12/90] round 2: PostgresTransferBenchmark.readThenWrite (…) — ETA 4m10s}. */
    private String progress(Schedule.Slot slot, int total, long start) {
        int done = slot.position() - 1;
        String eta = "";
        if (done > 0) {
            long perFork = (System.nanoTime() - start) / done;
            eta = " — about " + duration(perFork * (total - done)) + " left";
        }
        return String.format("[%d/%d] round %d: %s%s", slot.position(), total, slot.fork(), slot.trial().describe(),
                eta);
    }

    static String duration(long nanos) {
        Duration d = Duration.ofNanos(nanos);
        return d.toMinutes() > 0 ? d.toMinutes() + " min " + d.toSecondsPart() + " s" : d.toSeconds() + " s";
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
                r.writeJmhJson();
                console.println("interrupted: " + r.rowCount() + " completed result rows kept in " + r.folder());
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
     * Proves the results folder writable before any server starts, without creating it: a folder that does not
     * exist yet is made by {@link RunFolder#create} once the run starts, so a run refused before that leaves nothing.
     */
    static Path writableResultsDir(Path dir) {
        try {
            Path existing = dir.toAbsolutePath();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing == null || !Files.isDirectory(existing)) {
                throw new IOException((existing == null ? dir : existing) + " is not a directory");
            }
            Path probe = Files.createTempFile(existing, ".write-check", ".tmp");
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

    /** Lets JMH's writer close its stream without closing the console. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
