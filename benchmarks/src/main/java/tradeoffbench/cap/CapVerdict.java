package tradeoffbench.cap;

/**
 * The claim "under a partition, CP refuses writes and AP serves stale reads", judged from the partition seconds of
 * one CP run and one AP run.
 * <ul>
 *   <li>SUPPORTED: CP had timed-out writes and zero stale reads (with reads served), and AP had committed writes and
 *       stale reads.</li>
 *   <li>REFUTED: the opposite was seen: CP served a stale read or accepted every write it attempted, or AP (with
 *       writes and reads attempted) committed none or never read a stale value.</li>
 *   <li>INCONCLUSIVE: otherwise (e.g. no write or read was attempted during the partition).</li>
 * </ul>
 */
public record CapVerdict(Outcome outcome, long cpWritesAttempted, long cpWritesCommitted, long cpWritesTimedOut,
                         long cpReads, long cpStaleReads, long apWritesAttempted, long apWritesCommitted,
                         long apReads, long apStaleReads) {

    public static final String CLAIM = "under partition, CP refuses writes and AP serves stale reads";

    public enum Outcome { SUPPORTED, REFUTED, INCONCLUSIVE }

    public static CapVerdict judge(TimelineResult cp, TimelineResult ap) {
        if (cp.mode() != ReplicationMode.CP || ap.mode() != ReplicationMode.AP) {
            throw new IllegalArgumentException("judge(cp, ap) got " + cp.mode() + " and " + ap.mode());
        }
        Phase p = Phase.PARTITION;
        return decide(cp.sum(p, SecondStats::writesAttempted), cp.sum(p, SecondStats::writesCommitted),
                cp.sum(p, SecondStats::writesTimedOut), cp.sum(p, SecondStats::reads),
                cp.sum(p, SecondStats::staleReads), ap.sum(p, SecondStats::writesAttempted),
                ap.sum(p, SecondStats::writesCommitted), ap.sum(p, SecondStats::reads),
                ap.sum(p, SecondStats::staleReads));
    }

    /** The rule on the partition-phase sums (so it can be recomputed from a results folder's rows). */
    public static CapVerdict decide(long cpAttempted, long cpCommitted, long cpTimedOut, long cpReads, long cpStale,
                                    long apAttempted, long apCommitted, long apReads, long apStale) {
        boolean cpRefuses = cpTimedOut > 0 && cpReads > 0 && cpStale == 0;
        boolean apServesStale = apCommitted > 0 && apStale > 0;
        boolean cpContradicts = cpReads > 0 && (cpStale > 0 || (cpAttempted > 0 && cpTimedOut == 0));
        boolean apContradicts = apReads > 0 && apAttempted > 0 && (apCommitted == 0 || apStale == 0);
        Outcome outcome = cpRefuses && apServesStale ? Outcome.SUPPORTED
                : cpContradicts || apContradicts ? Outcome.REFUTED
                : Outcome.INCONCLUSIVE;
        return new CapVerdict(outcome, cpAttempted, cpCommitted, cpTimedOut, cpReads, cpStale, apAttempted,
                apCommitted, apReads, apStale);
    }

    /** One line with the deciding numbers. */
    public String summary() {
        return String.format("%s: %s — during the partition CP: %d/%d writes timed out, %d of %d reads stale; "
                        + "AP: %d/%d writes committed, %d of %d reads stale",
                outcome, CLAIM, cpWritesTimedOut, cpWritesAttempted, cpStaleReads, cpReads, apWritesCommitted,
                apWritesAttempted, apStaleReads, apReads);
    }
}
