package tradeoffbench.targets.mongo;

import java.util.List;

import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;
import tradeoffbench.targets.ContainerImages;
import tradeoffbench.targets.Endpoint;
import tradeoffbench.targets.Engine;
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

    /** The replica-set container as configured, not started. */
    public static MongoDBContainer configure(String image, ContainerImages.Pull pull, String runId) {
        return labelled(new MongoDBContainer(imageName(image)).withReplicaSet(), pull, runId);
    }

    /** The sharded cluster's container (config server, one shard and a mongos) as configured, not started. */
    static MongoDBContainer configureSharded(String image, ContainerImages.Pull pull, String runId) {
        return labelled(new MongoDBContainer(imageName(image)).withSharding(), pull, runId);
    }

    private static MongoDBContainer labelled(MongoDBContainer container, ContainerImages.Pull pull, String runId) {
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
        return start(configure(image, pull, runId), image, pull,
                c -> MongoIdentity.read(TargetMode.CONTAINER, c.getReplicaSetUrl(DATABASE)));
    }

    /** The sharded cluster, its mongos's identity checked ({@link MongosTarget#requireMongos}). */
    static MongoContainerServer startSharded(String image, ContainerImages.Pull pull, String runId) {
        return start(configureSharded(image, pull, runId), image, pull,
                c -> MongosTarget.requireMongos(MongoIdentity.read(Engine.MONGOS, TargetMode.CONTAINER,
                        c.getConnectionString() + "/" + DATABASE)));
    }

    private static MongoContainerServer start(MongoDBContainer configured, String image, ContainerImages.Pull pull,
                                              java.util.function.Function<MongoDBContainer, Endpoint> identify) {
        MongoDBContainer container = ContainerImages.start(configured, image, pull, "MongoDB");
        try {
            return new MongoContainerServer(container, identify.apply(container));
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
