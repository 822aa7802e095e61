package tradeoffbench.sharding;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Which user each request asks for. {@code uniform}: every user alike. {@code zipf<θ>} (e.g. {@code zipf0.99}):
 * user {@code r} is asked with probability proportional to {@code 1/r^θ}, so user 1 is the hottest (YCSB's default
 * θ is 0.99). {@code celebrity}: user 1, {@link #CELEBRITY}, gets {@code celebrityShare} percent of all requests and
 * the rest are uniform over everybody else. Each client thread draws from its own seeded stream.
 */
public final class RequestKeys {
    /** The celebrity in the {@code celebrity} skew, and the hottest key under Zipf. */
    public static final long CELEBRITY = 1;

    private final String skew;
    private final long users;
    private final double celebrityShare;
    private final double[] zipfCdf;
    private final SplittableRandom random;

    private RequestKeys(String skew, long users, double celebrityShare, double[] zipfCdf, long seed) {
        this.skew = skew;
        this.users = users;
        this.celebrityShare = celebrityShare;
        this.zipfCdf = zipfCdf;
        this.random = new SplittableRandom(seed);
    }

    /**
     * @param skew           {@code uniform}, {@code zipf<θ>} or {@code celebrity}
     * @param celebrityShare percent of requests for the celebrity (used by {@code celebrity} only)
     */
    public static RequestKeys of(String skew, long users, int celebrityShare, long seed) {
        if (users < 2) {
            throw new IllegalArgumentException("need at least 2 users, got " + users);
        }
        if (skew.equals("uniform")) {
            return new RequestKeys(skew, users, 0, null, seed);
        }
        if (skew.equals("celebrity")) {
            if (celebrityShare < 0 || celebrityShare > 100) {
                throw new IllegalArgumentException("celebrityShare is a percentage, got " + celebrityShare);
            }
            return new RequestKeys(skew, users, celebrityShare / 100.0, null, seed);
        }
        if (skew.startsWith("zipf")) {
            double theta;
            try {
                theta = Double.parseDouble(skew.substring(4));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad skew '" + skew + "': expected zipf<theta>, e.g. zipf0.99");
            }
            if (users > 20_000_000) {
                throw new IllegalArgumentException("zipf keys keep a table per user: at most 20M users");
            }
            double[] cdf = new double[(int) users];
            double sum = 0;
            for (int r = 1; r <= users; r++) {
                sum += 1 / Math.pow(r, theta);
                cdf[r - 1] = sum;
            }
            for (int i = 0; i < cdf.length; i++) {
                cdf[i] /= sum;
            }
            return new RequestKeys(skew, users, 0, cdf, seed);
        }
        throw new IllegalArgumentException("unknown skew '" + skew + "': uniform, zipf<theta> or celebrity");
    }

    public long next() {
        if (zipfCdf != null) {
            int i = Arrays.binarySearch(zipfCdf, random.nextDouble());
            int rank = i >= 0 ? i : -i - 1;
            return Math.min(rank, zipfCdf.length - 1) + 1;
        }
        if (celebrityShare > 0 && random.nextDouble() < celebrityShare) {
            return CELEBRITY;
        }
        if (skew.equals("celebrity")) {
            return 2 + random.nextLong(users - 1);
        }
        return 1 + random.nextLong(users);
    }

    /** The share of requests user 1 gets under this skew (exact, from the distribution). */
    public double celebrityProbability() {
        if (zipfCdf != null) {
            return zipfCdf[0];
        }
        return skew.equals("celebrity") ? celebrityShare : 1.0 / users;
    }
}
