package tradeoffbench.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import tradeoffbench.family.BenchmarkName;
import tradeoffbench.family.Metric;
import tradeoffbench.results.Conditions;
import tradeoffbench.results.IterationRow;
import tradeoffbench.results.Target;
import tradeoffbench.results.TidyRow;

/**
 * What a run folder holds, as claims read it: every trial measured ({@link Measured}, with its repetitions), the
 * benchmarks the run skipped and why, how the run ended, and what the folder lacks (an older folder without
 * repetitions can be read, but no interval can be computed from it, so every comparison stays INCONCLUSIVE).
 */
public final class Evidence {
    public static final String THRPT = "thrpt";
    public static final String SAMPLE = "sample";

    private final List<TidyRow> rows;
    private final List<Measured> trials = new ArrayList<>();
    private final Map<String, String> skipped;
    private final String status;
    private final List<String> failures;
    private final boolean repetitions;

    /**
     * @param iterations  the folder's iteration rows; empty for a folder made before they existed
     * @param skipped     benchmark short name → the reason the run gave for skipping it
     * @param status      how the run ended ({@code completed}, {@code failed}, {@code interrupted})
     * @param failures    what failed, one line each
     * @param repetitions whether the folder has iterations.csv at all
     */
    public Evidence(List<TidyRow> rows, List<IterationRow> iterations, Map<String, String> skipped, String status,
                    List<String> failures, boolean repetitions) {
        this.rows = List.copyOf(rows);
        this.skipped = Map.copyOf(skipped);
        this.status = status;
        this.failures = List.copyOf(failures);
        this.repetitions = repetitions;
        record TrialKey(BenchmarkName benchmark, Conditions conditions, String mode) {
        }
        Map<TrialKey, Map<Metric, List<IterationRow>>> byTrial = new LinkedHashMap<>();
        for (IterationRow r : iterations) {
            byTrial.computeIfAbsent(new TrialKey(r.benchmark(), r.conditions(), r.mode()), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.metric(), m -> new ArrayList<>()).add(r);
        }
        Map<TrialKey, Target> targets = new LinkedHashMap<>();
        for (TidyRow r : rows) {
            targets.putIfAbsent(new TrialKey(r.benchmark(), r.conditions(), r.mode()), r.target());
        }
        byTrial.forEach((k, metrics) -> trials.add(new Measured(k.benchmark(), k.conditions(), k.mode(),
                targets.getOrDefault(k, Target.none()), metrics)));
        if (!repetitions) {
            // An older folder: its trials, without repetitions (no interval can be computed).
            Set<TrialKey> seen = new LinkedHashSet<>();
            for (TidyRow r : rows) {
                TrialKey k = new TrialKey(r.benchmark(), r.conditions(), r.mode());
                if (seen.add(k)) {
                    trials.add(new Measured(k.benchmark(), k.conditions(), k.mode(), r.target(), Map.of()));
                }
            }
        }
    }

    /** A folder's evidence made of trials alone (tests, fixtures). */
    public static Evidence of(List<TidyRow> rows, List<IterationRow> iterations) {
        return new Evidence(rows, iterations, Map.of(), "completed", List.of(), true);
    }

    public List<TidyRow> rows() {
        return rows;
    }

    public List<Measured> trials() {
        return trials;
    }

    public Map<String, String> skipped() {
        return skipped;
    }

    public String status() {
        return status;
    }

    public List<String> failures() {
        return failures;
    }

    /** Whether the folder holds repetitions (iterations.csv); without them no interval exists. */
    public boolean hasRepetitions() {
        return repetitions;
    }

    /** Every trial of a benchmark. */
    public List<Measured> of(BenchmarkName benchmark) {
        return trials.stream().filter(t -> t.benchmark().equals(benchmark)).toList();
    }

    /** Every trial of a benchmark that passes a test (e.g. on its conditions). */
    public List<Measured> of(BenchmarkName benchmark, Predicate<Measured> test) {
        return of(benchmark).stream().filter(test).toList();
    }

    /** The one trial of a benchmark under conditions equal to {@code like}'s but for the {@code varying} params. */
    public Optional<Measured> twin(BenchmarkName benchmark, Measured like, String... varying) {
        Conditions wanted = like.conditions().without(varying);
        return of(benchmark).stream().filter(t -> t.mode().equals(like.mode())
                && t.conditions().without(varying).equals(wanted)).findFirst();
    }

    /**
     * INCONCLUSIVE when a needed benchmark has no trials (naming it and why it was skipped, if the run says), when
     * any of its rows came from a test fake, or when the folder has no repetitions; empty when they can be judged.
     */
    public Optional<Judgement> unusable(BenchmarkName... benchmarks) {
        List<String> missing = new ArrayList<>();
        List<String> fake = new ArrayList<>();
        for (BenchmarkName b : benchmarks) {
            List<Measured> of = of(b);
            if (of.isEmpty()) {
                String reason = skipped.get(b.shortName());
                missing.add(b.shortName() + (reason != null ? " (skipped: " + reason + ")" : ""));
            } else if (of.stream().anyMatch(Measured::isFake)) {
                fake.add(b.shortName() + " (target " + of.get(0).target().name() + ")");
            }
        }
        if (!missing.isEmpty()) {
            return Optional.of(Judgement.inconclusive("no rows for " + String.join(", ", missing)));
        }
        if (!fake.isEmpty()) {
            return Optional.of(Judgement.inconclusive("rows from a test fake, never used for a verdict: "
                    + String.join(", ", fake)));
        }
        if (!repetitions) {
            return Optional.of(Judgement.inconclusive("this folder has no iterations.csv (it was made before "
                    + "repetitions were kept): no honest interval can be computed, so nothing is decided"));
        }
        return Optional.empty();
    }
}
