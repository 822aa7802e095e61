package tradeoffbench.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Did the measured iterations still move? A trend test across each fork's measured iterations: every value is taken
 * relative to its fork's mean (so forks at different levels pool), regressed on the iteration's position, and the
 * pooled slope tested against zero (Student's t). A benchmark is flagged not steady when the slope is significant
 * ({@value #ALPHA}) AND material: a drift of more than {@value #MATERIAL_PERCENT}% over the measured span. Warm-up
 * that ended too early shows as a falling latency; a table filling with dead rows as a rising one.
 *
 * @param driftPercent the fitted change from the first to the last measured iteration, in percent of the mean
 * @param p            the two-sided p-value of the slope
 * @param steady       null when there are too few iterations to tell
 */
public record SteadyState(double driftPercent, double p, Boolean steady) {
    static final double ALPHA = 0.01;
    static final double MATERIAL_PERCENT = 5.0;

    public static SteadyState of(Repetitions r) {
        double sxy = 0;
        double sxx = 0;
        int points = 0;
        int groups = 0;
        int span = 0;
        for (double[] values : r.forks().values()) {
            double mean = Bootstrap.mean(values);
            if (values.length < 3 || !(Math.abs(mean) > 0)) {
                continue;
            }
            groups++;
            span = Math.max(span, values.length - 1);
            double center = (values.length - 1) / 2.0;
            for (int i = 0; i < values.length; i++) {
                double x = i - center;
                double y = values[i] / mean - 1;
                sxy += x * y;
                sxx += x * x;
                points++;
            }
        }
        int df = points - groups - 1;
        if (groups == 0 || df < 2 || sxx == 0) {
            return new SteadyState(Double.NaN, Double.NaN, null);
        }
        double slope = sxy / sxx;
        double residual = 0;
        for (double[] values : r.forks().values()) {
            double mean = Bootstrap.mean(values);
            if (values.length < 3 || !(Math.abs(mean) > 0)) {
                continue;
            }
            double center = (values.length - 1) / 2.0;
            for (int i = 0; i < values.length; i++) {
                double e = values[i] / mean - 1 - slope * (i - center);
                residual += e * e;
            }
        }
        double se = Math.sqrt(residual / df / sxx);
        double drift = slope * span * 100;
        if (se == 0) {
            return new SteadyState(drift, slope == 0 ? 1 : 0, slope == 0 || Math.abs(drift) <= MATERIAL_PERCENT);
        }
        double t = slope / se;
        double p = 2 * (1 - new TDistribution(df).cumulativeProbability(Math.abs(t)));
        return new SteadyState(drift, p, !(p < ALPHA && Math.abs(drift) > MATERIAL_PERCENT));
    }
}
