package tradeoffbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input through the real command: one line on stderr, exit 2, and no results folder left behind — before any
 * server starts.
 */
class BadInputTest {

    @TempDir
    Path results;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown family       | run --family lokup                 | error: unknown family 'lokup'; valid families: ",
        "unknown benchmark    | run -b nope.*                      | error: no benchmark matches 'nope.*' ; valid benchmarks: ",
        "bad profile          | run --profile fast                 | error: unknown profile 'fast'; valid profiles: quick, full",
        "malformed -p         | run -p users                       | error: malformed -p 'users': expected name=value[,value...]",
        "unknown parameter    | run -F lookup -p usres=5           | error: unknown parameter 'usres' in -p; the selected benchmarks take: users",
        "negative threads     | run -t -1                          | error: threads (-t) must be between 1 and 256, got -1",
        "negative dataset     | run -F lookup -p users=-5          | error: invalid value '-5' for -p users: PointLookupBenchmark expects a number of users",
        "bad isolation level  | run -F atomicity -p isolation=SNAPSHOT | error: invalid value 'SNAPSHOT' for -p isolation: PostgresTransferBenchmark expects an isolation level",
        "bad write concern    | run -F atomicity -p writeConcern=all | error: invalid value 'all' for -p writeConcern: MongoTransferBenchmark expects a write concern",
        "absurd forks         | run -f 1000                        | error: forks (-f) must be between 1 and 50, got 1000",
        "bad iteration time   | run -r soon                        | error: invalid -r 'soon': expected a time such as 1s, 500ms or 2min",
        "too short a warmup   | run -w 1ms                         | error: warmup time (-w) must be between 10ms and 3600s, got 1 ms",
        "unknown profiler     | run -F lookup -prof nosuchprof      | error: unknown or unusable profiler 'nosuchprof' (-prof): ",
        "benchmark as a claim | run postgresPrimaryKey              | error: 'postgresPrimaryKey' is no claim, but it matches 1 benchmark(s) (PointLookupBenchmark.postgresPrimaryKey): did you mean -b postgresPrimaryKey?",
        "not a number         | run -i many                        | error: Invalid value for option '-i': 'many' is not an int",
        "unknown option       | run --colour red                   | error: Unknown option: '--colour'",
        "bad pg mode          | run --pg-mode docker               | error: invalid --pg-mode 'docker'; valid: auto, container, embedded",
        "bad pull policy      | run --image-pull sometimes         | error: invalid --image-pull 'sometimes'; valid: missing, never",
        "malformed url        | run --pg-url mysql://u:hunter2@h/d | error: malformed PostgreSQL URL mysql://u:****@h/d",
    })
    void oneLineExitTwoAndNoResultsFolder(String name, String args, String expectedStart) throws IOException {
        String[] argv = (args + " --mongo-mode none --results-dir " + results).split(" +");
        Console console = Console.run(argv);

        assertThat(console.exit()).as("exit code").isEqualTo(2);
        assertThat(console.errLines()).hasSize(1);
        assertThat(console.errLines().get(0)).startsWith(expectedStart).doesNotContain("hunter2");
        assertThat(console.err()).doesNotContain("\tat ");
        try (Stream<Path> left = Files.list(results)) {
            assertThat(left).as("nothing written").isEmpty();
        }
    }
}
