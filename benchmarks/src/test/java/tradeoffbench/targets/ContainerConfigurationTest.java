package tradeoffbench.targets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;
import tradeoffbench.targets.mongo.MongoContainerServer;
import tradeoffbench.targets.postgres.PostgresContainerServer;

/**
 * The container configurations, checked without Docker. The MongoDB container path cannot run on machines that
 * have no MongoDB image (this project's CI has none), so its configuration is what is tested there.
 */
class ContainerConfigurationTest {

    @Test
    void postgresContainerKeepsDurabilityOnAndIsLabelled() {
        PostgreSQLContainer c = PostgresContainerServer.configure("postgres:17", ContainerImages.Pull.MISSING, "run-1");
        // (getDockerImageName() would resolve the image, i.e. pull it: check the name we configure instead.)
        assertThat(PostgresContainerServer.imageName("tradeoff-bench/postgres:15-offline")
                .isCompatibleWith(DockerImageName.parse("postgres"))).isTrue();
        assertThat(c.getCommandParts()).containsSequence("-c", "fsync=on").containsSequence("-c", "synchronous_commit=on")
                .doesNotContain("fsync=off");
        assertThat(c.getLabels()).containsEntry(ContainerImages.LABEL, "true")
                .containsEntry(ContainerImages.LABEL + ".run", "run-1");
    }

    @Test
    void mongoContainerIsAReplicaSetFromThePinnedImage() {
        MongoDBContainer c = MongoContainerServer.configure(tradeoffbench.targets.mongo.MongoTarget.DEFAULT_IMAGE,
                ContainerImages.Pull.MISSING, "run-2");
        assertThat(tradeoffbench.targets.mongo.MongoTarget.DEFAULT_IMAGE).isEqualTo("mongo:8.0");
        assertThat(MongoContainerServer.imageName("mirror.local/mongo:8.0")
                .isCompatibleWith(DockerImageName.parse("mongo"))).isTrue();
        assertThat(String.join(" ", c.getCommandParts())).contains("--replSet");
        assertThat(c.getExposedPorts()).contains(27017);
        assertThat(c.getLabels()).containsEntry(ContainerImages.LABEL + ".run", "run-2");
    }

    @Test
    void neverPullRefusesEveryImage() {
        assertThat(ContainerImages.Pull.NEVER.policy().shouldPull(
                DockerImageName.parse("postgres:17"))).isFalse();
        assertThat(ContainerImages.Pull.parse("never")).isEqualTo(ContainerImages.Pull.NEVER);
    }
}
