package tradeoffbench.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import tradeoffbench.catalog.UsageException;
import tradeoffbench.targets.Secrets;
import tradeoffbench.targets.TargetException;

@Command(name = "tradeoff-bench", mixinStandardHelpOptions = true, version = "tradeoff-bench 0.1.0",
        description = "Measure the database tradeoffs of system-design talks on real PostgreSQL and MongoDB servers.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final int BAD_INPUT = 2;
    private static final java.util.Set<String> JMH_LISTING = java.util.Set.of("-l", "-lp");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (tests call this directly). */
    public static int execute(String... given) {
        // JMH's habit `java -jar benchmarks.jar -l` / `-lp`: the listing is run's, so the word run is implied.
        String[] args = given.length > 0 && JMH_LISTING.contains(given[0])
                ? java.util.stream.Stream.concat(java.util.stream.Stream.of("run"), java.util.Arrays.stream(given))
                .toArray(String[]::new) : given;
        CommandLine cli = new CommandLine(new Main());
        CommandLine run = new CommandLine(new RunCommand(args));
        TargetArgs.addTo(run.getCommandSpec());
        CommandLine list = new CommandLine(new ListCommand());
        TargetArgs.addTo(list.getCommandSpec());
        cli.addSubcommand(run);
        cli.addSubcommand(list);
        cli.addSubcommand(new ReportCommand());
        cli.addSubcommand(new CompareCommand());
        cli.addSubcommand(new CapCommand(args));
        cli.setParameterExceptionHandler((e, a) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("error: " + Secrets.mask(e.getMessage()) + " (see '"
                    + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            PrintWriter err = c.getErr();
            if (e instanceof UsageException || e instanceof TargetException) {
                err.println("error: " + e.getMessage());
                return BAD_INPUT;
            }
            err.println("error: " + Secrets.mask(String.valueOf(e.getMessage())));
            if (System.getenv("TRADEOFF_BENCH_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return 1;
        });
        return cli.execute(args);
    }
}
