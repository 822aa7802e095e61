package tradeoffbench.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tradeoffbench.cap.CapVerdict;
import tradeoffbench.cap.PartitionTimeline;
import tradeoffbench.cap.ReplicatedPostgres;
import tradeoffbench.cap.ReplicationMode;
import tradeoffbench.cap.SecondStats;
import tradeoffbench.cap.TimelineResult;
import tradeoffbench.cap.TimelineSpec;
import tradeoffbench.claims.seed.PartitionClaim;
import tradeoffbench.results.AtomicFiles;
import tradeoffbench.results.ResultsCsv;
import tradeoffbench.results.TidyRow;
import tradeoffbench.run.RunEnvironment;
import tradeoffbench.run.RunManifest;
import tradeoffbench.targets.Engine;
import tradeoffbench.targets.TargetException;

/**
 * The CAP experiment: a PostgreSQL primary and a streaming replica (two embedded servers), partitioned by cutting
 * the loopback relay between them, once with synchronous replication (CP) and once asynchronous (AP). Writes go to
 * the primary, reads to the replica; every second of steady → partition → heal is written as tidy rows, and the
 * claim "under partition, CP refuses writes and AP serves stale reads" is judged from them.
 * The Docker-container variant and the MongoDB equivalent are not part of it (no MongoDB server here).
 */
@Command(name = "cap", mixinStandardHelpOptions = true,
        description = "CAP under a network partition: a synchronous replica refuses, an asynchronous one serves stale data "
                + "(embedded PostgreSQL primary + streaming replica).")
public final class CapCommand implements Callable<Integer> {
    static final String FAMILY = "cap";
    static final int BAD_INPUT = 2;

    @Option(names = "--steady-seconds", defaultValue = "3", paramLabel = "S", description = "Seconds before the cut (default ${DEFAULT-VALUE}).")
    int steadySeconds;

    @Option(names = {"-T", "--partition-seconds"}, defaultValue = "5", paramLabel = "T", description = "Seconds the partition lasts (default ${DEFAULT-VALUE}).")
    int partitionSeconds;

    @Option(names = "--heal-seconds", defaultValue = "4", paramLabel = "S", description = "Seconds measured after the heal (default ${DEFAULT-VALUE}).")
    int healSeconds;

    @Option(names = "--write-timeout-ms", defaultValue = "1000", paramLabel = "MS", description = "A write not acknowledged within this is cancelled and counted as timed out (default ${DEFAULT-VALUE}).")
    int writeTimeoutMs;

    @Option(names = "--pace-ms", defaultValue = "5", paramLabel = "MS", description = "Pause between a worker's operations (default ${DEFAULT-VALUE}).")
    int paceMs;

    @Option(names = "--replica-port", defaultValue = "0", paramLabel = "PORT", description = "Port of the replica (default: a free one).")
    int replicaPort;

    @Option(names = "--results-dir", defaultValue = "results", paramLabel = "DIR", description = "Where the run folder is created (default ${DEFAULT-VALUE}).")
    Path resultsDir;

