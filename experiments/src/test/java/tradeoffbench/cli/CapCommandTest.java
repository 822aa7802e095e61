package tradeoffbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradeoffbench.results.ResultsCsv;
import tradeoffbench.results.TidyRow;

/** The cap command end to end on real embedded pairs, at the smallest timeline (1 s steady, 2 s cut, 2 s healed). */
class CapCommandTest {

    @Test
    void aRunWritesTheTimelineTheVerdictAndRunJsonAndStopsEveryServer(@TempDir Path results) throws Exception {
        Console run = Console.run("cap", "--steady-seconds", "1", "--partition-seconds", "2", "--heal-seconds", "2",
                "--write-timeout-ms", "500", "--results-dir", results.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        Path folder;
        try (Stream<Path> runs = Files.list(results)) {
            folder = runs.findFirst().orElseThrow();
        }
        assertThat(folder.resolve("run.json")).content().contains("\"status\" : \"completed\"",
                "synchronous_standby_names", "\"partition_seconds\" : 2", "\"cut\" : \"drop\"");
        List<TidyRow> rows = ResultsCsv.read(folder);
        assertThat(rows).extracting(TidyRow::family).containsOnly("cap");
        assertThat(rows).extracting(r -> r.benchmark().shortName())
                .containsOnly("PartitionTimeline.cp", "PartitionTimeline.ap");
        assertThat(rows).extracting(r -> r.metric().name()).contains("writes_acknowledged", "writes_refused",
                "writes_unacknowledged", "reads_b", "stale_reads_b", "reads_a", "staleness_ms", "convergence_ms");
        assertThat(rows).allSatisfy(r -> assertThat(r.param("partition_seconds")).isEqualTo("2"));

        assertThat(sum(rows, "cp", "partition", "writes_acknowledged_started_in_cut"))
                .as("CP acknowledges nothing started during the cut").isZero();
        assertThat(sum(rows, "cp", "partition", "stale_reads_b")).as("CP's replica is never stale").isZero();
        assertThat(sum(rows, "ap", "partition", "writes_acknowledged")).as("AP writes go on").isPositive();
        assertThat(sum(rows, "ap", "partition", "stale_reads_b")).as("AP's replica serves stale reads").isPositive();
        assertThat(sum(rows, "cp", "healed", "writes_acknowledged")).as("CP writes again after the heal").isPositive();
        assertThat(rows).filteredOn(r -> r.metric().name().equals("checksums_match")).extracting(TidyRow::score)
                .containsExactly(1.0, 1.0);
        assertThat(folder.resolve("verdicts.md")).content().contains("## cap-partition")
                .contains("| [cap-partition](#cap-partition) | **SUPPORTED** |");
        assertThat(run.out()).containsPattern("cap-partition +SUPPORTED");
        assertThat(ourServers()).isEmpty();
    }

    @Test
    void aReplicaPortInUseIsOneLineErrorWithEverythingStopped(@TempDir Path results) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Console run = Console.run("cap", "--replica-port", String.valueOf(taken.getLocalPort()),
                    "--results-dir", results.toString());
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err().lines().filter(l -> !l.isBlank()).toList())
                    .containsExactly("error: cannot start the replica: port " + taken.getLocalPort() + " is in use");
        }
        assertThat(ourServers()).isEmpty();
        assertThat(results).isEmptyDirectory();
    }

    @Test
    void aPartitionOfZeroSecondsIsRejected(@TempDir Path results) {
        Console run = Console.run("cap", "--partition-seconds", "0", "--results-dir", results.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: steady, partition and heal must each last at least 1 s");
        assertThat(Console.run("cap", "--cut", "unplug").err()).startsWith("error: invalid --cut 'unplug'");
    }

    @Test
    void ctrlCDuringThePartitionStopsBothServersAndTheRelay(@TempDir Path work) throws Exception {
        java.util.Set<String> before = capDirectories();
        Path log = work.resolve("child.log");
        Process child = new ProcessBuilder(tradeoffbench.testing.ChildJvm.command(Main.class.getName(), List.of("cap",
                "--steady-seconds", "1", "--partition-seconds", "60", "--results-dir", work.resolve("results").toString())))
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
            tradeoffbench.testing.ChildJvm.requireSignal(child.pid(), "INT");
            new ProcessBuilder("kill", "-INT", String.valueOf(child.pid())).inheritIO().start().waitFor();
            assertThat(child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).as("exits after SIGINT").isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(ourServers()).as(Files.readString(log)).isEmpty();
        assertThat(capDirectories()).as("data directories deleted").isEqualTo(before);
    }

    private static java.util.Set<String> capDirectories() throws java.io.IOException {
        try (Stream<Path> dirs = Files.list(tradeoffbench.testing.TestTargets.dataRoot())) {
            return dirs.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("tradeoffbench-cap-"))
                    .collect(java.util.stream.Collectors.toSet());
        }
    }

    private static double sum(List<TidyRow> rows, String mode, String phase, String metric) {
        return rows.stream().filter(r -> r.benchmark().method().equals(mode) && phase.equals(r.param("phase"))
                && r.metric().name().equals(metric)).mapToDouble(TidyRow::score).sum();
    }

    /**
     * Command lines of PostgreSQL processes still running on a data directory of this experiment (a backend just
     * forked shows its postmaster's command line until it renames itself, so this may list one server twice).
     */
    private static List<String> ourServers() {
        return ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains("bin/postgres") && c.contains(tradeoffbench.testing.TestTargets.dataRoot() + "/tradeoffbench-cap-")).toList();
    }
}
