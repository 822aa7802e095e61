package tradeoffbench.targets;

import java.util.List;

import tradeoffbench.targets.mongo.MongoContainerServer;
import tradeoffbench.targets.postgres.PostgresContainerServer;

/**
 * What the user said about targets. A URL wins; otherwise the mode decides: {@code auto} takes a container when
 * Docker answers and falls back (PostgreSQL: embedded; MongoDB: none); a forced mode that cannot be had is an error.
 *
 * @param mongoUrlIsFake the MongoDB URL points at the in-memory wire-protocol fake (tests only): its rows are
 *                       marked {@code fake} and no verdict uses them
 * @param pgShardUrls    the user's PostgreSQL shard servers ({@code --pg-shard-urls}), in shard order; empty: the
 *                       shards {@link Sharded} benchmarks need are started in the main server's mode
 */
public record TargetOptions(String pgUrl, String mongoUrl, PgMode pgMode, MongoMode mongoMode, String pgImage,
                            String mongoImage, ContainerImages.Pull pull, boolean mongoUrlIsFake,
                            List<String> pgShardUrls) {

    public enum PgMode { AUTO, CONTAINER, EMBEDDED }

    public enum MongoMode { AUTO, CONTAINER, NONE }

    public TargetOptions {
        pgUrl = blankToNull(pgUrl);
        mongoUrl = blankToNull(mongoUrl);
        pgMode = pgMode == null ? PgMode.AUTO : pgMode;
        mongoMode = mongoMode == null ? MongoMode.AUTO : mongoMode;
        pgImage = pgImage == null ? PostgresContainerServer.DEFAULT_IMAGE : pgImage;
        mongoImage = mongoImage == null ? MongoContainerServer.DEFAULT_IMAGE : mongoImage;
        pull = pull == null ? ContainerImages.Pull.MISSING : pull;
        pgShardUrls = pgShardUrls == null ? List.of()
                : pgShardUrls.stream().filter(u -> u != null && !u.isBlank()).map(String::trim).toList();
    }

    /** Without shard URLs (the form every caller used before sharding existed). */
    public TargetOptions(String pgUrl, String mongoUrl, PgMode pgMode, MongoMode mongoMode, String pgImage,
                         String mongoImage, ContainerImages.Pull pull, boolean mongoUrlIsFake) {
        this(pgUrl, mongoUrl, pgMode, mongoMode, pgImage, mongoImage, pull, mongoUrlIsFake, List.of());
    }

    public static TargetOptions defaults() {
        return new TargetOptions(null, null, null, null, null, null, null, false);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
