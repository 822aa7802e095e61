package tradeoffbench.atomicity;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Picks account ids 1..n with a given skew, from its own seeded random stream: {@code uniform}, or Zipf with
 * exponent θ ({@code zipf0.99}): P(rank k) ∝ 1/k^θ, account 1 the hottest. Zipf draws invert a precomputed CDF
 * by binary search (n doubles, computed once per chooser; ~8 MB at a million accounts).
 *
 * <p>One chooser per benchmark thread; not thread-safe.
 */
public final class KeyChooser {
    /** The skews a benchmark may name; anything else is a one-line error listing these forms. */
    static final String FORMS = "uniform, zipf<theta> (e.g. zipf0.5, zipf0.99, zipf1.2)";

    private final String skew;
    private final int keys;
    private final double[] cdf;
    private final SplittableRandom random;

    private KeyChooser(String skew, int keys, double[] cdf, long seed) {
        this.skew = skew;
        this.keys = keys;
        this.cdf = cdf;
        this.random = new SplittableRandom(seed);
    }

    /** A chooser for {@code skew} over ids 1..keys, deterministic for a given seed. */
    public static KeyChooser of(String skew, int keys, long seed) {
        if (keys < 1) {
            throw new IllegalArgumentException("a key chooser needs at least one key, got " + keys);
        }
        double theta = theta(skew);
        return new KeyChooser(skew, keys, theta == 0 ? null : zipfCdf(keys, theta), seed);
    }

    /** The Zipf exponent named by a skew: 0 for {@code uniform}. */
    static double theta(String skew) {
        String text = skew == null ? "" : skew.trim().toLowerCase(Locale.ROOT);
        if (text.equals("uniform")) {
            return 0;
        }
        if (text.startsWith("zipf")) {
            try {
                double theta = Double.parseDouble(text.substring(4));
                if (theta > 0 && theta <= 10) {
                    return theta;
                }
            } catch (NumberFormatException notANumber) {
                // fall through to the one-line error
            }
        }
        throw new IllegalArgumentException("unknown skew '" + skew + "'; valid: " + FORMS
                + " with 0 < theta <= 10");
    }

    static double[] zipfCdf(int keys, double theta) {
        double[] cdf = new double[keys];
        double sum = 0;
        for (int rank = 1; rank <= keys; rank++) {
            sum += 1.0 / Math.pow(rank, theta);
            cdf[rank - 1] = sum;
        }
        for (int i = 0; i < keys; i++) {
            cdf[i] /= sum;
        }
        cdf[keys - 1] = 1.0;
        return cdf;
    }

    /** The next id, 1..keys. */
    public int next() {
        if (cdf == null) {
            return 1 + random.nextInt(keys);
        }
        int index = Arrays.binarySearch(cdf, random.nextDouble());
        return 1 + (index >= 0 ? index : -index - 1);
    }

    /** Two different ids (keys must be at least 2): the first drawn, then draws until a different one. */
    public int[] nextPair() {
        if (keys < 2) {
            throw new IllegalStateException("a transfer needs two different accounts, but there is only " + keys);
        }
        int first = next();
        int second = next();
        while (second == first) {
            second = next();
        }
        return new int[] {first, second};
    }

    /** Amounts are uniform 1..max, drawn from the same seeded stream. */
    public long nextAmount(int max) {
        return 1 + random.nextInt(max);
    }

    public String skew() {
        return skew;
    }

    public int keys() {
        return keys;
    }
}
