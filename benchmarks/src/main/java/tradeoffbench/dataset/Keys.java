package tradeoffbench.dataset;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Which key (user, account) each request asks for, over the whole key space 1..n, from its own seeded stream:
 * <ul>
 *   <li>{@code uniform}: every key alike;</li>
 *   <li>{@code zipf<θ>} ({@code zipf0.99}, YCSB's default θ): key {@code r} with probability ∝ {@code 1/r^θ}, so key 1
 *       is the hottest; draws invert a CDF computed once (n doubles: 8 MB at a million keys);</li>
 *   <li>{@code celebrity}: key 1 ({@link #CELEBRITY}) gets {@code celebrityShare} percent of all requests, the rest
 *       are uniform over keys 2..n.</li>
 * </ul>
 * One instance per benchmark thread; not thread-safe.
 */
public final class Keys {
    /** The celebrity of the {@code celebrity} skew, and the hottest key under Zipf. */
    public static final long CELEBRITY = 1;
    /** The skews a benchmark may name; anything else is a one-line error listing these forms. */
    public static final String FORMS = "uniform, zipf<theta> (e.g. zipf0.5, zipf0.99, zipf1.2), celebrity";
    /** The CDF table's limit: a Zipf over more keys than this would need more than 160 MB per thread. */
    static final long MAX_ZIPF_KEYS = 20_000_000;

    private final String skew;
    private final long keys;
    private final double celebrityShare;
    private final double[] cdf;
    private final SplittableRandom random;

    private Keys(String skew, long keys, double celebrityShare, double[] cdf, long seed) {
        this.skew = skew;
        this.keys = keys;
        this.celebrityShare = celebrityShare;
        this.cdf = cdf;
        this.random = new SplittableRandom(seed);
    }

    /** Keys 1..keys under {@code uniform} or {@code zipf<θ>}, deterministic for a seed. */
    public static Keys of(String skew, long keys, long seed) {
        return of(skew, keys, 0, seed);
    }

    /**
     * @param celebrityShare percent of requests for the celebrity ({@code celebrity} skew only; 1..99)
     */
    public static Keys of(String skew, long keys, int celebrityShare, long seed) {
        if (keys < 2) {
            throw new IllegalArgumentException("keys need at least 2 to choose from, got " + keys);
        }
        String text = normalize(skew);
        if (text.equals("celebrity")) {
            if (celebrityShare < 1 || celebrityShare > 99) {
                throw new IllegalArgumentException("skew=celebrity needs a celebrity share of 1..99 percent, got "
                        + celebrityShare);
            }
            return new Keys(text, keys, celebrityShare / 100.0, null, seed);
        }
        double theta = theta(text);
        if (theta > 0 && keys > MAX_ZIPF_KEYS) {
            throw new IllegalArgumentException("skew " + skew + " keeps a table per key: at most " + MAX_ZIPF_KEYS
                    + " keys, got " + keys);
        }
        return new Keys(text, keys, 0, theta == 0 ? null : zipfCdf((int) keys, theta), seed);
    }

    /** The Zipf exponent a skew names: 0 for {@code uniform}; a one-line error for anything unknown. */
    public static double theta(String skew) {
        String text = normalize(skew);
        if (text.equals("uniform") || text.equals("celebrity")) {
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
        throw new IllegalArgumentException("unknown skew '" + skew + "'; valid: " + FORMS + " with 0 < theta <= 10");
    }

    private static String normalize(String skew) {
        return skew == null ? "" : skew.trim().toLowerCase(Locale.ROOT);
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

    /** The next key, 1..keys. */
    public long next() {
        if (cdf != null) {
            int index = Arrays.binarySearch(cdf, random.nextDouble());
            return 1 + (index >= 0 ? index : -index - 1);
        }
        if (celebrityShare > 0) {
            return random.nextDouble() < celebrityShare ? CELEBRITY : 2 + random.nextLong(keys - 1);
        }
        return 1 + random.nextLong(keys);
    }

    /** Two different keys: the first drawn, then draws until a different one. */
    public long[] nextPair() {
        long first = next();
        long second = next();
        while (second == first) {
            second = next();
        }
        return new long[] {first, second};
    }

    /** A uniform number 1..max from the same seeded stream (e.g. a transfer's amount). */
    public long nextAmount(int max) {
        return 1 + random.nextInt(max);
    }

    /** The share of requests key 1 gets under this skew (exact, from the distribution). */
    public double celebrityProbability() {
        if (cdf != null) {
            return cdf[0];
        }
        return celebrityShare > 0 ? celebrityShare : 1.0 / keys;
    }

    public String skew() {
        return skew;
    }

    public long keys() {
        return keys;
    }
}
