package tradeoffbench.targets.citus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import tradeoffbench.targets.ContainerImages;
import tradeoffbench.targets.EngineOptions;
import tradeoffbench.targets.TargetException;
import tradeoffbench.targets.TargetMode;

/** The Citus cluster as configured, checked without Docker (no Citus image can be had on this project's CI). */
class CitusConfigurationTest {

    @Test
    void aCoordinatorAndTwoWorkersOnTheirOwnNetworkFromThePinnedImageWithDurabilityOn() {
        try (Network network = Network.newNetwork()) {
            List<GenericContainer<?>> nodes = CitusCluster.configure(CitusTarget.DEFAULT_IMAGE,
                    ContainerImages.Pull.NEVER, "run-7", network);
            assertThat(CitusTarget.DEFAULT_IMAGE).isEqualTo("citusdata/citus:13.0.2");
            assertThat(nodes).hasSize(1 + CitusCluster.WORKERS);
            assertThat(nodes.get(0).getNetworkAliases()).contains("citus-coordinator");
            assertThat(nodes.get(1).getNetworkAliases()).contains("citus-worker-0");
            assertThat(nodes.get(2).getNetworkAliases()).contains("citus-worker-1");
            for (GenericContainer<?> node : nodes) {
                assertThat(node.getNetwork()).isSameAs(network);
                assertThat(node.getEnvMap()).containsEntry("POSTGRES_HOST_AUTH_METHOD", "trust");
                assertThat(node.getCommandParts()).containsSequence("-c", "fsync=on");
                assertThat(node.getLabels()).containsEntry(ContainerImages.LABEL + ".run", "run-7");
                assertThat(node.getExposedPorts()).containsExactly(CitusCluster.PORT);
            }
        }
    }

    @Test
    void theWorkersAreAddedToTheCoordinatorByName() {
        assertThat(CitusCluster.registration(2)).containsExactly(
                "SELECT citus_set_coordinator_host('citus-coordinator', 5432)",
                "SELECT citus_add_node('citus-worker-0', 5432)",
                "SELECT citus_add_node('citus-worker-1', 5432)");
    }

    @Test
    void citusStartsInContainersOrIsNamedByUrlButHasNoEmbeddedMode() {
        CitusTarget citus = new CitusTarget();
        assertThat(citus.startable()).containsExactly(TargetMode.CONTAINER);
        assertThatThrownBy(() -> citus.start(TargetMode.EMBEDDED, null, EngineOptions.auto(),
                ContainerImages.Pull.NEVER, "run")).isInstanceOf(TargetException.class)
                .hasMessage("Citus has no embedded mode");
    }
}
