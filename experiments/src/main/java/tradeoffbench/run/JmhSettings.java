package tradeoffbench.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tradeoffbench.catalog.ParamRule;
import tradeoffbench.catalog.UsageException;

/**
 * The JMH options of one run: the profile's values with the user's overrides, validated so an absurd count is a
 * one-line error before any server starts.
 *
 * @param threads one JMH pass per thread count (JMH itself takes one count per run)
 * @param params  {@code -p name=v1,v2} overrides, checked against the selected benchmarks' {@code @Param}s
 */
public record JmhSettings(int forks, int warmupIterations, int warmupSeconds, int iterations, int measurementSeconds,
                          List<Integer> threads, Map<String, List<String>> params, List<String> profilers) {

    static final int MAX_FORKS = 20;
    static final int MAX_ITERATIONS = 200;
    static final int MAX_SECONDS = 3_600;
    static final int MAX_THREADS = 256;

    public JmhSettings {
        check("forks (-f)", forks, 1, MAX_FORKS);
        check("warmup iterations (-wi)", warmupIterations, 0, MAX_ITERATIONS);
        check("warmup time (-w)", warmupSeconds, 1, MAX_SECONDS);
        check("iterations (-i)", iterations, 1, MAX_ITERATIONS);
        check("iteration time (-r)", measurementSeconds, 1, MAX_SECONDS);
        if (threads.isEmpty()) {
            throw new UsageException("threads (-t) needs at least one count");
        }
        threads.forEach(t -> check("threads (-t)", t, 1, MAX_THREADS));
        threads = List.copyOf(threads);
        params = new LinkedHashMap<>(params);
        profilers = List.copyOf(profilers);
    }

    public static JmhSettings of(Profile profile) {
        return new JmhSettings(profile.forks, profile.warmupIterations, profile.warmupSeconds, profile.iterations,
                profile.measurementSeconds, profile.threads, Map.of(), List.of());
    }

    /** Checks {@code -p} names against the benchmarks' parameters and values against empties. */
    public void checkParams(Map<String, List<String>> known) {
        params.forEach((name, values) -> {
            if (!known.containsKey(name)) {
                throw new UsageException("unknown parameter '" + name + "' in -p; the selected benchmarks take: "
                        + (known.isEmpty() ? "no parameters" : String.join(", ", known.keySet())));
            }
            if (values.isEmpty() || values.stream().anyMatch(String::isBlank)) {
                throw new UsageException("parameter '" + name + "' in -p needs values: -p " + name + "=v1,v2");
            }
        });
    }

    /** Checks {@code -p} values against what the benchmarks accept ({@code @Accepts}): a typo is exit 2, not a failed fork. */
    public void checkValues(Map<String, List<ParamRule>> rules) {
        params.forEach((name, values) -> {
            for (String value : values) {
                for (ParamRule rule : rules.getOrDefault(name, List.of())) {
                    if (!rule.accepts(value)) {
                        throw new UsageException("invalid value '" + value + "' for -p " + name + ": "
                                + rule.benchmark() + " expects " + rule.meaning() + " (" + rule.pattern() + ")");
                    }
                }
            }
        });
    }

    /** Parses one {@code -p name=v1,v2}. */
    public static Map.Entry<String, List<String>> parseParam(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new UsageException("malformed -p '" + text + "': expected name=value[,value...]");
        }
        return Map.entry(text.substring(0, eq).trim(), List.of(text.substring(eq + 1).split(",", -1)));
    }

    private static void check(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new UsageException(what + " must be between " + min + " and " + max + ", got " + value);
        }
    }
}
