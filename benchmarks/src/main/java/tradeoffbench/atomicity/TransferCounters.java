package tradeoffbench.atomicity;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.ThreadParams;
import tradeoffbench.tx.TransactionRunner;

/**
 * What happened to the transfers of one benchmark thread in one iteration, reported by JMH beside the score (one
 * row per counter and iteration). EVENTS counters are counts; JMH sums them over threads. Every variant of every
 * engine reports every counter, measured the same way: nothing here is a constant.
 *
 * <ul>
 *   <li>{@code commits}: transfers whose every write committed (the work a score counts: an operation of the
 *       benchmark is one committed transfer; attempts given up are not scored as work).</li>
 *   <li>{@code retries}: attempts thrown away and repeated (SQLState 40001 / 40P01, MongoDB
 *       TransientTransactionError or UnknownTransactionCommitResult).</li>
 *   <li>{@code aborts}: transfers given up after {@link TransactionRunner#MAX_ATTEMPTS} attempts (another pair is
 *       then drawn).</li>
 *   <li>{@code lostUpdates}: committed writes that a later write, computed from a stale read, overwrote (seen through
 *       the row's {@code version}); only variants that write absolute balances can lose one.</li>
 *   <li>{@code partialTransfers}: transfers whose first leg committed and second leg gave up (money gone).</li>
 *   <li>{@code moneyDrift}: |money in the accounts − money they started with| when the iteration ended.</li>
 *   <li>{@code inconsistentReads}: audits — sums of all balances, read by a separate connection while the
 *       transfers ran — whose total was not the economy's (money in flight, or money lost); {@code audits}: how many
 *       were read.</li>
 * </ul>
 * The last three describe the whole economy, so only thread 0 reports them.
 */
@AuxCounters(AuxCounters.Type.EVENTS)
@State(Scope.Thread)
public class TransferCounters implements TransactionRunner.Outcomes {
    public long commits;
    public long retries;
    public long aborts;
    public long lostUpdates;
    public long partialTransfers;
    public long moneyDrift;
    public long inconsistentReads;
    public long audits;

    /** The economy this thread transfers in (bound by its session); thread 0 reports its audit. */
    Economy economy;
    boolean reportsEconomy = true;

    @Setup(Level.Trial)
    public void thread(ThreadParams thread) {
        reportsEconomy = thread.getThreadIndex() == 0;
    }

    @Setup(Level.Iteration)
    public void reset() {
        commits = retries = aborts = lostUpdates = partialTransfers = moneyDrift = inconsistentReads = audits = 0;
    }

    /** After every thread stopped: the iteration's audit of the whole economy, from thread 0 only. */
    @TearDown(Level.Iteration)
    public void report() {
        if (reportsEconomy && economy != null) {
            Economy.Audit audit = economy.endIteration();
            moneyDrift = Math.abs(audit.drift());
            inconsistentReads = audit.inconsistentReads();
            audits = audit.audits();
        }
    }

    @Override
    public void retried() {
        retries++;
    }

    @Override
    public void gaveUp() {
        aborts++;
    }
}
