package tradeoffbench.claims;

import java.util.Locale;

import tradeoffbench.results.TidyRow;

/**
 * One number with its error interval ({@code score ± score_error}, JMH's 99.9% confidence half-width). An unknown
 * error (a single iteration) is NaN, and such a measure never separates from another: it can only be INCONCLUSIVE.
 */
public record Measure(double value, double error, String unit) {

    public static Measure of(TidyRow row) {
        return new Measure(row.score(), row.scoreError() == null ? Double.NaN : row.scoreError(), row.unit());
    }

    /** A computed value that is exact (arithmetic, not a measurement). */
    public static Measure exact(double value, String unit) {
        return new Measure(value, 0, unit);
    }

    public double low() {
        return value - error;
    }

    public double high() {
        return value + error;
    }

    public boolean hasInterval() {
        return !Double.isNaN(error) && !Double.isInfinite(error);
    }

    /** ABOVE or BELOW only when both intervals are known and do not touch. */
    public Relation against(Measure other) {
        if (!hasInterval() || !other.hasInterval()) {
            return Relation.OVERLAP;
        }
        if (low() > other.high()) {
            return Relation.ABOVE;
        }
        if (high() < other.low()) {
            return Relation.BELOW;
        }
        return Relation.OVERLAP;
    }

    /** This measure divided by another (a ratio of the central values). */
    public double ratio(Measure other) {
        return value / other.value;
    }

    /** {@code 12,345 ± 210 ops/s}; a JMH counter summed without an error (unit {@code #}): just {@code 453}. */
    public String text() {
        if ("#".equals(unit)) {
            return number(value);
        }
        return number(value) + " ± " + (hasInterval() ? number(error) : "?") + " " + unit;
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

    public static String ratioText(double r) {
        return Double.isNaN(r) || Double.isInfinite(r) ? "n/a" : String.format(Locale.ROOT, "%.2f×", r);
    }
}
