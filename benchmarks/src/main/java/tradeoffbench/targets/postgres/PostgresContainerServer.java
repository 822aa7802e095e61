package tradeoffbench.targets.postgres;

import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;
import java.util.List;

import tradeoffbench.targets.ContainerImages;
import tradeoffbench.targets.Endpoint;
import tradeoffbench.targets.Server;
import tradeoffbench.targets.TargetMode;

/** PostgreSQL in a Testcontainers container, with the harness's durability settings instead of fsync=off. */
public final class PostgresContainerServer implements Server {
    private final PostgreSQLContainer container;
    private final Endpoint endpoint;

    private PostgresContainerServer(PostgreSQLContainer container, Endpoint endpoint) {
        this.container = container;
        this.endpoint = endpoint;
    }

    /** The container as configured, not started: image (declared compatible with {@code postgres}), command, labels. */
    public static PostgreSQLContainer configure(String image, ContainerImages.Pull pull, String runId) {
        PostgreSQLContainer container = new PostgreSQLContainer(imageName(image));
        container.withCommand(PostgresDurability.containerCommand());
        container.withImagePullPolicy(pull.policy());
        container.withLabel(ContainerImages.LABEL, "true");
        container.withLabel(ContainerImages.LABEL + ".run", runId);
        return container;
    }

    /** The image, declared compatible with {@code postgres} so a locally built image can stand in for it. */
    public static DockerImageName imageName(String image) {
        return DockerImageName.parse(image).asCompatibleSubstituteFor("postgres");
    }

    public static PostgresContainerServer start(String image, ContainerImages.Pull pull, String runId) {
        PostgreSQLContainer container = ContainerImages.start(configure(image, pull, runId), image, pull, "PostgreSQL");
        try {
            return new PostgresContainerServer(container, PostgresIdentity.read(TargetMode.CONTAINER,
                    container.getJdbcUrl(), container.getUsername(), container.getPassword()));
        } catch (RuntimeException e) {
            container.stop();
            throw e;
        }
    }

    @Override
    public Endpoint endpoint() {
        return endpoint;
    }

    @Override
    public List<Long> processIds() {
        return ContainerImages.processIds(container);
    }

    @Override
    public tradeoffbench.targets.Remains remains() {
        return new tradeoffbench.targets.Remains(List.of(), List.of(), List.of(container.getContainerId()));
    }

    @Override
    public void close() {
        ContainerImages.stopQuietly(container, "PostgreSQL");
    }
}
