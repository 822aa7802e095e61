package tradeoffbench.atomicity;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import tradeoffbench.dataset.Keys;
import tradeoffbench.params.Accepts;

/**
 * The closed economy one benchmark trial transfers money in, whatever the engine: its size and key skew, the money it
 * must hold, the {@link Auditor} that reads it while transfers run, and the check at the end of every iteration,
 * after which the balances are restored, so iteration 3 measures what iteration 1 did. An engine's economy
 * ({@link PostgresEconomy}, {@link MongoEconomy}) says how to sum, audit and restore it.
 */
@State(Scope.Benchmark)
public abstract class Economy {
    @Accepts(value = Accepts.POSITIVE, meaning = "a number of accounts", bytesEach = 200)
    @Param({"1000"})
    public int accounts;

    @Accepts(value = "uniform|zipf[0-9]+(\\.[0-9]+)?", meaning = "uniform or zipf<theta>, e.g. zipf0.99")
    @Param({"uniform", "zipf0.99"})
    public String skew;

    Accounts economy;
    private Auditor auditor;
    private Audit ended;

    /** What an iteration's end found: the total's drift from the economy's money, and the auditor's counts. */
    record Audit(long drift, long inconsistentReads, long audits) {
    }

    /** Checks the parameters, loads or restores the accounts, and starts the auditor. */
    protected void start() throws Exception {
        Keys.theta(skew);
        economy = Accounts.of(accounts);
        load();
        long start = total();
        if (start != economy.expectedTotal()) {
            throw new IllegalStateException("the economy holds " + start + " after it was restored, expected "
                    + economy.expectedTotal());
        }
        auditor = new Auditor(economy.fingerprint().name(), this::auditSum, economy.expectedTotal());
    }

    /** A thread's own stream of account pairs and amounts. */
    Keys keysFor(int threadIndex) {
        return Keys.of(skew, accounts, Accounts.DEFAULT_SEED + 7919L * threadIndex);
    }

    /** Loads the accounts (or reuses them) with their starting balances. */
    protected abstract void load() throws Exception;

    /** The money in the accounts now (no transfer running). */
    protected abstract long total() throws Exception;

    /** One audit: the sum of all balances read while transfers run, through the auditor's own connection. */
    protected abstract long auditSum() throws Exception;

    /** Every balance back to its starting value (and dead rows cleaned away). */
    protected abstract void restore() throws Exception;

    /** Closes the engine's connections. */
    protected abstract void closeConnections();

    @Setup(Level.Iteration)
    public void beginIteration() {
        ended = null;
        auditor.resume();
    }

    /**
     * The iteration's audit, computed once after every thread stopped (thread 0's counters and this state's own
     * teardown both ask; whichever comes first computes it).
     */
    synchronized Audit endIteration() {
        if (ended == null) {
            auditor.pause();
            try {
                long[] audited = auditor.take();
                ended = new Audit(total() - economy.expectedTotal(), audited[1], audited[0]);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("cannot total the economy: " + e.getMessage(), e);
            }
        }
        return ended;
    }

    /**
     * Waits, up to {@code limit}, until the auditor has summed the balances at least once in this iteration (a test's
     * way to know the auditor ran, however busy the machine; JMH's iterations last long enough by themselves).
     */
    boolean awaitAudit(java.time.Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (auditor.counted() == 0 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        return auditor.counted() > 0;
    }

    @TearDown(Level.Iteration)
    public void finishIteration() throws Exception {
        endIteration();
        restore();
    }

    @TearDown(Level.Trial)
    public void stop() {
        if (auditor != null) {
            auditor.close();
        }
        closeConnections();
    }
}
