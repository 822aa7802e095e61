package tradeoffbench.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import tradeoffbench.targets.postgres.EmbeddedPostgresServer;

/**
 * The command line of a child JVM that a test interrupts the way a user does, and the check that it can be.
 *
 * <p>A shell that starts a background job ({@code nohup mvn verify &}) makes it ignore SIGINT, and an ignored
 * signal stays ignored across exec: the child JVM would never see Ctrl-C. So the child is started through
 * {@code perl} (part of every Debian system), which resets SIGINT and SIGTERM to their defaults before it execs
 * Java. Where that is impossible, {@link #requireSignal} skips the test, saying why, rather than failing it.
 */
public final class ChildJvm {
    private static final Path PERL = Path.of("/usr/bin/perl");

    private ChildJvm() {
    }

    /** {@code [perl -e …] java -Djmh.ignoreLock=true -Dtradeoffbench.data.root=… -cp <test class path> main args}. */
    public static List<String> command(String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(PERL)) {
            command.addAll(List.of(PERL.toString(), "-e",
                    "$SIG{INT} = 'DEFAULT'; $SIG{TERM} = 'DEFAULT'; exec { $ARGV[0] } @ARGV or die \"exec: $!\";"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Djmh.ignoreLock=true");
        String root = System.getProperty(EmbeddedPostgresServer.DATA_ROOT_PROPERTY);
        if (root != null) {
            command.add("-D" + EmbeddedPostgresServer.DATA_ROOT_PROPERTY + "=" + root);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        return command;
    }

    /** Skips the calling test (reported as skipped, with the reason) when {@code pid} ignores the signal. */
    public static void requireSignal(long pid, String signal) {
        int number = switch (signal) {
            case "INT" -> 2;
            case "TERM" -> 15;
            default -> throw new IllegalArgumentException(signal);
        };
        Path status = Path.of("/proc", String.valueOf(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("SigIgn:")) {
                    long ignored = Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16);
                    Assumptions.assumeTrue((ignored & (1L << (number - 1))) == 0, () -> "the child JVM ignores SIG"
                            + signal + " (the test JVM was started with it ignored, e.g. under 'nohup … &', and no "
                            + "perl could reset it): a Ctrl-C test cannot run here");
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no /proc (not Linux): signals are delivered as usual there
        }
    }
}
