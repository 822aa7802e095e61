package tradeoffbench.sharding;

import java.util.SplittableRandom;
import java.util.function.Function;

import tradeoffbench.dataset.User;
import tradeoffbench.dataset.UserGenerator;

/**
 * Uniformly chosen users to ask for, with their expected answers, drawn from a pool generated once per thread so
 * the measured loop does not generate users. Also checks answers: a wrong or missing user fails the run.
 */
final class LookupRequests {
    private static final int POOL = 4096;
    private static final int VERIFIED = 256;

    private final User[] pool;
    private final SplittableRandom random;
    private User current;

    LookupRequests(long users, long seed) {
        UserGenerator generator = new UserGenerator(UserGenerator.DEFAULT_SEED);
        SplittableRandom picks = new SplittableRandom(seed);
        pool = new User[(int) Math.min(POOL, users)];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = generator.user(pool.length == users ? i + 1 : 1 + picks.nextLong(users));
        }
        random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    }

    /** The next user to ask for (its id and handle are the request; the whole user is the expected answer). */
    User next() {
        current = pool[random.nextInt(pool.length)];
        return current;
    }

    /** Cheap check inside the measured loop: the right user came back. */
    static User check(String how, User expected, User actual) {
        if (actual == null) {
            throw new IllegalStateException(how + " of user " + expected.id() + " (" + expected.handle()
                    + ") found nothing");
        }
        if (actual.id() != expected.id()) {
            throw new IllegalStateException(how + " of user " + expected.id() + " returned user " + actual.id());
        }
        return actual;
    }

    /** Whole-row check of a fixed sample of the pooled users, for a trial's end (kept short: 256 lookups). */
    void verifySample(String how, Function<User, User> lookup) {
        for (int i = 0; i < Math.min(VERIFIED, pool.length); i++) {
            User expected = pool[i];
            User actual = lookup.apply(expected);
            if (!expected.equals(actual)) {
                throw new IllegalStateException(how + ": user " + expected.id() + " differs from the generated "
                        + "dataset: expected " + expected + ", found " + actual);
            }
        }
    }
}
