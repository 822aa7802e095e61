package tradeoffbench.claims;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import tradeoffbench.family.BenchmarkName;
import tradeoffbench.family.Metric;
import tradeoffbench.report.RunFolder;
import tradeoffbench.results.Conditions;
import tradeoffbench.results.IterationRow;
import tradeoffbench.results.IterationsCsv;
import tradeoffbench.results.ResultsCsv;
import tradeoffbench.results.RunIdentity;
import tradeoffbench.results.Summaries;
import tradeoffbench.results.Target;
import tradeoffbench.results.TidyRow;
import tradeoffbench.run.RunManifest;

/**
 * A golden run folder made in code: trials with their repetitions (forks × measured iterations), written to disk
 * exactly as a run writes them (results.csv summarized from iterations.csv) and read back through {@link RunFolder},
 * so a claim's fixture exercises the whole path from files to verdict.
 */
public final class FixtureRun {
    public static final int FORKS = 3;
    public static final int ITERATIONS = 6;
    static final Target POSTGRES = new Target("postgresql", "embedded", "17.7",
            new TreeMap<>(Map.of("fsync", "on", "synchronous_commit", "on")));

    private final Path folder;
    private final RunIdentity run;
    private final List<IterationRow> iterations = new ArrayList<>();
    private final Map<Summaries.Key, Target> targets = new LinkedHashMap<>();
    private final List<TidyRow> extraRows = new ArrayList<>();
    private final Map<String, String> skipped = new LinkedHashMap<>();
    private String status = "completed";
    private long seed = 1;

    private FixtureRun(Path folder) {
        this.folder = folder;
        this.run = new RunIdentity(folder.getFileName().toString(), "2026-12-01T10:00:00Z", "abc1234",
                "2 cores, 23.5 GiB, Linux 6.1 amd64");
    }

    public static FixtureRun in(Path dir, String name) {
        try {
            return new FixtureRun(Files.createDirectories(dir.resolve(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One trial: its conditions ({@code k=v} pairs) and mode; metrics are added to what it returns. */
    public Trial trial(BenchmarkName benchmark, int threads, String mode, String... params) {
        TreeMap<String, String> p = new TreeMap<>();
        for (String kv : params) {
            p.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
        return new Trial(benchmark, new Conditions(p, threads), mode);
    }

    public FixtureRun skipped(String benchmark, String reason) {
        skipped.put(benchmark, reason);
        return this;
    }

    /** Another draw of the same noise: two runs of the same code with different seeds differ by chance only. */
    public FixtureRun seed(long first) {
        seed = first;
        return this;
    }

    public FixtureRun status(String s) {
        status = s;
        return this;
    }

    /** Rows that are not JMH trials (the cap timeline), as they are. */
    public FixtureRun row(BenchmarkName benchmark, String mode, String metric, double value, String... params) {
        TreeMap<String, String> p = new TreeMap<>();
        for (String kv : params) {
            p.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
        extraRows.add(new TidyRow(run, benchmark, POSTGRES, new Conditions(p, 1), mode, Metric.of(metric),
                new tradeoffbench.results.Summary(value, value, value, "#", 1, 1, null, value, null, null, null, null,
                        null), "jvm"));
        return this;
    }

    public RunIdentity identity() {
        return run;
    }

    /** The trial being described. */
    public final class Trial {
        private final BenchmarkName benchmark;
        private final Conditions conditions;
        private final String mode;
        private Target target = POSTGRES;

        Trial(BenchmarkName benchmark, Conditions conditions, String mode) {
            this.benchmark = benchmark;
            this.conditions = conditions;
            this.mode = mode;
        }

        public Trial target(String name, String targetMode) {
            target = name.equals(POSTGRES.name())
                    ? new Target(name, targetMode, POSTGRES.version(), POSTGRES.settings())
                    : new Target(name, targetMode, "8.0.4", new TreeMap<>(Map.of("writeConcern", "majority")));
            return this;
        }

        /** Every iteration of every fork near {@code mean}: ±{@code spread} (relative), seeded. */
        public Trial metric(Metric metric, double mean, double spread) {
            SplittableRandom random = new SplittableRandom(seed++);
            double[][] values = new double[FORKS][ITERATIONS];
            for (int f = 0; f < FORKS; f++) {
                double forkLevel = 1 + spread * (random.nextDouble() - 0.5);
                for (int i = 0; i < ITERATIONS; i++) {
                    values[f][i] = mean * forkLevel * (1 + spread * (random.nextDouble() - 0.5));
                }
            }
            return values(metric, values);
        }

        /** Exactly these values: forks × iterations. */
        public Trial values(Metric metric, double[][] values) {
            for (int f = 0; f < values.length; f++) {
                for (int i = 0; i < values[f].length; i++) {
                    iterations.add(new IterationRow(run.runId(), benchmark, conditions, mode, metric, f + 1, i + 1,
                            values[f][i], unit(metric), null, null, null, null));
                }
            }
            targets.put(new Summaries.Key(benchmark, conditions, mode, metric), target);
            return this;
        }

        /** The same value in every iteration of every fork (a count). */
        public Trial constant(Metric metric, double value) {
            double[][] values = new double[FORKS][ITERATIONS];
            for (double[] f : values) {
                java.util.Arrays.fill(f, value);
            }
            return values(metric, values);
        }

        /** A latency trial near {@code mean} µs with each iteration's p50 and p99. */
        public Trial latency(double mean, double spread, double p50, double p99) {
            SplittableRandom random = new SplittableRandom(seed++);
            for (int f = 0; f < FORKS; f++) {
                for (int i = 0; i < ITERATIONS; i++) {
                    double k = 1 + spread * (random.nextDouble() - 0.5);
                    iterations.add(new IterationRow(run.runId(), benchmark, conditions, mode, Metric.LATENCY, f + 1,
                            i + 1, mean * k, "us/op", p50 * k, p50 * k * 1.2, p99 * k, p99 * k * 1.5));
                }
            }
            targets.put(new Summaries.Key(benchmark, conditions, mode, Metric.LATENCY), target);
            return this;
        }

        private String unit(Metric metric) {
            return metric.equals(Metric.LATENCY) ? "us/op" : metric.equals(Metric.THROUGHPUT) ? "ops/s" : "#";
        }

        public FixtureRun done() {
            return FixtureRun.this;
        }
    }

    /** Writes the folder as a run would, and reads it back. */
    public Evidence evidence() {
        return folder().evidence();
    }

    public RunFolder folder() {
        try {
            List<TidyRow> rows = new ArrayList<>();
            Summaries.group(iterations).forEach((key, group) -> rows.add(new TidyRow(run, key.benchmark(),
                    targets.getOrDefault(key, POSTGRES), key.conditions(), key.mode(), key.metric(),
                    Summaries.summarize(group, null), "OpenJDK 64-Bit Server VM 17.0.15")));
            rows.addAll(extraRows);
            ResultsCsv.write(folder, rows);
            IterationsCsv.write(folder, iterations);
            RunManifest manifest = new RunManifest(run.runId(), run.startedAt(), run.gitSha(), List.of("run", "all"),
                    "quick", null, List.of(), rows.size());
            skipped.forEach(manifest::skipped);
            manifest.finish(RunManifest.Status.valueOf(status.toUpperCase()), "2026-12-01T10:05:00Z");
            manifest.write(folder.resolve(RunManifest.FILE_NAME));
            return RunFolder.open(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
