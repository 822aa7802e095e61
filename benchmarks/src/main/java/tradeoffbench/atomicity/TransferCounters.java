package tradeoffbench.atomicity;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What happened to the transfers of one benchmark thread in one iteration, reported by JMH next to the score
 * (one result row each). EVENTS counters are plain counts, and JMH sums them over threads, over all measurement
 * iterations and over forks (a quick profile's row covers 3 s); {@link TransferRates} gives commits, retries and
 * aborts per second.
 *
 * <ul>
 *   <li>{@code commits}: transfers whose every write committed.</li>
 *   <li>{@code retries}: attempts thrown away and repeated (SQLState 40001 / 40P01, MongoDB
 *       TransientTransactionError or UnknownTransactionCommitResult).</li>
 *   <li>{@code aborts}: transfers given up after {@link TransactionRunner#MAX_ATTEMPTS} attempts.</li>
 *   <li>{@code anomalies}: money lost or created, counted as events: each committed write that a write based on
 *       a stale read overwrote (a lost update), plus each transfer left half done. Only the unsafe variants can
 *       produce them; a safe variant that loses money fails the run instead (see {@link BalanceCheck}).</li>
 * </ul>
 */
@AuxCounters(AuxCounters.Type.EVENTS)
@State(Scope.Thread)
public class TransferCounters {
    public long commits;
    public long retries;
    public long aborts;
    public long anomalies;

    @Setup(Level.Iteration)
    public void reset() {
        commits = 0;
        retries = 0;
        aborts = 0;
        anomalies = 0;
    }
}
