package tradeoffbench.targets.citus;

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
import tradeoffbench.targets.postgres.PostgresIdentity;
import tradeoffbench.targets.postgres.PostgresUrl;

/**
 * Citus, PostgreSQL sharded by an extension: a coordinator you name by URL ({@code --citus-url}, any server with the
 * {@code citus} extension and its workers added), or a coordinator with two workers in containers from the official
 * image. No embedded mode: Citus is not part of the embedded binaries.
 */
public final class CitusTarget implements EngineTarget {
    /** PostgreSQL 17.2 with Citus 13.0.2. */
    public static final String DEFAULT_IMAGE = "citusdata/citus:13.0.2";

    @Override
    public Engine engine() {
        return Engine.CITUS;
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
        return "Citus coordinator and " + CitusCluster.WORKERS + " workers in containers from image " + image(options);
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
                Endpoint endpoint = CitusCluster.identify(PostgresIdentity.read(Engine.CITUS, TargetMode.EXTERNAL,
                        parsed.jdbcUrl(), parsed.user(), parsed.password()));
                yield new ExternalServer(endpoint);
            }
            case CONTAINER -> CitusCluster.start(image(options), pull, runId);
            case EMBEDDED, FAKE -> throw new TargetException("Citus has no " + mode.label() + " mode");
        };
    }
}
