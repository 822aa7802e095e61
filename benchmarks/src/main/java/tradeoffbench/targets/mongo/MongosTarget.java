package tradeoffbench.targets.mongo;

import java.util.List;
import java.util.Set;

import org.testcontainers.mongodb.MongoDBContainer;
import tradeoffbench.targets.ContainerImages;
import tradeoffbench.targets.Endpoint;
import tradeoffbench.targets.Engine;
import tradeoffbench.targets.EngineOptions;
import tradeoffbench.targets.EngineTarget;
import tradeoffbench.targets.ExternalServer;
import tradeoffbench.targets.Remains;
import tradeoffbench.targets.Server;
import tradeoffbench.targets.TargetException;
import tradeoffbench.targets.TargetMode;

/**
 * A MongoDB sharded cluster, reached through its {@code mongos}: one you name ({@code --mongos-url}), or
 * Testcontainers' sharded MongoDB (config server, one shard and a mongos in one container). A URL that reaches a
 * plain replica set or standalone server is refused in one line: it cannot shard a collection.
 */
public final class MongosTarget implements EngineTarget {
    public static final String DEFAULT_IMAGE = MongoTarget.DEFAULT_IMAGE;

    @Override
    public Engine engine() {
        return Engine.MONGOS;
    }

    @Override
    public Set<TargetMode> startable() {
        return Set.of(TargetMode.CONTAINER);
    }

    @Override
    public String defaultImage() {
        return DEFAULT_IMAGE;
    }

    @Override
    public String describe(TargetMode mode, EngineOptions options) {
        return "sharded cluster (config server, shard, mongos) in a container from image " + image(options);
    }

    @Override
    public void validateUrl(String url) {
        MongoIdentity.parse(url);
    }

    @Override
    public Server start(TargetMode mode, String url, EngineOptions options, ContainerImages.Pull pull, String runId) {
        return switch (mode) {
            case EXTERNAL -> new ExternalServer(requireMongos(MongoIdentity.read(Engine.MONGOS, mode, url)));
            case CONTAINER -> startContainer(image(options), pull, runId);
            case EMBEDDED, FAKE -> throw new TargetException("a MongoDB sharded cluster has no " + mode.label()
                    + " mode");
        };
    }

    /** The container as configured, not started. */
    static MongoDBContainer configure(String image, ContainerImages.Pull pull, String runId) {
        MongoDBContainer container = new MongoDBContainer(MongoContainerServer.imageName(image)).withSharding();
        container.withImagePullPolicy(pull.policy());
        container.withLabel(ContainerImages.LABEL, "true");
        container.withLabel(ContainerImages.LABEL + ".run", runId);
        return container;
    }

    static Endpoint requireMongos(Endpoint endpoint) {
        if (!MongoIdentity.Topology.SHARDED.label.equals(endpoint.settings().get("topology"))) {
            throw new TargetException("the server at " + endpoint.maskedUrl() + " is a "
                    + endpoint.settings().get("topology") + ", not a mongos: --mongos-url must name a sharded "
                    + "cluster's router");
        }
        return endpoint;
    }

    private static Server startContainer(String image, ContainerImages.Pull pull, String runId) {
        MongoDBContainer container = ContainerImages.start(configure(image, pull, runId), image, pull, "MongoDB");
        try {
            Endpoint endpoint = requireMongos(MongoIdentity.read(Engine.MONGOS, TargetMode.CONTAINER,
                    container.getConnectionString() + "/" + MongoContainerServer.DATABASE));
            return new Server() {
                @Override
                public Endpoint endpoint() {
                    return endpoint;
                }

                @Override
                public Remains remains() {
                    return new Remains(List.of(), List.of(), List.of(container.getContainerId()));
                }

                @Override
                public void close() {
                    ContainerImages.stopQuietly(container, "MongoDB");
                }
            };
        } catch (RuntimeException e) {
            container.stop();
            throw e;
        }
    }
}
