package tradeoffbench.stats;

import java.util.Locale;

/**
 * A number with its honest 95% interval: from independent repetitions (forks, and iterations within them), never
 * from pooled samples. An estimate resting on fewer than two forks has no interval ({@link #hasInterval()} false):
 * one JVM cannot show how much another would differ.
 *
 * @param forks      the independent top-level repetitions behind it (rounds, for a paired ratio)
 * @param iterations the measured iterations behind it, over every fork
 */
public record Estimate(double value, double low, double high, String unit, int forks, int iterations) {
    public static final double LEVEL = 0.95;

    /** A value known exactly (arithmetic, or a count): its interval is the value. */
    public static Estimate exact(double value, String unit) {
        return new Estimate(value, value, value, unit, 0, 0);
    }

    /** A value without an interval (too few forks). */
    public static Estimate pointOnly(double value, String unit, int forks, int iterations) {
        return new Estimate(value, Double.NaN, Double.NaN, unit, forks, iterations);
    }

    public boolean hasInterval() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }

    /** ABOVE or BELOW only when both intervals are known and do not touch. */
    public Relation against(Estimate other) {
        if (!hasInterval() || !other.hasInterval()) {
            return Relation.OVERLAP;
        }
        return low > other.high ? Relation.ABOVE : high < other.low ? Relation.BELOW : Relation.OVERLAP;
    }

    /** Where the interval lies relative to a threshold: wholly above, wholly below, or straddling it. */
    public Relation against(double threshold) {
        if (!hasInterval()) {
            return Relation.OVERLAP;
        }
        return low > threshold ? Relation.ABOVE : high < threshold ? Relation.BELOW : Relation.OVERLAP;
    }

    public boolean overlaps(Estimate other) {
        return hasInterval() && other.hasInterval() && low <= other.high && other.low <= high;
    }

    /** {@code 12,345 ops/s (12,100–12,600)}; a count without a unit: {@code 453}. */
    public String text() {
        String interval = hasInterval() && low != high ? " (" + number(low) + "–" + number(high) + ")"
                : hasInterval() ? "" : " (" + noInterval() + ")";
        return number(value) + (unit == null || unit.isEmpty() || unit.equals("#") ? "" : " " + unit) + interval;
    }

    /** {@code 1.83× (1.61×–2.05×)}. */
    public String ratioText() {
        String interval = hasInterval() ? " (" + times(low) + "–" + times(high) + ")" : " (" + noInterval() + ")";
        return times(value) + interval;
    }

    /** Why there is no interval: one fork, or a statistic that is not defined (a ratio to zero). */
    private String noInterval() {
        return forks < 2 ? "one fork: no interval" : "no interval";
    }

    public static String times(double r) {
        return Double.isNaN(r) || Double.isInfinite(r) ? "n/a" : String.format(Locale.ROOT, "%.2f×", r);
    }

    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "?";
        }
        double abs = Math.abs(v);
        if (abs >= 1000 || (v == Math.rint(v) && abs < 1e15)) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (v == 0) {
            return "0";
        }
        if (abs >= 0.01) {
            return String.format(Locale.ROOT, "%.3f", v);
        }
        return String.format(Locale.ROOT, "%.2e", v);
    }
}
