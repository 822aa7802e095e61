package tradeoffbench.targets.mongo;

import java.util.List;

import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;
import tradeoffbench.targets.ContainerImages;
import tradeoffbench.targets.Endpoint;
import tradeoffbench.targets.Server;
import tradeoffbench.targets.TargetMode;

/**
 * MongoDB in a Testcontainers container, run as a single-member replica set so multi-document transactions work.
 * Exercised only where Docker Hub (or a registry mirror holding the image) is reachable.
 */
public final class MongoContainerServer implements Server {
    static final String DATABASE = "tradeoffbench";

    private final MongoDBContainer container;
    private final Endpoint endpoint;

    private MongoContainerServer(MongoDBContainer container, Endpoint endpoint) {
        this.container = container;
        this.endpoint = endpoint;
    }

    /** The container as configured, not started. */
    public static MongoDBContainer configure(String image, ContainerImages.Pull pull, String runId) {
        MongoDBContainer container = new MongoDBContainer(imageName(image)).withReplicaSet();
        container.withImagePullPolicy(pull.policy());
        container.withLabel(ContainerImages.LABEL, "true");
        container.withLabel(ContainerImages.LABEL + ".run", runId);
        return container;
    }

    /** The image, declared compatible with {@code mongo} so a mirrored or locally built image can stand in for it. */
    public static DockerImageName imageName(String image) {
        return DockerImageName.parse(image).asCompatibleSubstituteFor("mongo");
    }

    public static MongoContainerServer start(String image, ContainerImages.Pull pull, String runId) {
        MongoDBContainer container = ContainerImages.start(configure(image, pull, runId), image, pull, "MongoDB");
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
    public List<Long> processIds() {
        return ContainerImages.processIds(container);
    }

    @Override
    public tradeoffbench.targets.Remains remains() {
        return new tradeoffbench.targets.Remains(List.of(), List.of(), List.of(container.getContainerId()));
    }

    @Override
    public void close() {
        ContainerImages.stopQuietly(container, "MongoDB");
    }
}
