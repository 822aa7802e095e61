package tradeoffbench.experiment;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tradeoffbench.cap.PartitionTimeline;
import tradeoffbench.cap.ReplicatedPostgres;
import tradeoffbench.cap.ReplicationMode;
import tradeoffbench.cap.SecondStats;
import tradeoffbench.cap.TimelineResult;
import tradeoffbench.cap.TimelineSpec;
import tradeoffbench.family.BenchmarkName;
import tradeoffbench.family.Metric;
import tradeoffbench.results.Conditions;
import tradeoffbench.results.Summary;
import tradeoffbench.results.Target;
import tradeoffbench.results.TidyRow;
import tradeoffbench.run.Experiment;
import tradeoffbench.run.RunEnvironment;
import tradeoffbench.run.RunRecorder;

/**
 * The CAP experiment: a PostgreSQL primary (A) and a streaming replica (B), two embedded servers, partitioned by
 * cutting the loopback relay between them, once with synchronous replication (CP) and once asynchronous (AP).
 * Writes go to A, reads to both; every second of steady → partition → heal becomes tidy rows (family {@code cap},
 * benchmark {@code PartitionTimeline.cp|ap}, mode {@code timeline}, one row per second and count). The counts are
 * what happened, not estimates: their interval is the count itself.
 */
public final class CapExperiment implements Experiment {
    public static final String NAME = "cap";
    public static final String FAMILY = "cap";
    public static final String MODE = "timeline";
    static final String SECOND = "second";
    static final String PHASE = "phase";

    private final TimelineSpec spec;
    private final int replicaPort;

    public CapExperiment(TimelineSpec spec, int replicaPort) {
        this.spec = spec;
        this.replicaPort = replicaPort;
    }

    /** The timeline's benchmark name for a replication mode: {@code PartitionTimeline.cp}. */
    public static BenchmarkName benchmark(ReplicationMode mode) {
        return BenchmarkName.of(FAMILY, "PartitionTimeline." + mode.label());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("steady_seconds", spec.steadySeconds());
        settings.put("partition_seconds", spec.partitionSeconds());
        settings.put("heal_seconds", spec.healSeconds());
        settings.put("write_timeout_ms", spec.writeTimeoutMs());
        settings.put("pace_ms", spec.paceMs());
        settings.put("cut", spec.cut().label());
        return settings;
    }

    @Override
    public void run(RunRecorder recorder, PrintStream out) throws Exception {
        for (ReplicationMode mode : List.of(ReplicationMode.CP, ReplicationMode.AP)) {
            recorder.started(benchmark(mode), "the " + mode.label() + " partition timeline");
            out.printf("cap %s: primary + replica (%s replication), %d s steady, %d s partition (%s), %d s healed%n",
                    mode.label(), mode == ReplicationMode.CP ? "synchronous, remote_apply" : "asynchronous",
                    spec.steadySeconds(), spec.partitionSeconds(), spec.cut().label(), spec.healSeconds());
            // The pair stops its servers and relay on close, and from its own shutdown hook on Ctrl-C.
            try (ReplicatedPostgres pair = ReplicatedPostgres.start(mode, replicaPort)) {
                TimelineResult result = new PartitionTimeline(pair, spec).run();
                recorder.manifest().server(mode.label() + ".primary", result.primary());
                recorder.manifest().server(mode.label() + ".replica", result.replica());
                recorder.add(rows(recorder, result), List.of());
                out.print(table(result));
            }
        }
    }

