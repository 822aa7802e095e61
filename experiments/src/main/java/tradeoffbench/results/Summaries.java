package tradeoffbench.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import tradeoffbench.family.BenchmarkName;
import tradeoffbench.family.Metric;
import tradeoffbench.stats.Bootstrap;
import tradeoffbench.stats.Estimate;
import tradeoffbench.stats.Repetitions;
import tradeoffbench.stats.SteadyState;

/**
 * Groups iteration rows by what they measured (benchmark, conditions, mode, metric) and summarizes each group over
 * its forks and iterations: the one computation behind every {@code results.csv} row, done the same way when a run
 * writes it and when a folder is read.
 */
public final class Summaries {
    /** What one group of iteration rows measured. */
    public record Key(BenchmarkName benchmark, Conditions conditions, String mode, Metric metric) {
    }

    private Summaries() {
    }

    public static Map<Key, List<IterationRow>> group(List<IterationRow> rows) {
        Map<Key, List<IterationRow>> groups = new LinkedHashMap<>();
        for (IterationRow r : rows) {
            groups.computeIfAbsent(new Key(r.benchmark(), r.conditions(), r.mode(), r.metric()),
                    k -> new ArrayList<>()).add(r);
        }
        return groups;
    }

    /** The repetitions of one group: per fork, its iterations' values in order. */
    public static Repetitions repetitions(List<IterationRow> rows) {
        SortedMap<Integer, List<IterationRow>> byFork = new TreeMap<>();
        for (IterationRow r : rows) {
            byFork.computeIfAbsent(r.fork(), f -> new ArrayList<>()).add(r);
        }
        SortedMap<Integer, double[]> values = new TreeMap<>();
        byFork.forEach((fork, list) -> {
            list.sort(java.util.Comparator.comparingInt(IterationRow::iteration));
            values.put(fork, list.stream().mapToDouble(IterationRow::value).toArray());
        });
        return new Repetitions(values, rows.isEmpty() ? "" : rows.get(0).unit());
    }

    public static Summary summarize(List<IterationRow> rows, Long samples) {
        Repetitions r = repetitions(rows);
        Estimate e = Bootstrap.mean(r);
        SteadyState steady = SteadyState.of(r);
        return new Summary(e.value(), e.hasInterval() ? e.low() : null, e.hasInterval() ? e.high() : null, r.unit(),
                r.forkCount(), r.iterationCount(), samples, r.total(), mean(rows, IterationRow::p50),
                mean(rows, IterationRow::p90), mean(rows, IterationRow::p99), mean(rows, IterationRow::p999),
                steady.steady());
    }

    private static Double mean(List<IterationRow> rows, java.util.function.Function<IterationRow, Double> f) {
        double sum = 0;
        int n = 0;
        for (IterationRow r : rows) {
            Double v = f.apply(r);
            if (v != null) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? null : sum / n;
    }
}
