package tradeoffbench.targets.postgres;

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

/** PostgreSQL: by URL, in a Testcontainers container, or embedded (zonky's binaries) when Docker is absent. */
public final class PostgresTarget implements EngineTarget {
    public static final String DEFAULT_IMAGE = "postgres:17";

    @Override
    public Engine engine() {
        return Engine.POSTGRESQL;
    }

    @Override
    public Set<TargetMode> startable() {
        return Set.of(TargetMode.CONTAINER, TargetMode.EMBEDDED);
    }

    @Override
    public String defaultImage() {
        return DEFAULT_IMAGE;
    }

    @Override
    public String describe(TargetMode mode, EngineOptions options) {
        return mode == TargetMode.EMBEDDED
                ? "embedded PostgreSQL " + EmbeddedPostgresServer.MAJOR_VERSION + " (zonky binaries)"
                : "container from image " + image(options);
    }

    @Override
    public void validateUrl(String url) {
        PostgresUrl.parse(url);
    }

    @Override
    public Server start(TargetMode mode, String url, EngineOptions options, ContainerImages.Pull pull, String runId) {
        return switch (mode) {
            case EXTERNAL -> {
                PostgresUrl parsed = PostgresUrl.parse(url);
                Endpoint endpoint = PostgresIdentity.read(TargetMode.EXTERNAL, parsed.jdbcUrl(), parsed.user(),
                        parsed.password());
                PostgresIdentity.checkCanCreate(endpoint);
                yield new ExternalServer(endpoint);
            }
            case CONTAINER -> PostgresContainerServer.start(image(options), pull, runId);
            case EMBEDDED -> EmbeddedPostgresServer.start();
            case FAKE -> throw new TargetException("PostgreSQL has no fake mode");
        };
    }
}
