package tradeoffbench.run;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import tradeoffbench.catalog.BenchmarkMethod;
import tradeoffbench.targets.Endpoints;

/**
 * Runs the selected benchmark methods through JMH's Java API, one pass per thread count. Forks get only the path
 * of the endpoints file ({@code -Dtradeoffbench.endpoints=...}); they open their own connections.
 */
final class JmhLauncher {
    private JmhLauncher() {
    }

    static void run(List<BenchmarkMethod> methods, JmhSettings settings, Path endpointsFile, RunRecorder recorder,
                    PrintStream console) throws RunnerException {
        for (int threads : settings.threads()) {
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .forks(settings.forks())
                    .warmupIterations(settings.warmupIterations())
                    .warmupTime(TimeValue.seconds(settings.warmupSeconds()))
                    .measurementIterations(settings.iterations())
                    .measurementTime(TimeValue.seconds(settings.measurementSeconds()))
                    .threads(threads)
                    .shouldFailOnError(true)
                    .jvmArgsAppend("-D" + Endpoints.PROPERTY + "=" + endpointsFile.toAbsolutePath());
            methods.forEach(m -> options.include("^" + Pattern.quote(m.fullName()) + "$"));
            settings.params().forEach((name, values) -> options.param(name, values.toArray(String[]::new)));
            settings.profilers().forEach(options::addProfiler);
            var jmhConsole = OutputFormatFactory.createFormatInstance(console, VerboseMode.NORMAL);
            new Runner(options.build(), new RecordingOutputFormat(jmhConsole, recorder)).run();
        }
    }
}
