package tradeoffbench.targets.mongo;

import java.util.Set;

import tradeoffbench.targets.ContainerImages;
import tradeoffbench.targets.Engine;
import tradeoffbench.targets.EngineOptions;
import tradeoffbench.targets.EngineTarget;
import tradeoffbench.targets.ExternalServer;
import tradeoffbench.targets.Server;
import tradeoffbench.targets.TargetException;
import tradeoffbench.targets.TargetMode;

/** MongoDB: by URL, or a one-member replica set in a Testcontainers container; no embedded mode exists. */
public final class MongoTarget implements EngineTarget {
    public static final String DEFAULT_IMAGE = "mongo:8.0";

    @Override
    public Engine engine() {
        return Engine.MONGODB;
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
        return "replica-set container from image " + image(options);
    }

    @Override
    public void validateUrl(String url) {
        MongoIdentity.parse(url);
    }

    @Override
    public Server start(TargetMode mode, String url, EngineOptions options, ContainerImages.Pull pull, String runId) {
        return switch (mode) {
            case EXTERNAL, FAKE -> new ExternalServer(MongoIdentity.read(mode, url));
            case CONTAINER -> MongoContainerServer.start(image(options), pull, runId);
            case EMBEDDED -> throw new TargetException("MongoDB has no embedded mode");
        };
    }
}