    /** Standalone entry point (until the command is registered in {@link Main}). */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new CapCommand()).execute(args));
    }

    @Override
    public Integer call() {
        TimelineSpec spec;
        try {
            spec = new TimelineSpec(steadySeconds, partitionSeconds, healSeconds, writeTimeoutMs, paceMs);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return BAD_INPUT;
        }
        Instant started = Instant.now();
        String gitSha = RunEnvironment.gitSha(Path.of("."));
        String runId = RunEnvironment.runId(started, gitSha);
        List<TimelineResult> results = new ArrayList<>();
        String failure = null;
        int exit = 0;
        try {
            for (ReplicationMode mode : List.of(ReplicationMode.CP, ReplicationMode.AP)) {
                System.out.printf("%s: starting primary + replica (%s replication), timeline %d s steady, %d s partition, %d s healed%n",
                        mode.label(), mode == ReplicationMode.CP ? "synchronous, remote_apply" : "asynchronous",
                        spec.steadySeconds(), spec.partitionSeconds(), spec.healSeconds());
                // The pair stops its servers and relay on close, and from its own shutdown hook on Ctrl-C.
                try (ReplicatedPostgres pair = ReplicatedPostgres.start(mode, replicaPort)) {
                    results.add(new PartitionTimeline(pair, spec).run());
                }
            }
        } catch (TargetException e) {
            failure = e.getMessage();
            exit = BAD_INPUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
            exit = 1;
        } catch (Exception e) {
            failure = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
            exit = 1;
        }
        if (failure != null) {
            System.err.println("error: " + failure);
        }
        if (results.isEmpty()) {
            return exit;
        }
        CapVerdict verdict = results.size() == 2 ? CapVerdict.judge(results.get(0), results.get(1)) : null;
        try {
            Path folder = writeRun(runId, started, gitSha, spec, results, verdict, failure);
            results.forEach(r -> System.out.print(table(r)));
            if (verdict != null) {
                System.out.println(verdict.summary());
            }
            System.out.println("results: " + folder);
        } catch (IOException e) {
            System.err.println("error: cannot write the results: " + e.getMessage());
            return 1;
        }
        return exit;
    }

    private Path writeRun(String runId, Instant started, String gitSha, TimelineSpec spec, List<TimelineResult> results,
                          CapVerdict verdict, String failure) throws IOException {
        Path folder = resultsDir.resolve(runId);
        Files.createDirectories(folder);
        List<TidyRow> rows = new ArrayList<>();
        results.forEach(r -> rows.addAll(rows(runId, started.toString(), gitSha, r)));
        ResultsCsv.write(folder.resolve(ResultsCsv.FILE_NAME), rows);

        Map<String, Object> run = new LinkedHashMap<>();
        run.put("schema", 1);
        run.put("run_id", runId);
        run.put("status", failure == null ? "completed" : "failed");
        run.put("failure", failure);
        run.put("started_at", started.toString());
        run.put("finished_at", Instant.now().toString());
        run.put("git_sha", gitSha);
        run.put("command", List.of("cap", "--steady-seconds", spec.steadySeconds(), "--partition-seconds",
                spec.partitionSeconds(), "--heal-seconds", spec.healSeconds(), "--write-timeout-ms",
                spec.writeTimeoutMs(), "--pace-ms", spec.paceMs()));
        run.put("family", FAMILY);
        Map<String, Object> targets = new LinkedHashMap<>();
        for (TimelineResult r : results) {
            targets.put(r.mode().label() + ".primary", RunManifest.identity(r.primary()));
            targets.put(r.mode().label() + ".replica", RunManifest.identity(r.replica()));
        }
        run.put("targets", targets);
        run.put("skipped", List.of(
                Map.of("benchmark", "PartitionTimeline (MongoDB)", "reason", "no MongoDB server on this machine"),
                Map.of("benchmark", "PartitionTimeline (container)", "reason", "Docker-container variant left out; embedded servers only")));
        if (verdict != null) {
            run.put("verdict", Map.of("claim", CapVerdict.CLAIM, "outcome", verdict.outcome().name(),
                    "summary", verdict.summary()));
        }
        Map<String, Object> environment = new LinkedHashMap<>();
        environment.put("machine", RunEnvironment.machine());
        environment.put("launcher_jvm", RunEnvironment.jvm());
        run.put("environment", environment);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFiles.write(folder.resolve("run.json"), out -> mapper.writeValue(out, run));
        if (verdict != null) {
            StringBuilder md = new StringBuilder();
            md.append("# Claim: ").append(CapVerdict.CLAIM).append("\n\n");
            md.append("**").append(verdict.outcome()).append("**")
                    .append(verdict.summary().substring(verdict.outcome().name().length())).append("\n\n");
            md.append("Run `").append(runId).append("`, embedded PostgreSQL ").append(results.get(0).primary().version())
                    .append(", partition ").append(spec.partitionSeconds()).append(" s, write timeout ")
                    .append(spec.writeTimeoutMs()).append(" ms.\n\n");
            results.forEach(r -> md.append("## ").append(r.mode().label()).append("\n\n```\n").append(table(r))
                    .append("```\n\n"));
            md.append("""
                    Rule: SUPPORTED when, during the partition, CP had timed-out writes and zero stale reads and AP had \
                    committed writes and stale reads; REFUTED when CP served a stale read or accepted every write, or AP \
                    committed none or never read a stale value; otherwise INCONCLUSIVE.
                    A CP write that timed out was cancelled while waiting for the standby: PostgreSQL had already \
                    committed it locally ("unacknowledged local commits" above); it reaches the replica after the heal.
                    Staleness is measured against the newest write acknowledged on the primary before the read began.
                    """);
            AtomicFiles.write(folder.resolve("verdict.md"), out -> out.write(md.toString().getBytes(StandardCharsets.UTF_8)));
        }
        return folder;
    }

    /**
     * The verdict recomputed from a results folder's rows alone (the partition seconds of
     * {@code PartitionTimeline.cp} and {@code .ap}): what the claims framework calls.
     */
    public static CapVerdict verdict(List<TidyRow> rows) {
        return PartitionClaim.verdict(rows);
    }

    /** Tidy rows: one per second x metric, plus convergence and the checksum comparison. */
    static List<TidyRow> rows(String runId, String startedAt, String gitSha, TimelineResult r) {
        List<TidyRow> rows = new ArrayList<>();
        String benchmark = "PartitionTimeline." + r.mode().label();
        String settings = settings(r);
        String machine = RunEnvironment.machine();
        String jvm = RunEnvironment.jvm();
        TimelineSpec spec = r.spec();
        for (SecondStats s : r.seconds()) {
            String params = params(s.second(), s.phase().label(), spec);
            Map<String, Number[]> metrics = new LinkedHashMap<>();
            metrics.put("writes_attempted", new Number[] {s.writesAttempted(), null});
            metrics.put("writes_committed", new Number[] {s.writesCommitted(), null});
            metrics.put("writes_timed_out", new Number[] {s.writesTimedOut(), null});
            metrics.put("writes_failed", new Number[] {s.writesFailed(), null});
            metrics.put("reads", new Number[] {s.reads(), null});
            metrics.put("stale_reads", new Number[] {s.staleReads(), null});
            metrics.put("read_errors", new Number[] {s.readErrors(), null});
            metrics.put("staleness_versions", new Number[] {s.maxStalenessVersions(), s.staleReads()});
            metrics.put("staleness_ms", new Number[] {s.maxStalenessMs(), s.staleReads()});
            metrics.forEach((metric, v) -> rows.add(new TidyRow(runId, startedAt, gitSha, FAMILY, benchmark,
                    Engine.POSTGRESQL.label(), r.primary().mode().label(), r.primary().version(), settings, params, 1,
                    "timeline", metric, v[0].doubleValue(), null, unit(metric),
                    v[1] == null ? null : v[1].longValue(), null, null, null, null, jvm, machine)));
        }
        String healed = params(spec.steadySeconds() + spec.partitionSeconds(), "healed", spec);
        rows.add(new TidyRow(runId, startedAt, gitSha, FAMILY, benchmark, Engine.POSTGRESQL.label(),
                r.primary().mode().label(), r.primary().version(), settings, healed, 1, "timeline", "convergence_ms",
                r.convergenceMs(), null, "ms", 1L, null, null, null, null, jvm, machine));
        rows.add(new TidyRow(runId, startedAt, gitSha, FAMILY, benchmark, Engine.POSTGRESQL.label(),
                r.primary().mode().label(), r.primary().version(), settings, healed, 1, "timeline", "checksums_match",
                r.checksumsMatch() ? 1 : 0, null, "bool", 1L, null, null, null, null, jvm, machine));
        rows.add(new TidyRow(runId, startedAt, gitSha, FAMILY, benchmark, Engine.POSTGRESQL.label(),
                r.primary().mode().label(), r.primary().version(), settings, healed, 1, "timeline",
                "unacked_local_commits", r.unackedLocalCommits(), null, "writes", 1L, null, null, null, null, jvm,
                machine));
        return rows;
    }

    private static String params(int second, String phase, TimelineSpec spec) {
        return "second=" + second + ";phase=" + phase + ";partition_seconds=" + spec.partitionSeconds()
                + ";write_timeout_ms=" + spec.writeTimeoutMs() + ";pace_ms=" + spec.paceMs();
    }

    private static String unit(String metric) {
        return switch (metric) {
            case "staleness_ms" -> "ms";
            case "staleness_versions" -> "versions";
            case "reads", "stale_reads", "read_errors" -> "reads";
            default -> "writes";
        };
    }

    /** The primary's settings, then the replica's replication settings prefixed {@code replica.}. */
    private static String settings(TimelineResult r) {
        StringBuilder text = new StringBuilder(r.primary().settingsText());
        for (String key : List.of("hot_standby", "wal_retrieve_retry_interval", "wal_receiver_timeout")) {
            String value = r.replica().settings().get(key);
            if (value != null) {
                text.append(";replica.").append(key).append('=').append(value);
            }
        }
        return text.toString();
    }

    /** The per-second table printed to the console and into verdict.md. */
    static String table(TimelineResult r) {
        StringBuilder t = new StringBuilder();
        t.append(String.format("%s (%s): convergence after heal %d ms, checksums %s, unacknowledged local commits %d%n",
                r.mode().label().toUpperCase(), r.mode() == ReplicationMode.CP ? "synchronous_commit=remote_apply"
                        : "asynchronous", r.convergenceMs(), r.checksumsMatch() ? "match" : "DIFFER",
                r.unackedLocalCommits()));
        t.append(String.format("%4s %-9s %8s %9s %9s %6s %6s %6s %14s %12s%n", "sec", "phase", "w.tried", "w.commit",
                "w.timeout", "w.fail", "reads", "stale", "max.stale.ver", "max.stale.ms"));
        for (SecondStats s : r.seconds()) {
            t.append(String.format("%4d %-9s %8d %9d %9d %6d %6d %6d %14d %12.1f%n", s.second(), s.phase().label(),
                    s.writesAttempted(), s.writesCommitted(), s.writesTimedOut(), s.writesFailed(), s.reads(),
                    s.staleReads(), s.maxStalenessVersions(), s.maxStalenessMs()));
        }
        return t.toString();
    }

    /*
     * HOW TO RUN THIS EXPERIMENT
     *   java -cp experiments/target/tradeoff-bench.jar tradeoffbench.cli.CapCommand          (standalone)
     *   java -jar experiments/target/tradeoff-bench.jar cap [-T 10] [--write-timeout-ms 500]  (once registered in Main)
     * About 35 s with the defaults (3 s steady, 5 s partition, 4 s healed, twice, plus ~4 s to start each pair).
     *
     * WHAT TO EXPECT
     *   CP: during the partition about one write attempt per write timeout, each timed out (cancelled while waiting
     *       for the standby: PostgreSQL has committed it locally, so it shows as an unacknowledged local commit and
     *       reaches the replica after the heal); zero stale reads on the replica. Writes commit again within
     *       ~0.1-0.3 s of the heal (the replica's wal_retrieve_retry_interval is 200 ms).
     *   AP: writes go on at the steady rate; nearly every replica read is stale, by a number of versions that grows
     *       with the partition and by up to T seconds; convergence within a few hundred ms of the heal. A few stale
     *       reads (1-2 versions, milliseconds) also appear in steady seconds: asynchronous lag, not a partition.
     *   The verdict is SUPPORTED; checksums_match is 1 for both.
     */
}
