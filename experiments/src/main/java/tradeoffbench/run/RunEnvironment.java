package tradeoffbench.run;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;

/** Facts about where a run happens, recorded with its numbers: the code's git sha, this machine, the JVM. */
public final class RunEnvironment {
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private RunEnvironment() {
    }

    /** {@code 20261129T101500Z-1a2b3c4}: sortable, unique per second, names the code that ran. */
    public static String runId(Instant startedAt, String gitSha) {
        return RUN_ID.format(startedAt) + "-" + gitSha;
    }

    /** The short sha of the working tree's HEAD, with {@code -dirty} when it has changes; {@code nogit} outside git. */
    public static String gitSha(Path directory) {
        String sha = git(directory, "rev-parse", "--short=7", "HEAD");
        if (sha == null) {
            return "nogit";
        }
        String status = git(directory, "status", "--porcelain", "--untracked-files=no");
        return status == null || status.isEmpty() ? sha : sha + "-dirty";
    }

    private static String git(Path directory, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes()).trim();
            if (!process.waitFor(5, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** {@code 2 cores, 23.4 GiB, Linux 6.1 amd64}. */
    public static String machine() {
        long bytes = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return String.format("%d cores, %.1f GiB, %s %s %s", Runtime.getRuntime().availableProcessors(),
                bytes / (double) (1L << 30), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"));
    }

    /** {@code OpenJDK 64-Bit Server VM 17.0.15+6}. */
    public static String jvm() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version");
    }
}
