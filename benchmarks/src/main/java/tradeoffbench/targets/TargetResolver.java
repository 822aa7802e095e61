package tradeoffbench.targets;

import java.util.EnumMap;
import java.util.Map;

import tradeoffbench.targets.postgres.EmbeddedPostgresServer;

/**
 * Decides, per engine, how a database is reached (DESIGN.md, "Targets"): a URL the user gives, else a
 * Testcontainers container when Docker answers, else embedded PostgreSQL; MongoDB has no embedded fallback.
 */
public final class TargetResolver {

    private TargetResolver() {
    }

    public static Map<Engine, Resolution> resolve(TargetOptions options, DockerProbe docker) {
        Map<Engine, Resolution> result = new EnumMap<>(Engine.class);
        result.put(Engine.POSTGRESQL, resolvePostgres(options, docker));
        result.put(Engine.MONGODB, resolveMongo(options, docker));
        return result;
    }

    static Resolution resolvePostgres(TargetOptions o, DockerProbe docker) {
        Engine pg = Engine.POSTGRESQL;
        if (o.pgUrl() != null) {
            return new Resolution(pg, TargetMode.EXTERNAL, "--pg-url given: " + Secrets.mask(o.pgUrl()), false);
        }
        String embedded = "embedded PostgreSQL " + EmbeddedPostgresServer.MAJOR_VERSION + " (zonky binaries)";
        return switch (o.pgMode()) {
            case EMBEDDED -> new Resolution(pg, TargetMode.EMBEDDED, "--pg-mode embedded: " + embedded, false);
            case CONTAINER -> docker.available()
                    ? new Resolution(pg, TargetMode.CONTAINER, "--pg-mode container: image " + o.pgImage(), false)
                    : new Resolution(pg, null, "--pg-mode container, but Docker does not answer", true);
            case AUTO -> docker.available()
                    ? new Resolution(pg, TargetMode.CONTAINER, "Docker answers: container from image " + o.pgImage(), false)
                    : new Resolution(pg, TargetMode.EMBEDDED, "Docker does not answer: fallback to " + embedded, false);
        };
    }

    static Resolution resolveMongo(TargetOptions o, DockerProbe docker) {
        Engine mongo = Engine.MONGODB;
        if (o.mongoUrl() != null) {
            TargetMode mode = o.mongoUrlIsFake() ? TargetMode.FAKE : TargetMode.EXTERNAL;
            return new Resolution(mongo, mode, "--mongo-url given: " + Secrets.mask(o.mongoUrl())
                    + (o.mongoUrlIsFake() ? " (in-memory test fake: no numbers, no verdicts)" : ""), false);
        }
        return switch (o.mongoMode()) {
            case NONE -> new Resolution(mongo, null, "--mongo-mode none: MongoDB benchmarks are skipped", false);
            case CONTAINER -> docker.available()
                    ? new Resolution(mongo, TargetMode.CONTAINER, "--mongo-mode container: replica set from image "
                    + o.mongoImage(), false)
                    : new Resolution(mongo, null, "--mongo-mode container, but Docker does not answer", true);
            case AUTO -> docker.available()
                    ? new Resolution(mongo, TargetMode.CONTAINER, "Docker answers: replica-set container from image "
                    + o.mongoImage(), false)
                    : new Resolution(mongo, null, "no --mongo-url and Docker does not answer: MongoDB benchmarks "
                    + "are skipped (MongoDB has no embedded mode)", false);
        };
    }
}
