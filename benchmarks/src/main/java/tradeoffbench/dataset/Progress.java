package tradeoffbench.dataset;

import java.io.PrintStream;

/**
 * A progress line for loads that take more than a few seconds; quiet for short ones. Printed to stderr, at most
 * once a second, so it never lands in a result file.
 */
public final class Progress {
    private static final long QUIET_NANOS = 2_000_000_000L;
    private static final long EVERY_NANOS = 1_000_000_000L;

    private final String label;
    private final long total;
    private final PrintStream out;
    private final long start = System.nanoTime();
    private long done;
    private long lastPrint = start;
    private boolean printed;

    public Progress(String label, long total) {
        this(label, total, System.err);
    }

    Progress(String label, long total, PrintStream out) {
        this.label = label;
        this.total = total;
        this.out = out;
    }

    public void advance(long rows) {
        done += rows;
        long now = System.nanoTime();
        if (now - start >= QUIET_NANOS && now - lastPrint >= EVERY_NANOS) {
            lastPrint = now;
            printed = true;
            out.printf(Announce.PREFIX + "loading %s: %3d%% (%,d of %,d rows, %.1f s)%n", label, percent(), done,
                    total, seconds(now));
        }
    }

    /** Prints the closing line when the load was long enough to show progress; returns the elapsed seconds. */
    public double finish() {
        double seconds = seconds(System.nanoTime());
        if (printed || seconds * 1e9 >= QUIET_NANOS) {
            out.printf(Announce.PREFIX + "loaded %s: %,d rows in %.1f s%n", label, done, seconds);
        }
        return seconds;
    }

    private int percent() {
        return total == 0 ? 100 : (int) (100 * done / total);
    }

    private double seconds(long now) {
        return (now - start) / 1e9;
    }
}
