package tradeoffbench.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The independent repetitions of one metric of one trial: per fork (a separate JVM, numbered by the round it ran in)
 * the values of its measured iterations. Individual samples inside an iteration are not repetitions: they are
 * correlated, and treating them as independent made intervals ~10× too narrow.
 */
public record Repetitions(SortedMap<Integer, double[]> forks, String unit) {

    public Repetitions {
        SortedMap<Integer, double[]> copy = new TreeMap<>();
        forks.forEach((fork, values) -> {
            if (values.length > 0) {
                copy.put(fork, values.clone());
            }
        });
        forks = copy;
    }

    public static Repetitions of(String unit, double[]... forks) {
        SortedMap<Integer, double[]> byFork = new TreeMap<>();
        for (int i = 0; i < forks.length; i++) {
            byFork.put(i + 1, forks[i]);
        }
        return new Repetitions(byFork, unit);
    }

    public int forkCount() {
        return forks.size();
    }

    public int iterationCount() {
        return forks.values().stream().mapToInt(v -> v.length).sum();
    }

    public boolean isEmpty() {
        return forks.isEmpty();
    }

    /** The point estimate: the mean of the forks' means (every fork weighs the same). */
    public double mean() {
        return Bootstrap.meanOfMeans(new ArrayList<>(forks.values()));
    }

    /** Every iteration's value summed over every fork (what a counter counted in the whole measurement). */
    public double total() {
        double total = 0;
        for (double[] values : forks.values()) {
            for (double v : values) {
                total += v;
            }
        }
        return total;
    }

    /** The fork means, in fork order. */
    public List<Double> forkMeans() {
        List<Double> means = new ArrayList<>();
        forks.values().forEach(v -> means.add(Bootstrap.mean(v)));
        return means;
    }

    /** Only the forks both have, in both (paired by round): empty when they share none. */
    public Repetitions sharedForks(Repetitions other) {
        SortedMap<Integer, double[]> shared = new TreeMap<>(forks);
        shared.keySet().retainAll(other.forks.keySet());
        return new Repetitions(shared, unit);
    }

    /** The same repetitions with every value mapped (e.g. normalized). */
    public Repetitions map(java.util.function.DoubleUnaryOperator f, String newUnit) {
        SortedMap<Integer, double[]> mapped = new TreeMap<>();
        forks.forEach((fork, values) -> {
            double[] m = new double[values.length];
            for (int i = 0; i < m.length; i++) {
                m[i] = f.applyAsDouble(values[i]);
            }
            mapped.put(fork, m);
        });
        return new Repetitions(mapped, newUnit);
    }
}
