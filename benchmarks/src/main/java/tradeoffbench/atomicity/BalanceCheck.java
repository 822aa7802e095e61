package tradeoffbench.atomicity;

import java.io.PrintStream;

/**
 * The invariant of the closed economy, judged after each trial: the money in the accounts equals the money they
 * started with.
 *
 * <ul>
 *   <li>A safe variant that lost or created money fails the run, naming the benchmark and both totals.</li>
 *   <li>An unsafe variant reports the drift on stderr (its lost updates are the {@code anomalies} metric). It still
 *       fails when the total drifted while its detector counted nothing: then the detector is broken, and an
 *       anomaly count of zero would be a lie.</li>
 * </ul>
 */
public record BalanceCheck(String benchmark, boolean safe, long expectedTotal, long foundTotal,
                           long anomaliesCounted) {

    public long drift() {
        return foundTotal - expectedTotal;
    }

    /** Throws when the invariant (or, for an unsafe variant, the detector) failed; returns the report line. */
    public String verify() {
        if (safe && drift() != 0) {
            throw new IllegalStateException(benchmark + " broke the closed-economy invariant: expected total "
                    + expectedTotal + ", found " + foundTotal + " (difference " + drift() + ")");
        }
        if (!safe && drift() != 0 && anomaliesCounted == 0) {
            throw new IllegalStateException(benchmark + ": total drifted (expected " + expectedTotal + ", found "
                    + foundTotal + ") but no anomaly was counted: the lost-update detector missed something");
        }
        return benchmark + ": total expected " + expectedTotal + ", found " + foundTotal + " (difference "
                + drift() + "); anomalies counted this trial: " + anomaliesCounted;
    }

    /** Verifies, and prints the line for unsafe variants (where a difference is the finding, not a failure). */
    public void verifyAndReport(PrintStream out) {
        String line = verify();
        if (!safe) {
            out.println(line);
        }
    }

    /** The benchmark's short name ({@code PostgresTransferBenchmark.singleStatement}) from JMH's full name. */
    static String shortName(String fullName) {
        int method = fullName.lastIndexOf('.');
        int type = fullName.lastIndexOf('.', method - 1);
        return fullName.substring(type + 1);
    }
}
