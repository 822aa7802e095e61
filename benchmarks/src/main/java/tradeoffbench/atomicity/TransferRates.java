package tradeoffbench.atomicity;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The {@link TransferCounters} of an iteration as rates: JMH divides OPERATIONS counters by the measured time, so
 * the throughput rows read {@code commitRate}, {@code retryRate}, {@code abortRate} in ops/s next to the score.
 * (The EVENTS counts themselves are summed over all measurement iterations, which makes them hard to compare
 * between profiles; the rates are not.) Mirrored after each transfer.
 */
@AuxCounters(AuxCounters.Type.OPERATIONS)
@State(Scope.Thread)
public class TransferRates {
    public long commitRate;
    public long retryRate;
    public long abortRate;

    /** Mirrors the counts after a transfer (three stores; JMH cannot inject one aux-counter state into another). */
    void mirror(TransferCounters counters) {
        commitRate = counters.commits;
        retryRate = counters.retries;
        abortRate = counters.aborts;
    }
}
