package tradeoffbench.run;

import java.util.List;
import java.util.Locale;

import org.openjdk.jmh.runner.options.TimeValue;
import tradeoffbench.catalog.UsageException;

/**
 * How long to measure. Both profiles give every trial at least three forks, measured interleaved with the trials it
 * is compared with, so every number has an honest interval (docs/STATISTICS.md). {@code quick} is a talk rehearsal:
 * short iterations, minutes for every claim; it decides effects that are real and large, and says INCONCLUSIVE
 * about the rest. {@code full} is for numbers to publish: more forks and longer iterations for narrower intervals.
 * Every value can be overridden with JMH's own options ({@code -f -wi -w -i -r -t}).
 */
public enum Profile {
    QUICK(3, 1, TimeValue.seconds(1), 4, TimeValue.milliseconds(600), List.of(1, 2)),
    FULL(5, 3, TimeValue.seconds(2), 8, TimeValue.seconds(2), List.of(1, 2));

    final int forks;
    final int warmupIterations;
    final TimeValue warmupTime;
    final int iterations;
    final TimeValue measurementTime;
    final List<Integer> threads;

    Profile(int forks, int warmupIterations, TimeValue warmupTime, int iterations, TimeValue measurementTime,
            List<Integer> threads) {
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.warmupTime = warmupTime;
        this.iterations = iterations;
        this.measurementTime = measurementTime;
        this.threads = threads;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public List<Integer> threads() {
        return threads;
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
