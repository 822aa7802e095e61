package tradeoffbench.run;

import java.util.List;
import java.util.Locale;

import tradeoffbench.catalog.UsageException;

/**
 * How long to measure. {@code quick} is a talk rehearsal: one fork, short iterations, numbers with wide error
 * bars, minutes for everything. {@code full} is for numbers to publish: three forks, longer iterations.
 * Every value can be overridden with JMH's own options ({@code -f -wi -w -i -r -t}).
 */
public enum Profile {
    QUICK(1, 1, 1, 3, 1, List.of(1, 2)),
    FULL(3, 3, 5, 5, 5, List.of(1, 2));

    final int forks;
    final int warmupIterations;
    final int warmupSeconds;
    final int iterations;
    final int measurementSeconds;
    final List<Integer> threads;

    Profile(int forks, int warmupIterations, int warmupSeconds, int iterations, int measurementSeconds,
            List<Integer> threads) {
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.warmupSeconds = warmupSeconds;
        this.iterations = iterations;
        this.measurementSeconds = measurementSeconds;
        this.threads = threads;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Profile parse(String text) {
        for (Profile p : values()) {
            if (p.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new UsageException("unknown profile '" + text + "'; valid profiles: quick, full");
    }
}
