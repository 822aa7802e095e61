package tradeoffbench.target.postgres;

import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;
import tradeoffbench.target.ContainerImages;
import tradeoffbench.target.Endpoint;
import tradeoffbench.target.Server;
import tradeoffbench.target.TargetException;
import tradeoffbench.target.TargetMode;

/** PostgreSQL in a Testcontainers container, with the harness's durability settings instead of fsync=off. */
public final class PostgresContainerServer implements Server {
    public static final String DEFAULT_IMAGE = "postgres:17";

    private final PostgreSQLContainer container;
    private final Endpoint endpoint;

    private PostgresContainerServer(PostgreSQLContainer container, Endpoint endpoint) {
        this.container = container;
        this.endpoint = endpoint;
    }

    /** The container as configured, not started: image (declared compatible with {@code postgres}), command, labels. */
    public static PostgreSQLContainer configure(String image, ContainerImages.Pull pull, String runId) {
        DockerImageName name = DockerImageName.parse(image).asCompatibleSubstituteFor("postgres");
        PostgreSQLContainer container = new PostgreSQLContainer(name);
        container.withCommand(PostgresDurability.containerCommand());
        container.withImagePullPolicy(pull.policy());
        container.withLabel(ContainerImages.LABEL, "true");
        container.withLabel(ContainerImages.LABEL + ".run", runId);
        return container;
    }

    public static PostgresContainerServer start(String image, ContainerImages.Pull pull, String runId) {
        PostgreSQLContainer container = configure(image, pull, runId);
        ContainerImages.requireLocal(DockerImageName.parse(image), pull);
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw new TargetException("cannot start PostgreSQL container " + image + ": "
                    + PostgresIdentity.oneLine(e.getMessage()), e);
        }
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
    public void close() {
        try {
            container.stop();
        } catch (RuntimeException e) {
            System.err.println("warning: PostgreSQL container did not stop cleanly: " + e.getMessage());
        }
    }
}
