package tradeoffbench.sharding;

import java.util.function.Function;

import tradeoffbench.dataset.Keys;
import tradeoffbench.dataset.User;
import tradeoffbench.dataset.UserGenerator;

/**
 * Which users a client thread asks for, drawn over the whole key space as the skew says ({@link Keys}), with each
 * one's expected answer from the generator (the measured loop checks the id; a sample is checked whole at the end).
 */
final class Lookups {
    private static final int VERIFIED = 64;

    private final Keys keys;
    private final UserGenerator generator = new UserGenerator(UserGenerator.DEFAULT_SEED);
    private final long users;

    Lookups(String skew, long users, long seed) {
        this.keys = Keys.of(skew, users, seed);
        this.users = users;
    }

    static Lookups uniform(long users, int threadIndex) {
        return new Lookups("uniform", users, 1000 + threadIndex);
    }

    /** The next user to ask for (its id and handle are the request; the whole user is the expected answer). */
    User next() {
        return generator.user(keys.next());
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

    /** Whole-row check of a fixed sample of users, for a trial's end. */
    void verifySample(String how, Function<User, User> lookup) {
        Keys sample = Keys.of("uniform", users, users);
        for (int i = 0; i < VERIFIED; i++) {
            User expected = generator.user(sample.next());
            User actual = lookup.apply(expected);
            if (!expected.equals(actual)) {
                throw new IllegalStateException(how + ": user " + expected.id() + " differs from the generated "
                        + "dataset: expected " + expected + ", found " + actual);
            }
        }
    }
}
