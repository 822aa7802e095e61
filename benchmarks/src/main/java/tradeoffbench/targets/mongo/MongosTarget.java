package tradeoffbench.targets.mongo;

import java.util.Set;

import tradeoffbench.targets.ContainerImages;
import tradeoffbench.targets.Endpoint;
import tradeoffbench.targets.Engine;
import tradeoffbench.targets.EngineOptions;
import tradeoffbench.targets.EngineTarget;
import tradeoffbench.targets.ExternalServer;
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
            case CONTAINER -> MongoContainerServer.startSharded(image(options), pull, runId);
            case EMBEDDED, FAKE -> throw new TargetException("a MongoDB sharded cluster has no " + mode.label()
                    + " mode");
        };
    }

    static Endpoint requireMongos(Endpoint endpoint) {
        if (!MongoIdentity.Topology.SHARDED.label.equals(endpoint.settings().get("topology"))) {
            throw new TargetException("the server at " + endpoint.maskedUrl() + " is a "
                    + endpoint.settings().get("topology") + ", not a mongos: --mongos-url must name a sharded "
                    + "cluster's router");
        }
        return endpoint;
    }
}
