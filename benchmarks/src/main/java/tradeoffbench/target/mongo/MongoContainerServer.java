package tradeoffbench.target.mongo;

import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;
import tradeoffbench.target.ContainerImages;
import tradeoffbench.target.Endpoint;
import tradeoffbench.target.Server;
import tradeoffbench.target.TargetException;
import tradeoffbench.target.TargetMode;

/**
 * MongoDB in a Testcontainers container, run as a single-member replica set so multi-document transactions work.
 * Exercised only where Docker Hub (or a registry mirror holding the image) is reachable.
 */
public final class MongoContainerServer implements Server {
    public static final String DEFAULT_IMAGE = "mongo:8.0";
    static final String DATABASE = "tradeoffbench";

    private final MongoDBContainer container;
    private final Endpoint endpoint;

    private MongoContainerServer(MongoDBContainer container, Endpoint endpoint) {
        this.container = container;
        this.endpoint = endpoint;
    }

    /** The container as configured, not started. */
    public static MongoDBContainer configure(String image, ContainerImages.Pull pull, String runId) {
        MongoDBContainer container = new MongoDBContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("mongo"))
                .withReplicaSet();
        container.withImagePullPolicy(pull.policy());
        container.withLabel(ContainerImages.LABEL, "true");
        container.withLabel(ContainerImages.LABEL + ".run", runId);
        return container;
    }

    public static MongoContainerServer start(String image, ContainerImages.Pull pull, String runId) {
        MongoDBContainer container = configure(image, pull, runId);
        ContainerImages.requireLocal(DockerImageName.parse(image), pull);
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw new TargetException("cannot start MongoDB container " + image + ": "
                    + String.valueOf(e.getMessage()).replaceAll("\\s+", " "), e);
        }
        try {
            return new MongoContainerServer(container,
                    MongoIdentity.read(TargetMode.CONTAINER, container.getReplicaSetUrl(DATABASE)));
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
            System.err.println("warning: MongoDB container did not stop cleanly: " + e.getMessage());
        }
    }
}
