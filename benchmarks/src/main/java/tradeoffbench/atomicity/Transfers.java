package tradeoffbench.atomicity;

import tradeoffbench.dataset.Keys;

/**
 * One benchmark operation: one transfer that committed. A transfer that gave up after every retry wrote nothing
 * and is not counted as work: another pair is drawn, up to {@link #MAX_GIVE_UPS} times in a row (more means the
 * workload cannot make progress, which fails the run).
 */
final class Transfers {
    static final int MAX_GIVE_UPS = 100;

    /** What one attempt at a transfer ended as. */
    enum Outcome {
        COMMITTED,
        /** Gave up after every retry; nothing of it was written. */
        GAVE_UP,
        /** The first leg committed, the second gave up: money is gone (non-atomic variants only). */
        PARTIAL
    }

    /** One transfer's work on one engine. */
    @FunctionalInterface
    interface Transfer {
        Outcome attempt(long from, long to, long amount) throws Exception;
    }

    private Transfers() {
    }

    static void commitOne(Keys keys, TransferCounters counters, Transfer transfer) throws Exception {
        for (int gaveUp = 0; gaveUp < MAX_GIVE_UPS; gaveUp++) {
            long[] pair = keys.nextPair();
            long amount = keys.nextAmount(Accounts.MAX_AMOUNT);
            switch (transfer.attempt(pair[0], pair[1], amount)) {
                case COMMITTED -> {
                    counters.commits++;
                    return;
                }
                case PARTIAL -> {
                    counters.partialTransfers++;
                    return;
                }
                case GAVE_UP -> {
                    // the runner counted the abort; draw another pair
                }
            }
        }
        throw new IllegalStateException(MAX_GIVE_UPS + " transfers in a row gave up after every retry: the workload "
                + "cannot make progress (too few accounts for the threads?)");
    }

    /** Lost updates seen by an absolute write: writes between our read ({@code versionRead}) and ours. */
    static long overwritten(long versionAfter, long versionRead) {
        return versionAfter - versionRead - 1;
    }
}
