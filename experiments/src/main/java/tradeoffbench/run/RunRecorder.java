package tradeoffbench.run;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import tradeoffbench.family.BenchmarkName;
import tradeoffbench.results.AtomicFiles;
import tradeoffbench.results.ForkRow;
import tradeoffbench.results.ForksCsv;
import tradeoffbench.results.IterationRow;
import tradeoffbench.results.IterationsCsv;
import tradeoffbench.results.ResultsCsv;
import tradeoffbench.results.RunIdentity;
import tradeoffbench.results.Summaries;
import tradeoffbench.results.Target;
import tradeoffbench.results.TidyRow;

/**
 * The files of one run folder, kept current: after every fork {@code results.csv} (each trial's rows summarized
 * anew from all its forks so far), {@code iterations.csv}, {@code forks.csv} and {@code run.json} are rewritten
 * atomically, so an interrupt or a later failure keeps every completed fork. JMH's own {@code jmh.json} (every fork of
 * every trial, for JMH Visualizer and other JMH tools) is written once, when the run ends.
 */
public final class RunRecorder {
    public static final String JMH_JSON = "jmh.json";

    private final Path folder;
    private final RunIdentity run;
    private final RunManifest manifest;
    private final Map<Trial, TrialRecord> trials = new LinkedHashMap<>();
    private final List<IterationRow> iterations = new ArrayList<>();
    private final List<ForkRow> forks = new ArrayList<>();
    private final List<TidyRow> extraRows = new ArrayList<>();
    private Step current;

    /** What the run is measuring now: which benchmark, and that step in words (its conditions, its fork). */
    public record Step(BenchmarkName benchmark, String description) {
    }

    /** What one trial has measured so far. */
    private static final class TrialRecord {
        final Target target;
        final List<BenchmarkResult> forks = new ArrayList<>();
        final List<IterationRow> iterations = new ArrayList<>();
        long samples;
        String jvm;

        TrialRecord(Target target) {
            this.target = target;
        }
    }

    public RunRecorder(Path folder, RunIdentity run, RunManifest manifest) {
        this.folder = folder;
        this.run = run;
        this.manifest = manifest;
    }

    public RunIdentity run() {
        return run;
    }

    public synchronized void started(BenchmarkName benchmark, String description) {
        current = new Step(benchmark, description);
    }

    /** What the run was doing when something went wrong (for the failure record); null before the first step. */
    public synchronized Step current() {
        return current;
    }

    /** One fork of a trial has ended: its iterations and the machine's state meanwhile, saved at once. */
    public synchronized void forkDone(Trial trial, Target target, int fork, BenchmarkResult result, ForkRow machine) {
        TrialRecord record = trials.computeIfAbsent(trial, t -> new TrialRecord(target));
        List<IterationRow> rows = ForkIterations.of(run.runId(), trial, fork, result);
        record.forks.add(result);
        record.iterations.addAll(rows);
        record.jvm = result.getParams().getVmName() + " " + result.getParams().getVmVersion();
        for (IterationResult ir : result.getIterationResults()) {
            record.samples += ir.getPrimaryResult().getSampleCount();
        }
        iterations.addAll(rows);
        forks.add(machine);
        flush();
    }

    /** Rows measured outside JMH (the {@code cap} experiment's timeline), written as they are. */
    public synchronized void add(List<TidyRow> rows, List<IterationRow> iterationRows) {
        extraRows.addAll(rows);
        iterations.addAll(iterationRows);
        flush();
    }

    public synchronized int rowCount() {
        return tidyRows().size();
    }

    public synchronized List<ForkRow> forks() {
        return List.copyOf(forks);
    }

    public RunManifest manifest() {
        return manifest;
    }

    public Path folder() {
        return folder;
    }

    /** Every trial's rows, each metric summarized over all its forks so far (see {@link Summaries}). */
    private List<TidyRow> tidyRows() {
        List<TidyRow> rows = new ArrayList<>();
        trials.forEach((trial, record) -> Summaries.group(record.iterations).forEach((key, group) -> {
            boolean primary = key.metric().isPrimary();
            rows.add(new TidyRow(run, key.benchmark(), record.target, key.conditions(), key.mode(), key.metric(),
                    Summaries.summarize(group, primary ? record.samples : null), record.jvm));
        }));
        rows.addAll(extraRows);
        return rows;
    }

    /** Rewrites the run's files; each either keeps its old content or gets the new one. */
    public synchronized void flush() {
        try {
            List<TidyRow> rows = tidyRows();
            ResultsCsv.write(folder, rows);
            IterationsCsv.write(folder, iterations);
            ForksCsv.write(folder, forks);
            manifest.rows(rows.size());
            long disturbed = forks.stream().filter(f -> MachineLoad.disturbed(f.outsideCores(), f.stealPercent()))
                    .count();
            manifest.disturbedForks(disturbed, forks.size());
            manifest.write(folder.resolve(RunManifest.FILE_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + folder + ": " + e.getMessage(), e);
        }
    }

    /** JMH's own JSON of every fork of every trial; written once, at the end (it grows to megabytes). */
    public synchronized void writeJmhJson() {
        List<RunResult> results = new ArrayList<>();
        trials.values().forEach(r -> {
            if (!r.forks.isEmpty()) {
                results.add(new RunResult(r.forks.get(0).getParams(), r.forks));
            }
        });
        try {
            AtomicFiles.write(folder.resolve(JMH_JSON), out -> {
                PrintStream print = new PrintStream(out, false, StandardCharsets.UTF_8);
                ResultFormatFactory.getInstance(ResultFormatType.JSON, print).writeOut(results);
                print.flush();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + JMH_JSON + " to " + folder + ": " + e.getMessage(), e);
        }
    }
}
