package tradeoffbench.atomicity;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A reader of the whole economy while transfers run: every {@link #PACE_MICROS} µs it sums all balances through its
 * own connection and counts the sums that are not the economy's total. A sum read between the two legs of a
 * non-atomic transfer sees money in flight; one read after a lost update sees money gone. Every variant runs the same
 * auditor, so they pay the same for it. Paused while an iteration's end is checked and the balances are restored.
 */
final class Auditor implements AutoCloseable {
    static final long PACE_MICROS = 1_000;

    /** One sum of all balances, as the engine answers it. */
    @FunctionalInterface
    interface Sum {
        long read() throws Exception;
    }

    private final Sum sum;
    private final long expected;
    private final Thread thread;
    private final AtomicLong audits = new AtomicLong();
    private final AtomicLong inconsistent = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private volatile boolean running = true;
    private volatile boolean paused = true;
    /** Set by the thread when it is parked between audits (not inside a read). */
    private volatile boolean idle;

    Auditor(String name, Sum sum, long expected) {
        this.sum = sum;
        this.expected = expected;
        this.thread = new Thread(this::loop, "auditor-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            if (!paused) {
                idle = false;
                try {
                    long total = sum.read();
                    if (!paused) {
                        audits.incrementAndGet();
                        if (total != expected) {
                            inconsistent.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    if (running) {
                        failure.compareAndSet(null, e);
                    }
                    return;
                }
            }
            idle = true;
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(PACE_MICROS));
        }
    }

    /** Stops auditing and waits until no read is in flight. */
    void pause() {
        paused = true;
        while (!idle && thread.isAlive()) {
            LockSupport.parkNanos(50_000);
        }
    }

    void resume() {
        paused = false;
    }

    /** Audits counted since the last {@link #take()}, without resetting them. */
    long counted() {
        return audits.get();
    }

    /** The audits since the last call, and how many of them were inconsistent; rethrows the auditor's failure. */
    long[] take() {
        Exception e = failure.get();
        if (e != null) {
            throw new IllegalStateException("the auditor's sum of all balances failed: " + e.getMessage(), e);
        }
        return new long[] {audits.getAndSet(0), inconsistent.getAndSet(0)};
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
