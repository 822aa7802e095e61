package tradeoffbench.testing;

import org.openjdk.jmh.infra.ThreadParams;

/** JMH's per-thread parameters, for calling benchmark states directly in a test. */
public final class TestThreads {
    private TestThreads() {
    }

    /** Thread {@code index} of {@code count} benchmark threads (one group). */
    public static ThreadParams thread(int index, int count) {
        return new ThreadParams(index, count, 0, 1, 0, 1, index, count, 0, 1);
    }
}
