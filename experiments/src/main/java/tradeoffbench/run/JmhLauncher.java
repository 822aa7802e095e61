package tradeoffbench.run;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;
import tradeoffbench.targets.Endpoints;

/**
 * Runs one fork of one trial through JMH's Java API: exactly that method, one value per parameter, its thread
 * count and mode, one fork. The fork gets only the path of the endpoints file ({@code -Dtradeoffbench.endpoints=...})
 * and opens its own connections. JMH's own console goes to {@code out} (the run folder's {@code jmh.log}, or the
 * console with {@code -v}).
 */
final class JmhLauncher {
    private JmhLauncher() {
    }

    static BenchmarkResult runFork(Trial trial, JmhSettings settings, Path endpointsFile, PrintStream out)
            throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(trial.method().fullName()) + "$")
                .mode(trial.mode())
                .forks(1)
                .warmupIterations(settings.warmupIterations())
                .warmupTime(settings.warmupTime())
                .measurementIterations(settings.iterations())
                .measurementTime(settings.measurementTime())
                .threads(trial.threads())
                .shouldFailOnError(true)
                .jvmArgsAppend(forkArgs(settings, endpointsFile));
        trial.params().forEach(options::param);
        for (String profiler : settings.profilers()) {
            int colon = profiler.indexOf(':');
            if (colon < 0) {
                options.addProfiler(profiler);
            } else {
                options.addProfiler(profiler.substring(0, colon), profiler.substring(colon + 1));
            }
        }
        OutputFormat format = OutputFormatFactory.createFormatInstance(out, VerboseMode.NORMAL);
        Collection<RunResult> results = new Runner(options.build(), format).run();
        if (results.size() != 1) {
            throw new IllegalStateException("JMH ran " + results.size() + " benchmarks for " + trial.describe()
                    + ", expected exactly one");
        }
        RunResult result = results.iterator().next();
        if (result.getBenchmarkResults().size() != 1) {
            throw new IllegalStateException("JMH returned " + result.getBenchmarkResults().size() + " forks for "
                    + trial.describe() + ", expected one");
        }
        return result.getBenchmarkResults().iterator().next();
    }

    /**
     * The fork's extra JVM options: where it finds the endpoints, then the user's {@code -jvmArgs}. One array,
     * because each {@code jvmArgsAppend} call replaces what an earlier one set.
     */
    static String[] forkArgs(JmhSettings settings, Path endpointsFile) {
        List<String> args = new java.util.ArrayList<>();
        args.add("-D" + Endpoints.PROPERTY + "=" + endpointsFile.toAbsolutePath());
        String runStarted = System.getProperty(tradeoffbench.dataset.Announce.RUN_STARTED_PROPERTY);
        if (runStarted != null) {
            args.add("-D" + tradeoffbench.dataset.Announce.RUN_STARTED_PROPERTY + "=" + runStarted);
        }
        args.addAll(settings.jvmArgs());
        return args.toArray(String[]::new);
    }
}