    /** One row per second and count, plus convergence, the checksum comparison and the unacknowledged commits. */
    static List<TidyRow> rows(RunRecorder recorder, TimelineResult r) {
        List<TidyRow> rows = new ArrayList<>();
        BenchmarkName benchmark = benchmark(r.mode());
        Target target = target(r);
        String jvm = RunEnvironment.jvm();
        for (SecondStats s : r.seconds()) {
            Conditions c = conditions(r.spec(), s.second(), s.phase().label());
            Map<String, Double> counts = new LinkedHashMap<>();
            counts.put("writes_attempted", (double) s.writesAttempted());
            counts.put("writes_acknowledged", (double) s.writesAcknowledged());
            counts.put("writes_acknowledged_started_in_cut", (double) s.writesAcknowledgedStartedInCut());
            counts.put("writes_unacknowledged", (double) s.writesUnacknowledged());
            counts.put("writes_refused", (double) s.writesRefused());
            counts.put("writes_failed", (double) s.writesFailed());
            counts.put("reads_b", (double) s.readsB());
            counts.put("stale_reads_b", (double) s.staleReadsB());
            counts.put("read_errors_b", (double) s.readErrorsB());
            counts.put("staleness_versions", (double) s.maxStalenessVersions());
            counts.put("staleness_ms", s.maxStalenessMs());
            counts.put("reads_a", (double) s.readsA());
            counts.put("ahead_reads_a", (double) s.aheadReadsA());
            counts.put("read_errors_a", (double) s.readErrorsA());
            counts.forEach((metric, value) -> rows.add(row(recorder, benchmark, target, c, metric, value, unit(metric),
                    jvm)));
        }
        Conditions healed = conditions(r.spec(), r.spec().steadySeconds() + r.spec().partitionSeconds(), "healed");
        rows.add(row(recorder, benchmark, target, healed, "convergence_ms", r.convergenceMs(), "ms", jvm));
        rows.add(row(recorder, benchmark, target, healed, "checksums_match", r.checksumsMatch() ? 1 : 0, "bool", jvm));
        rows.add(row(recorder, benchmark, target, healed, "unacked_local_commits", r.unackedLocalCommits(), "writes",
                jvm));
        return rows;
    }

    private static TidyRow row(RunRecorder recorder, BenchmarkName benchmark, Target target, Conditions c, String metric,
                               double value, String unit, String jvm) {
        return new TidyRow(recorder.run(), benchmark, target, c, MODE, Metric.of(metric),
                new Summary(value, value, value, unit, 1, 1, null, value, null, null, null, null, null), jvm);
    }

    private static Conditions conditions(TimelineSpec spec, int second, String phase) {
        TreeMap<String, String> params = new TreeMap<>();
        params.put(SECOND, String.valueOf(second));
        params.put(PHASE, phase);
        params.put("partition_seconds", String.valueOf(spec.partitionSeconds()));
        params.put("write_timeout_ms", String.valueOf(spec.writeTimeoutMs()));
        params.put("pace_ms", String.valueOf(spec.paceMs()));
        params.put("cut", spec.cut().label());
        return new Conditions(params, 1);
    }

    /** The primary's identity, with the replica's replication settings prefixed {@code replica.}. */
    private static Target target(TimelineResult r) {
        TreeMap<String, String> settings = new TreeMap<>(r.primary().settings());
        for (String key : List.of("hot_standby", "wal_retrieve_retry_interval", "wal_receiver_timeout")) {
            String value = r.replica().settings().get(key);
            if (value != null) {
                settings.put("replica." + key, value);
            }
        }
        return new Target(r.primary().engine().label(), r.primary().mode().label(), r.primary().version(), settings);
    }

    private static String unit(String metric) {
        return switch (metric) {
            case "staleness_ms" -> "ms";
            case "staleness_versions" -> "versions";
            default -> metric.contains("reads") || metric.startsWith("read_") ? "reads" : "writes";
        };
    }

    /** The per-second table printed to the console. */
    static String table(TimelineResult r) {
        StringBuilder t = new StringBuilder();
        t.append(String.format("%s: convergence after heal %d ms, checksums %s, unacknowledged local commits %d%n",
                r.mode().label().toUpperCase(), r.convergenceMs(), r.checksumsMatch() ? "match" : "DIFFER",
                r.unackedLocalCommits()));
        t.append(String.format("  %6s %-9s %7s %6s %8s %7s %7s %7s %7s %7s%n", "second", "phase", "writes", "acked",
                "unacked", "refused", "readsB", "staleB", "readsA", "aheadA"));
        for (SecondStats s : r.seconds()) {
            t.append(String.format("  %6d %-9s %7d %6d %8d %7d %7d %7d %7d %7d%n", s.second(), s.phase().label(),
                    s.writesAttempted(), s.writesAcknowledged(), s.writesUnacknowledged(), s.writesRefused(),
                    s.readsB(), s.staleReadsB(), s.readsA(), s.aheadReadsA()));
        }
        return t.toString();
    }
}
