package tradeoffbench.cap;

import java.util.List;

import tradeoffbench.targets.Endpoint;

/**
 * One configuration's run through the timeline.
 *
 * @param convergenceMs     from the heal until the replica returned at least the version the primary held at the
 *                          heal; -1 when it did not within the heal phase
 * @param checksumsMatch    after the writers stopped and the replica replayed everything: same table content on both
 * @param unackedLocalCommits writes that timed out waiting for the synchronous standby but had already committed on
 *                          the primary (PostgreSQL cancels the wait, not the commit); they reach the replica after the heal
 */
public record TimelineResult(ReplicationMode mode, TimelineSpec spec, Endpoint primary, Endpoint replica,
                             List<SecondStats> seconds, long convergenceMs, boolean checksumsMatch,
                             long unackedLocalCommits) {

    /** Sum of one counter over the seconds of one phase. */
    public long sum(Phase phase, java.util.function.ToLongFunction<SecondStats> counter) {
        return seconds.stream().filter(s -> s.phase() == phase).mapToLong(counter).sum();
    }
}
