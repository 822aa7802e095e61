package tradeoffbench.run;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.profile.ProfilerFactory;
import org.openjdk.jmh.runner.options.ProfilerConfig;
import org.openjdk.jmh.runner.options.TimeValue;
import tradeoffbench.catalog.UsageException;

/**
 * How every fork of a run is measured: the profile's values with the user's overrides (JMH's own spellings: time
 * values such as {@code 1s}, {@code 500ms}, {@code 2min}), validated so an absurd count is a one-line error before
 * any server starts. What differs per trial (parameters, threads, mode) is in the {@link Trial}s.
 *
 * @param forks forks per trial, measured in interleaved rounds ({@link Schedule})
 */
public record JmhSettings(int forks, int warmupIterations, TimeValue warmupTime, int iterations,
                          TimeValue measurementTime, List<String> profilers, List<String> jvmArgs) {

    static final int MAX_FORKS = 50;
    static final int MAX_ITERATIONS = 200;
    static final long MAX_SECONDS = 3_600;
    static final int MAX_THREADS = 256;

    public JmhSettings {
        check("forks (-f)", forks, 1, MAX_FORKS);
        check("warmup iterations (-wi)", warmupIterations, 0, MAX_ITERATIONS);
        checkTime("warmup time (-w)", warmupTime);
        check("iterations (-i)", iterations, 1, MAX_ITERATIONS);
        checkTime("iteration time (-r)", measurementTime);
        profilers = List.copyOf(profilers);
        profilers.forEach(JmhSettings::checkProfiler);
        jvmArgs = List.copyOf(jvmArgs);
    }

    public static JmhSettings of(Profile profile) {
        return new JmhSettings(profile.forks, profile.warmupIterations, profile.warmupTime, profile.iterations,
                profile.measurementTime, List.of(), List.of());
    }

    /** Parses a JMH time value ({@code 1s}, {@code 500ms}, {@code 2min}, or a plain number of seconds). */
    public static TimeValue parseTime(String option, String text) {
        try {
            return TimeValue.fromString(text.trim());
        } catch (RuntimeException e) {
            throw new UsageException("invalid " + option + " '" + text + "': expected a time such as 1s, 500ms or 2min");
        }
    }

    /** Parses one {@code -p name=v1,v2}. */
    public static Map.Entry<String, List<String>> parseParam(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new UsageException("malformed -p '" + text + "': expected name=value[,value...]");
        }
        return Map.entry(text.substring(0, eq).trim(), List.of(text.substring(eq + 1).split(",", -1)));
    }

    public static void checkThreads(List<Integer> threads) {
        if (threads != null) {
            threads.forEach(t -> check("threads (-t)", t, 1, MAX_THREADS));
        }
    }

    /** Seconds one fork spends in warmup and measurement (what the time estimates use). */
    public double iterationSeconds() {
        return warmupIterations * warmupTime.convertTo(TimeUnit.MILLISECONDS) / 1e3
                + iterations * measurementTime.convertTo(TimeUnit.MILLISECONDS) / 1e3;
    }

    /**
     * A profiler JMH would reject inside the first fork ({@code -prof nosuchprof}, or {@code perf} where it is not
     * installed) is bad input before any server starts: asked of JMH's own profiler factory.
     */
    static void checkProfiler(String spec) {
        int colon = spec.indexOf(':');
        String name = colon < 0 ? spec : spec.substring(0, colon);
        String options = colon < 0 ? "" : spec.substring(colon + 1);
        try {
            ProfilerFactory.getProfilerOrException(new ProfilerConfig(name, options));
        } catch (ProfilerException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new UsageException("unknown or unusable profiler '" + spec + "' (-prof): " + why.strip()
                    + "; JMH's profilers: gc, stack, comp, cl, safepoints, perf (Linux, with perf installed), …");
        }
    }

    private static void check(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new UsageException(what + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    private static void checkTime(String what, TimeValue value) {
        long millis = value.convertTo(TimeUnit.MILLISECONDS);
        if (millis < 10 || millis > MAX_SECONDS * 1000) {
            throw new UsageException(what + " must be between 10ms and " + MAX_SECONDS + "s, got " + value);
        }
    }
}
