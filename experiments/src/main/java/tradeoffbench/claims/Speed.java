package tradeoffbench.claims;

import tradeoffbench.stats.Bootstrap;
import tradeoffbench.stats.Estimate;

/**
 * How many times faster one trial is than another, with the ratio's 95% interval from both trials' repetitions
 * (paired by round when they were measured side by side in one run). Both are read in the same mode: their latency
 * (b's over a's) in sample mode, their throughput (a's over b's) in throughput mode.
 */
public final class Speed {
    private Speed() {
    }

    /** a's speed over b's: 2.0 = a twice as fast. NaN without an interval when the modes differ. */
    public static Estimate of(Measured a, Measured b) {
        if (!a.mode().equals(b.mode())) {
            return Estimate.pointOnly(Double.NaN, "×", 0, 0);
        }
        return a.higherIsBetter() ? Bootstrap.ratio(a.repetitions(a.primary()), b.repetitions(b.primary()))
                : Bootstrap.ratio(b.repetitions(b.primary()), a.repetitions(a.primary()));
    }

    /** {@code readThenWrite runs at 0.91× (0.84×–0.98×) the speed of twoAutocommits}. */
    public static String text(String a, Estimate speed, String b) {
        return a + " runs at " + speed.ratioText() + " the speed of " + b;
    }

    /** The axis title of a primary score: {@code mean latency (µs per transfer)} or {@code throughput (transfers/s)}. */
    public static String axis(Measured like, String operation) {
        return like.higherIsBetter() ? "throughput (" + operation + "s/s)" : "mean latency (µs per " + operation + ")";
    }
}
