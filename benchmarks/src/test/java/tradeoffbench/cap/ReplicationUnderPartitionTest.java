package tradeoffbench.cap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tradeoffbench.targets.Endpoint;
import tradeoffbench.targets.TargetException;

/** Real primary + replica pairs (embedded PostgreSQL 17), cut and healed by hand, one write at a time. */
class ReplicationUnderPartitionTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(TcpRelay.Cut.class)
    void asynchronousReplicaReturnsAnOlderValueDuringTheCutAndConvergesAfterTheHeal(TcpRelay.Cut cut) throws Exception {
        try (ReplicatedPostgres pair = ReplicatedPostgres.start(ReplicationMode.AP, 0)) {
            assertThat(write(pair.primary(), 1, 5)).isEqualTo("committed");
            assertThat(pair.awaitReplicaCaughtUp(Duration.ofSeconds(10))).isTrue();
            assertThat(read(pair.replica())).isEqualTo(1);

            int sockets = pair.relay().openSockets();
            pair.relay().cut(cut);
            if (cut == TcpRelay.Cut.DROP) {
                assertThat(pair.relay().openSockets()).as("a dropped link closes nothing").isEqualTo(sockets);
            }
            assertThat(write(pair.primary(), 2, 5)).as("A goes on during the partition").isEqualTo("committed");
            assertThat(read(pair.primary())).isEqualTo(2);
            Thread.sleep(300); // time enough to replicate, had the link been up
            assertThat(read(pair.replica())).as("B answers with the older value").isEqualTo(1);

            pair.relay().restore();
            assertThat(pair.awaitReplicaCaughtUp(Duration.ofSeconds(15))).isTrue();
            assertThat(read(pair.replica())).isEqualTo(2);
            assertThat(ReplicatedPostgres.checksum(pair.replica())).isEqualTo(ReplicatedPostgres.checksum(pair.primary()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TcpRelay.Cut.class)
    void synchronousPrimaryDoesNotAcknowledgeAWriteDuringTheCutAndDoesAfterTheHeal(TcpRelay.Cut cut) throws Exception {
        try (ReplicatedPostgres pair = ReplicatedPostgres.start(ReplicationMode.CP, 0)) {
            assertThat(pair.primary().settings()).containsEntry("synchronous_commit", "remote_apply")
                    .containsEntry("synchronous_standby_names", ReplicatedPostgres.REPLICA_NAME);
            assertThat(write(pair.primary(), 1, 5)).isEqualTo("committed");
            assertThat(read(pair.replica())).as("remote_apply: applied on B when acknowledged").isEqualTo(1);

            pair.relay().cut(cut);
            assertThat(write(pair.primary(), 2, 1)).as("A cannot get B's confirmation").isEqualTo("timed out");
            assertThat(read(pair.replica())).as("B stays at the last acknowledged value").isEqualTo(1);

            pair.relay().restore();
            pair.awaitStreaming(Duration.ofSeconds(15));
            assertThat(write(pair.primary(), 3, 5)).as("the retry after the heal").isEqualTo("committed");
            assertThat(read(pair.replica())).isEqualTo(3);
            assertThat(pair.awaitReplicaCaughtUp(Duration.ofSeconds(15))).isTrue();
            assertThat(ReplicatedPostgres.checksum(pair.replica())).isEqualTo(ReplicatedPostgres.checksum(pair.primary()));
        }
    }

    @Test
    void aReplicaPortInUseFailsInOneLineAndLeavesNothingRunning() throws Exception {
        Set<String> before = capDirectories();
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> ReplicatedPostgres.start(ReplicationMode.AP, taken.getLocalPort()))
                    .isInstanceOf(TargetException.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " is in use")
                    .hasMessageNotContaining("\n");
        }
        assertThat(capDirectories()).as("data directories deleted").isEqualTo(before);
        assertThat(ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains("bin/postgres") && c.contains(tradeoffbench.testing.TestTargets.dataRoot() + "/tradeoffbench-cap-"))
                .filter(c -> before.stream().noneMatch(c::contains)))
                .as("no server of the failed pair still runs").isEmpty();
    }

    /** One write of {@code version} with a client-side timeout; how the primary answered. */
    private static String write(Endpoint primary, long version, int timeoutSeconds) throws SQLException {
        try (Connection c = primary.connect();
             PreparedStatement s = c.prepareStatement(CapSql.WRITE)) {
            s.setLong(1, version);
            s.setLong(2, version);
            s.setQueryTimeout(timeoutSeconds);
            try {
                s.executeUpdate();
            } catch (SQLException e) {
                return "57014".equals(e.getSQLState()) ? "timed out" : "failed: " + e.getMessage();
            }
            for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
                if (w.getMessage().contains("synchronous replication")) {
                    return "timed out";
                }
            }
            return "committed";
        }
    }

    private static long read(Endpoint endpoint) throws SQLException {
        try (Connection c = endpoint.connect();
             PreparedStatement s = c.prepareStatement(CapSql.READ); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Set<String> capDirectories() throws IOException {
        try (Stream<Path> dirs = Files.list(tradeoffbench.testing.TestTargets.dataRoot())) {
            return dirs.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("tradeoffbench-cap-"))
                    .collect(Collectors.toSet());
        }
    }
}
