package tradeoffbench.cap;

/**
 * What happened in one second of the timeline (a read counts in the second it started, a write in the second its
 * outcome was known). A write ends as one of: acknowledged (committed, confirmed to the client), unacknowledged (the
 * client gave up waiting, but PostgreSQL had already committed it on the primary — it reaches the replica after the
 * heal), refused (an error: nothing committed), failed (the connection broke). Reads go to both servers: on the
 * replica (B) a read is stale when it is older than the newest write acknowledged before the read began; on the
 * primary (A) a read is ahead when it returns a write never acknowledged (the unacknowledged commits above).
 * {@code writesAcknowledgedStartedInCut}: acknowledged writes that were sent while the link was cut (a write sent
 * before the cut and acknowledged just after it does not count) — what a CP setup must never do.
 */
public record SecondStats(int second, Phase phase, long writesAttempted, long writesAcknowledged,
                          long writesAcknowledgedStartedInCut, long writesUnacknowledged, long writesRefused,
                          long writesFailed, long readsB, long staleReadsB,
                          long readErrorsB, long maxStalenessVersions, double maxStalenessMs, long readsA,
                          long aheadReadsA, long readErrorsA) {

    /** Accumulates one second's counts; threads add concurrently. */
    static final class Bucket {
        private final int second;
        private final Phase phase;
        private long writesAttempted;
        private long writesAcknowledged;
        private long writesAcknowledgedStartedInCut;
        private long writesUnacknowledged;
        private long writesRefused;
        private long writesFailed;
        private long readsB;
        private long staleReadsB;
        private long readErrorsB;
        private long maxStalenessVersions;
        private double maxStalenessMs;
        private long readsA;
        private long aheadReadsA;
        private long readErrorsA;

        Bucket(int second, Phase phase) {
            this.second = second;
            this.phase = phase;
        }

        synchronized void write(WriteOutcome outcome, boolean startedInCut) {
            writesAttempted++;
            switch (outcome) {
                case ACKNOWLEDGED -> {
                    writesAcknowledged++;
                    writesAcknowledgedStartedInCut += startedInCut ? 1 : 0;
                }
                case UNACKNOWLEDGED -> writesUnacknowledged++;
                case REFUSED -> writesRefused++;
                case FAILED -> writesFailed++;
            }
        }

        synchronized void readReplica(long stalenessVersions, double stalenessMs) {
            readsB++;
            if (stalenessVersions > 0) {
                staleReadsB++;
                maxStalenessVersions = Math.max(maxStalenessVersions, stalenessVersions);
                maxStalenessMs = Math.max(maxStalenessMs, stalenessMs);
            }
        }

        synchronized void readPrimary(boolean ahead) {
            readsA++;
            if (ahead) {
                aheadReadsA++;
            }
        }

        synchronized void readError(boolean primary) {
            if (primary) {
                readErrorsA++;
            } else {
                readErrorsB++;
            }
        }

        synchronized SecondStats snapshot() {
            return new SecondStats(second, phase, writesAttempted, writesAcknowledged, writesAcknowledgedStartedInCut,
                    writesUnacknowledged,
                    writesRefused, writesFailed, readsB, staleReadsB, readErrorsB, maxStalenessVersions, maxStalenessMs,
                    readsA, aheadReadsA, readErrorsA);
        }
    }

    enum WriteOutcome { ACKNOWLEDGED, UNACKNOWLEDGED, REFUSED, FAILED }
}
