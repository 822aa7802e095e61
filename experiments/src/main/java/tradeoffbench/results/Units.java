package tradeoffbench.results;

import java.util.Map;

/**
 * Normalizes JMH's units so every family's rows compare directly: throughput to {@code ops/s}, time per operation
 * to {@code us/op}. Units of other metrics (profilers: MB/sec, B/op, counts) pass unchanged.
 */
public final class Units {
    private static final Map<String, Double> SECONDS = Map.of(
            "ns", 1e-9, "us", 1e-6, "ms", 1e-3, "s", 1.0, "min", 60.0, "hr", 3600.0, "day", 86400.0);

    private Units() {
    }

    /** A unit and the factor that converts a score in the JMH unit to it. */
    public record Normalized(String unit, double factor) {
        public Double apply(Double value) {
            return value == null || value.isNaN() ? null : value * factor;
        }
    }

    public static Normalized normalize(String jmhUnit) {
        int slash = jmhUnit.indexOf('/');
        if (slash > 0) {
            String left = jmhUnit.substring(0, slash);
            String right = jmhUnit.substring(slash + 1);
            if (left.equals("ops") && SECONDS.containsKey(right)) {
                return new Normalized("ops/s", 1.0 / SECONDS.get(right));
            }
            if (right.equals("op") && SECONDS.containsKey(left)) {
                return new Normalized("us/op", SECONDS.get(left) / 1e-6);
            }
        }
        return new Normalized(jmhUnit, 1.0);
    }
}
