package tradeoffbench.atomicity;

import java.util.SplittableRandom;

import tradeoffbench.dataset.DatasetFingerprint;

/**
 * The closed economy: accounts 1..n, each starting with a deterministic balance (depends only on seed and id),
 * so the expected total is known without asking the database. Balances may go negative (no overdraft check):
 * a transfer never aborts for a business reason, so every abort counted is a concurrency outcome.
 */
public record Accounts(long seed, int count) {
    public static final long DEFAULT_SEED = 20_120_827L;
    /** Bump when {@link #initialBalance(long)} changes, so a stored table with old balances is reloaded. */
    public static final int VERSION = 1;
    /** Transfers move 1..MAX_AMOUNT; balances start at 1,000..100,000, so a few transfers never overflow. */
    public static final int MAX_AMOUNT = 100;

    public Accounts {
        if (count < 2) {
            throw new IllegalArgumentException("a transfer needs at least 2 accounts, got accounts=" + count);
        }
    }

    public static Accounts of(int count) {
        return new Accounts(DEFAULT_SEED, count);
    }

    public long initialBalance(long id) {
        return new SplittableRandom(seed * 31 + id).nextLong(1_000, 100_001);
    }

    /** The total money in the economy: what every safe variant must conserve. */
    public long expectedTotal() {
        long total = 0;
        for (long id = 1; id <= count; id++) {
            total += initialBalance(id);
        }
        return total;
    }

    public DatasetFingerprint fingerprint() {
        return new DatasetFingerprint("accounts", VERSION, seed, count);
    }
}
