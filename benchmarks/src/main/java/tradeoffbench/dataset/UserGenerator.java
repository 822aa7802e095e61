package tradeoffbench.dataset;

import java.util.SplittableRandom;

/**
 * Generates users deterministically: user {@code id} depends only on the seed and the id, so the same seed gives
 * the same data on every machine, any user can be regenerated to check an answer, and loaders can stream.
 * Bump {@link #VERSION} whenever the output changes, so stale datasets are not reused (see {@link DatasetFingerprint}).
 */
public final class UserGenerator {
    public static final int VERSION = 1;
    public static final long DEFAULT_SEED = 20261129L;

    private static final String[] SYLLABLES = {
        "ka", "ri", "to", "me", "lu", "sa", "no", "vi", "de", "ra", "mo", "li", "an", "el", "jo", "su", "ta", "ne"};
    /** Skewed on purpose: a few countries hold most users, as in real social networks. */
    private static final String[] COUNTRIES = {
        "US", "US", "US", "IN", "IN", "BR", "BR", "ID", "JP", "GB", "DE", "FR", "MX", "NG", "KR", "CA"};

    private final long seed;

    public UserGenerator(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    public User user(long id) {
        if (id < 1) {
            throw new IllegalArgumentException("user ids start at 1, got " + id);
        }
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + id);
        String name = word(random) + " " + word(random);
        String handle = name.replace(' ', '_').toLowerCase() + "_" + id;
        return new User(id, handle, handle + "@example.com", capitalize(name),
                COUNTRIES[random.nextInt(COUNTRIES.length)], random.nextInt(5_800));
    }

    private static String word(SplittableRandom random) {
        int syllables = 2 + random.nextInt(2);
        StringBuilder word = new StringBuilder(6);
        for (int i = 0; i < syllables; i++) {
            word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return word.toString();
    }

    private static String capitalize(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            out.append(upper ? Character.toUpperCase(c) : c);
            upper = c == ' ';
        }
        return out.toString();
    }
}
