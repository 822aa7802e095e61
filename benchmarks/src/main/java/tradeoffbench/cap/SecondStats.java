package tradeoffbench.cap;

/**
 * What happened in one second of the timeline (a read counts in the second it started, a write in the second its
 * outcome was known).
 * Staleness of a read: how far the replica's answer was behind the newest write acknowledged on the primary before
 * the read began, in versions and in milliseconds since a newer value had been acknowledged; 0 for a fresh read.
 */
public record SecondStats(int second, Phase phase, long writesAttempted, long writesCommitted, long writesTimedOut,
                          long writesFailed, long reads, long staleReads, long readErrors,
                          long maxStalenessVersions, double maxStalenessMs) {

    /** Accumulates one second's counts; threads add concurrently. */
    static final class Bucket {
        private final int second;
        private final Phase phase;
        private long writesAttempted;
        private long writesCommitted;
        private long writesTimedOut;
        private long writesFailed;
        private long reads;
        private long staleReads;
        private long readErrors;
        private long maxStalenessVersions;
        private double maxStalenessMs;

        Bucket(int second, Phase phase) {
            this.second = second;
            this.phase = phase;
        }

        synchronized void write(WriteOutcome outcome) {
            writesAttempted++;
            switch (outcome) {
                case COMMITTED -> writesCommitted++;
                case TIMED_OUT -> writesTimedOut++;
                case FAILED -> writesFailed++;
            }
        }

        synchronized void read(long stalenessVersions, double stalenessMs) {
            reads++;
            if (stalenessVersions > 0) {
                staleReads++;
                maxStalenessVersions = Math.max(maxStalenessVersions, stalenessVersions);
                maxStalenessMs = Math.max(maxStalenessMs, stalenessMs);
            }
        }

        synchronized void readError() {
            readErrors++;
        }

        synchronized SecondStats snapshot() {
            return new SecondStats(second, phase, writesAttempted, writesCommitted, writesTimedOut, writesFailed,
                    reads, staleReads, readErrors, maxStalenessVersions, maxStalenessMs);
        }
    }

    enum WriteOutcome { COMMITTED, TIMED_OUT, FAILED }
}
