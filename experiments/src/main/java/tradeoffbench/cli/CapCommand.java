package tradeoffbench.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tradeoffbench.cap.TcpRelay;
import tradeoffbench.cap.TimelineSpec;
import tradeoffbench.catalog.UsageException;
import tradeoffbench.claims.Claims;
import tradeoffbench.experiment.CapExperiment;
import tradeoffbench.run.JmhSettings;
import tradeoffbench.run.Profile;
import tradeoffbench.run.RunRequest;
import tradeoffbench.run.RunSession;
import tradeoffbench.targets.Secrets;
import tradeoffbench.targets.TargetOptions;

/**
 * The CAP experiment on its own, with its knobs: a normal run of the {@code cap-partition} claim (the same folder,
 * recorder, manifest and report as {@code run cap-partition}), whose timeline can be made longer or cut differently.
 */
@Command(name = "cap", mixinStandardHelpOptions = true,
        description = "CAP under a network partition: a synchronous replica refuses, an asynchronous one serves stale data "
                + "(embedded PostgreSQL primary + streaming replica); the same as 'run cap-partition', with its knobs.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:completed", "1:the experiment failed", "2:bad input", "130:interrupted (Ctrl-C)"})
public final class CapCommand implements Callable<Integer> {
    @Option(names = "--steady-seconds", defaultValue = "3", paramLabel = "S", description = "Seconds before the cut (default ${DEFAULT-VALUE}).")
    int steadySeconds;

    @Option(names = {"-T", "--partition-seconds"}, defaultValue = "5", paramLabel = "T", description = "Seconds the partition lasts (default ${DEFAULT-VALUE}).")
    int partitionSeconds;

    @Option(names = "--heal-seconds", defaultValue = "4", paramLabel = "S", description = "Seconds measured after the heal (default ${DEFAULT-VALUE}).")
    int healSeconds;

    @Option(names = "--write-timeout-ms", defaultValue = "1000", paramLabel = "MS", description = "A write not acknowledged within this is cancelled (default ${DEFAULT-VALUE}).")
    int writeTimeoutMs;

    @Option(names = "--pace-ms", defaultValue = "5", paramLabel = "MS", description = "Pause between a worker's operations (default ${DEFAULT-VALUE}).")
    int paceMs;

    @Option(names = "--cut", defaultValue = "drop", paramLabel = "KIND", description = "drop (traffic stops, connections stay open, as in a real partition) or reset (connections closed at once). Default: ${DEFAULT-VALUE}.")
    String cut;

    @Option(names = "--replica-port", defaultValue = "0", paramLabel = "PORT", description = "Port of the replica (default: a free one).")
    int replicaPort;

    @Option(names = "--results-dir", defaultValue = "results", paramLabel = "DIR", description = "Where the run folder is created (default ${DEFAULT-VALUE}).")
    Path resultsDir;

    private final String[] rawArgs;

    CapCommand(String[] rawArgs) {
        this.rawArgs = rawArgs;
    }

    /** The timeline {@code run cap-partition} uses. */
    static TimelineSpec defaultSpec() {
        return new TimelineSpec(3, 5, 4, 1000, 5, TcpRelay.Cut.DROP);
    }

    @Override
    public Integer call() {
        TcpRelay.Cut kind;
        try {
            kind = TcpRelay.Cut.valueOf(cut.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid --cut '" + cut + "'; valid: drop, reset");
        }
        TimelineSpec spec;
        try {
            spec = new TimelineSpec(steadySeconds, partitionSeconds, healSeconds, writeTimeoutMs, paceMs, kind);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (replicaPort != 0) {
            checkFree(replicaPort);
        }
        List<String> masked = Arrays.stream(rawArgs).map(Secrets::mask).toList();
        RunRequest request = new RunRequest(List.of(), List.of(new CapExperiment(spec, replicaPort)), Profile.QUICK,
                JmhSettings.of(Profile.QUICK), TargetOptions.defaults(), resultsDir, masked, false);
        RunSession session = new RunSession(request, () -> false, System.out);
        int exit = session.execute();
        if (session.folder() != null) {
            ClaimRun.verdicts(session.folder(), Claims.load().select(List.of("cap-partition")), System.out);
        }
        return exit;
    }

    /** A port the user named that is taken is bad input: said before any server starts or any folder is made. */
    private static void checkFree(int port) {
        if (port < 1 || port > 65_535) {
            throw new UsageException("invalid --replica-port " + port + ": expected 1 to 65535");
        }
        try (java.net.ServerSocket probe = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
        } catch (java.io.IOException e) {
            throw new UsageException("cannot start the replica: port " + port + " is in use");
        }
    }
}
