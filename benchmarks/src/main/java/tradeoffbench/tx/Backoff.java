package tradeoffbench.tx;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * How long to wait before a retry. {@link #jittered()}: "full jitter" exponential backoff, a uniform pause in
 * [0, min(10 ms, 0.1 ms x 2^(attempt-1))], so two transactions that just conflicted do not collide again in lock step
 * (the usual advice for MongoDB's TransientTransactionError and PostgreSQL's serialization failures alike).
 */
@FunctionalInterface
public interface Backoff {
    long BASE_NANOS = 100_000;
    long CAP_NANOS = 10_000_000;

    /** Pauses before attempt {@code attempt + 1}. */
    void pause(int attempt);

    static Backoff jittered() {
        return attempt -> {
            long ceiling = Math.min(CAP_NANOS, BASE_NANOS << Math.min(attempt - 1, 20));
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(ceiling + 1));
        };
    }

    /** No pause (tests). */
    static Backoff none() {
        return attempt -> {
        };
    }
}
