package tradeoffbench.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Confidence intervals from independent repetitions, by a seeded bootstrap over forks (Kalibera and Jones,
 * "Rigorous Benchmarking in Reasonable Time", ISMM 2013): a fork (a separate JVM) is the independent unit, its value
 * the mean of its measured iterations; resample the forks with replacement and take the statistic (a mean of fork
 * means, a ratio of two, a break-even point) each time; the interval is the 2.5th to 97.5th percentile of that.
 *
 * <p>Three choices on top, each written down with its evidence in docs/STATISTICS.md:
 * <ul>
 *   <li><b>Forks, not iterations, are resampled.</b> Resampling the iterations inside each resampled fork as well
 *       counts their scatter twice (it is already in the fork means): on synthetic runs with a known answer that
 *       two-stage interval covered the truth 100% of the time where iterations scatter more than forks, and a paired
 *       ratio's always; resampling forks alone covers 94–95% in every case tried ({@code BootstrapTest}).</li>
 *   <li><b>Paired ratios.</b> Variants a claim compares are measured interleaved, fork by fork in the same rounds;
 *       when both sides have the same rounds, a resample takes the same rounds for both, so drift and background
 *       load that hit one round hit both sides of the ratio.</li>
 *   <li><b>Few forks.</b> A percentile bootstrap over n units behaves like a normal interval with the plug-in
 *       variance: too narrow when n is small (with 3 forks it cannot reach beyond the extreme fork). The percentile
 *       distances from the point estimate are therefore widened by t(n-1)/z · sqrt(n/(n-1)), which turns them into
 *       Student's small-sample interval when the data are normal and keeps the bootstrap's shape when they are not.
 *       One fork gives no interval at all. A mean of positive values (latencies, rates) is widened on the log
 *       scale, as ratios are, so its interval never reaches zero.</li>
 * </ul>
 * Seeded ({@link #SEED}): the same repetitions give the same interval, so {@code report} repeats exactly.
 */
public final class Bootstrap {
    public static final int RESAMPLES = 2_000;
    public static final long SEED = 20_130_620L;
    private static final double Z = new NormalDistribution().inverseCumulativeProbability(0.975);

    private Bootstrap() {
    }

    /** The mean of the forks' means, with its interval. */
    public static Estimate mean(Repetitions r) {
        List<double[]> forks = new ArrayList<>(r.forks().values());
        double point = meanOfMeans(forks);
        int n = forks.size();
        if (n < 2) {
            return Estimate.pointOnly(point, r.unit(), n, r.iterationCount());
        }
        SplittableRandom random = new SplittableRandom(SEED);
        double[] stats = new double[RESAMPLES];
        for (int b = 0; b < RESAMPLES; b++) {
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += mean(forks.get(random.nextInt(n)));
            }
            stats[b] = sum / n;
        }
        double[] q = quantiles(stats);
        double c = widening(n);
        double min = forks.stream().flatMapToDouble(java.util.Arrays::stream).min().orElse(0);
        if (min > 0 && q[0] > 0) {
            // A positive quantity (a latency, a rate): widened on the log scale, so it never reaches zero.
            double log = Math.log(point);
            return new Estimate(point, Math.exp(log - c * (log - Math.log(q[0]))),
                    Math.exp(log + c * (Math.log(q[1]) - log)), r.unit(), n, r.iterationCount());
        }
        double low = point - c * (point - q[0]);
        // A mean of values that cannot be negative (a count, a share) is not negative either.
        return new Estimate(point, min >= 0 ? Math.max(0, low) : low, point + c * (q[1] - point), r.unit(), n,
                r.iterationCount());
    }

    /**
     * {@code a}'s mean over {@code b}'s, with its interval, for two trials of one run: paired by round when both have
     * the same rounds, else resampled independently. No interval when a mean is not positive.
     */
    public static Estimate ratio(Repetitions a, Repetitions b) {
        return ratio(a, b, a.forks().keySet().equals(b.forks().keySet()));
    }

    /** The ratio of two independent measurements (e.g. two runs): forks resampled separately. */
    public static Estimate independentRatio(Repetitions a, Repetitions b) {
        return ratio(a, b, false);
    }

    private static Estimate ratio(Repetitions a, Repetitions b, boolean paired) {
        double point = a.mean() / b.mean();
        List<double[]> fa = new ArrayList<>(a.forks().values());
        List<double[]> fb = new ArrayList<>(b.forks().values());
        int n = paired ? fa.size() : Math.min(fa.size(), fb.size());
        int iterations = a.iterationCount() + b.iterationCount();
        if (n < 2 || !(b.mean() > 0) || !(a.mean() > 0)) {
            return Estimate.pointOnly(point, "×", n, iterations);
        }
        SplittableRandom random = new SplittableRandom(SEED);
        double[] logs = new double[RESAMPLES];
        for (int i = 0; i < RESAMPLES; i++) {
            double sa = 0;
            double sb = 0;
            if (paired) {
                for (int k = 0; k < fa.size(); k++) {
                    int round = random.nextInt(fa.size());
                    sa += mean(fa.get(round));
                    sb += mean(fb.get(round));
                }
                sa /= fa.size();
                sb /= fb.size();
            } else {
                for (int k = 0; k < fa.size(); k++) {
                    sa += mean(fa.get(random.nextInt(fa.size())));
                }
                for (int k = 0; k < fb.size(); k++) {
                    sb += mean(fb.get(random.nextInt(fb.size())));
                }
                sa /= fa.size();
                sb /= fb.size();
            }
            logs[i] = sa > 0 && sb > 0 ? Math.log(sa / sb) : Double.NaN;
        }
        double[] finite = Arrays.stream(logs).filter(Double::isFinite).toArray();
        if (finite.length < RESAMPLES * 0.9) {
            return Estimate.pointOnly(point, "×", n, iterations);
        }
        double[] q = quantiles(finite);
        double c = widening(n);
        double log = Math.log(point);
        return new Estimate(point, Math.exp(log - c * (log - q[0])), Math.exp(log + c * (q[1] - log)), "×", n,
                iterations);
    }

    /** A statistic of several trials' means: f(mean of the 1st, mean of the 2nd, ...). */
    @FunctionalInterface
    public interface Statistic {
        double of(double[] means);
    }

    /**
     * Any statistic of several trials of one run (a break-even point, a difference of shares), with its interval:
     * resampled by round for all of them at once when they share their rounds, else each independently. The
     * interval is widened for few forks like {@link #mean}'s; no interval when the statistic is not finite.
     */
    public static Estimate of(List<Repetitions> inputs, Statistic statistic, String unit) {
        List<List<double[]>> forks = new ArrayList<>();
        inputs.forEach(r -> forks.add(new ArrayList<>(r.forks().values())));
        double[] means = new double[inputs.size()];
        for (int i = 0; i < means.length; i++) {
            means[i] = inputs.get(i).mean();
        }
        double point = statistic.of(means);
        boolean paired = inputs.stream().allMatch(r -> r.forks().keySet().equals(inputs.get(0).forks().keySet()));
        int n = forks.stream().mapToInt(List::size).min().orElse(0);
        int iterations = inputs.stream().mapToInt(Repetitions::iterationCount).sum();
        if (n < 2 || !Double.isFinite(point)) {
            return Estimate.pointOnly(point, unit, n, iterations);
        }
        SplittableRandom random = new SplittableRandom(SEED);
        double[] stats = new double[RESAMPLES];
        int finite = 0;
        for (int b = 0; b < RESAMPLES; b++) {
            double[] m = new double[inputs.size()];
            if (paired) {
                int rounds = forks.get(0).size();
                for (int k = 0; k < rounds; k++) {
                    int round = random.nextInt(rounds);
                    for (int i = 0; i < m.length; i++) {
                        m[i] += mean(forks.get(i).get(round)) / rounds;
                    }
                }
            } else {
                for (int i = 0; i < m.length; i++) {
                    List<double[]> f = forks.get(i);
                    for (int k = 0; k < f.size(); k++) {
                        m[i] += mean(f.get(random.nextInt(f.size()))) / f.size();
                    }
                }
            }
            double v = statistic.of(m);
            if (Double.isFinite(v)) {
                stats[finite++] = v;
            }
        }
        if (finite < RESAMPLES * 0.9) {
            return Estimate.pointOnly(point, unit, n, iterations);
        }
        double[] q = quantiles(Arrays.copyOf(stats, finite));
        double c = widening(n);
        return new Estimate(point, point - c * (point - q[0]), point + c * (q[1] - point), unit, n, iterations);
    }

    /** The factor that turns a percentile bootstrap over n units into a small-sample (Student) interval. */
    static double widening(int n) {
        double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
        return t / Z * Math.sqrt(n / (n - 1.0));
    }

    static double meanOfMeans(List<double[]> forks) {
        if (forks.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (double[] f : forks) {
            sum += mean(f);
        }
        return sum / forks.size();
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** The 2.5th and 97.5th percentiles. */
    private static double[] quantiles(double[] stats) {
        double[] sorted = stats.clone();
        Arrays.sort(sorted);
        return new double[] {at(sorted, 0.025), at(sorted, 0.975)};
    }

    private static double at(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(lower + 1, sorted.length - 1);
        double fraction = position - lower;
        return sorted[lower] + fraction * (sorted[upper] - sorted[lower]);
    }
}
