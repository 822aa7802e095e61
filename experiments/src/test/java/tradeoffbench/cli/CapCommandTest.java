package tradeoffbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tradeoffbench.results.ResultsCsv;
import tradeoffbench.results.TidyRow;

/** The cap command end to end on real embedded pairs, at the smallest timeline (1 s steady, 2 s cut, 2 s healed). */
class CapCommandTest {

    @Test
    void aRunWritesTheTimelineTheVerdictAndRunJsonAndStopsEveryServer(@TempDir Path results) throws Exception {
        Captured run = run("--steady-seconds", "1", "--partition-seconds", "2", "--heal-seconds", "2",
                "--write-timeout-ms", "500", "--results-dir", results.toString());

        assertThat(run.exit).as(run.err).isZero();
        Path folder;
        try (Stream<Path> runs = Files.list(results)) {
            folder = runs.findFirst().orElseThrow();
        }
        assertThat(folder.resolve("run.json")).content().contains("\"status\" : \"completed\"", "synchronous_standby_names");
        List<TidyRow> rows = ResultsCsv.read(folder.resolve(ResultsCsv.FILE_NAME));
        assertThat(rows).extracting(TidyRow::family).containsOnly("cap");
        assertThat(rows).extracting(TidyRow::benchmark).containsOnly("PartitionTimeline.cp", "PartitionTimeline.ap");
        assertThat(rows).extracting(TidyRow::metric).contains("writes_committed", "writes_timed_out", "reads",
                "stale_reads", "staleness_versions", "staleness_ms", "convergence_ms");
        assertThat(rows).allSatisfy(r -> assertThat(r.params()).contains("partition_seconds=2"));

        assertThat(sum(rows, "cp", "partition", "writes_timed_out")).as("CP refuses during the cut").isPositive();
        assertThat(sum(rows, "cp", "partition", "stale_reads")).as("CP never stale").isZero();
        assertThat(sum(rows, "ap", "partition", "writes_committed")).as("AP writes go on").isPositive();
        assertThat(sum(rows, "ap", "partition", "stale_reads")).as("AP reads are stale").isPositive();
        assertThat(sum(rows, "cp", "healed", "writes_committed")).as("CP writes again after the heal").isPositive();
        assertThat(rows).filteredOn(r -> r.metric().equals("checksums_match")).extracting(TidyRow::score)
                .containsExactly(1.0, 1.0);
        assertThat(rows).filteredOn(r -> r.metric().equals("convergence_ms")).extracting(TidyRow::score)
                .allSatisfy(ms -> assertThat(ms).isNotNegative());
        assertThat(folder.resolve("verdict.md")).content().startsWith("# Claim: under partition")
                .contains("**SUPPORTED**");
        assertThat(run.out).contains("SUPPORTED: under partition");
        assertThat(run.out).as("the verdict recomputed from results.csv alone is the one printed")
                .contains(CapCommand.verdict(rows).summary());
        assertThat(ourServers()).isEmpty();
    }

    @Test
    void aReplicaPortInUseIsOneLineErrorWithEverythingStopped(@TempDir Path results) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Captured run = run("--replica-port", String.valueOf(taken.getLocalPort()), "--results-dir", results.toString());
            assertThat(run.exit).isEqualTo(2);
            assertThat(run.err.lines().filter(l -> !l.isBlank()).toList())
                    .containsExactly("error: cannot start the replica: port " + taken.getLocalPort() + " is in use");
        }
        assertThat(ourServers()).isEmpty();
    }

    @Test
    void aPartitionOfZeroSecondsIsRejected(@TempDir Path results) {
        Captured run = run("--partition-seconds", "0", "--results-dir", results.toString());
        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err).startsWith("error: steady, partition and heal must each last at least 1 s");
    }

    @Test
    void ctrlCDuringThePartitionStopsBothServersAndTheRelay(@TempDir Path work) throws Exception {
        java.util.Set<String> before = capDirectories();
        Path log = work.resolve("child.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CapCommand.class.getName(),
                "--steady-seconds", "1", "--partition-seconds", "60", "--results-dir", work.resolve("results").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            while (ourServers().stream().noneMatch(c -> c.contains("/replica ")) && System.nanoTime() < deadline
                    && child.isAlive()) {
                Thread.sleep(200);
            }
            assertThat(ourServers()).as(Files.readString(log)).anyMatch(c -> c.contains("/replica "))
                    .anyMatch(c -> c.contains("/primary "));
            Thread.sleep(2_000); // into the partition
            new ProcessBuilder("kill", "-INT", String.valueOf(child.pid())).inheritIO().start().waitFor();
            assertThat(child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).as("exits after SIGINT").isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(ourServers()).as(Files.readString(log)).isEmpty();
        assertThat(capDirectories()).as("data directories deleted").isEqualTo(before);
    }

    private static java.util.Set<String> capDirectories() throws java.io.IOException {
        try (Stream<Path> dirs = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return dirs.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("tradeoffbench-cap-"))
                    .collect(java.util.stream.Collectors.toSet());
        }
    }

    private static double sum(List<TidyRow> rows, String mode, String phase, String metric) {
        return rows.stream().filter(r -> r.benchmark().endsWith("." + mode) && phase.equals(r.param("phase"))
                && r.metric().equals(metric)).mapToDouble(TidyRow::score).sum();
    }

    /**
     * Command lines of PostgreSQL processes still running on a data directory of this experiment (a backend just
     * forked shows its postmaster's command line until it renames itself, so this may list one server twice).
     */
    private static List<String> ourServers() {
        return ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains("bin/postgres") && c.contains("tradeoffbench-cap-")).toList();
    }

    private record Captured(int exit, String out, String err) {
    }

    private static Captured run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new CapCommand()).execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        Captured captured = new Captured(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        oldOut.print(captured.out);
        oldErr.print(captured.err);
        return captured;
    }
}
