package tradeoffbench.cli;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;
import tradeoffbench.catalog.UsageException;
import tradeoffbench.targets.ContainerImages;
import tradeoffbench.targets.TargetOptions;

/** The target options shared by {@code run} and {@code list}. */
final class TargetArgs {
    @Option(names = "--pg-url", defaultValue = "${env:TRADEOFF_BENCH_PG_URL}", paramLabel = "URL",
            description = "Your PostgreSQL server: jdbc:postgresql://host:port/db?user=..&password=.. or "
                    + "postgresql://user:password@host:port/db (env TRADEOFF_BENCH_PG_URL). Overrides --pg-mode.")
    String pgUrl;

    @Option(names = "--mongo-url", defaultValue = "${env:TRADEOFF_BENCH_MONGO_URL}", paramLabel = "URL",
            description = "Your MongoDB server: mongodb://user:password@host:port/?replicaSet=rs0 "
                    + "(env TRADEOFF_BENCH_MONGO_URL). Overrides --mongo-mode.")
    String mongoUrl;

    @Option(names = "--pg-mode", defaultValue = "auto", paramLabel = "MODE",
            description = "auto (container when Docker answers, else embedded), container, embedded. Default: ${DEFAULT-VALUE}.")
    String pgMode;

    @Option(names = "--mongo-mode", defaultValue = "auto", paramLabel = "MODE",
            description = "auto (container when Docker answers, else skipped), container, none. Default: ${DEFAULT-VALUE}.")
    String mongoMode;

    @Option(names = "--pg-image", defaultValue = "postgres:17", paramLabel = "IMAGE",
            description = "PostgreSQL container image. Default: ${DEFAULT-VALUE}.")
    String pgImage;

    @Option(names = "--mongo-image", defaultValue = "mongo:8.0", paramLabel = "IMAGE",
            description = "MongoDB container image (run as a one-member replica set). Default: ${DEFAULT-VALUE}.")
    String mongoImage;

    @Option(names = "--image-pull", defaultValue = "missing", paramLabel = "POLICY",
            description = "missing (pull an image when it is not local) or never (offline: fail fast instead). "
                    + "Default: ${DEFAULT-VALUE}.")
    String imagePull;

    @Option(names = "--pg-shard-urls", split = ",", paramLabel = "URL,URL,...",
            description = "Your PostgreSQL shard servers for the sharding family, comma-separated, in shard order "
                    + "(same URL forms as --pg-url; at least as many as the largest -p shards). Without it the "
                    + "shards are started like the main server (embedded or container).")
    List<String> pgShardUrls = new ArrayList<>();

    /** Test-only: the MongoDB URL is the in-memory wire-protocol fake; its rows are marked fake. */
    @Option(names = "--mongo-url-is-fake", hidden = true)
    boolean mongoUrlIsFake;

    TargetOptions toOptions() {
        return new TargetOptions(pgUrl, mongoUrl, parse(TargetOptions.PgMode.class, "--pg-mode", pgMode),
                parse(TargetOptions.MongoMode.class, "--mongo-mode", mongoMode), pgImage, mongoImage,
                parse(ContainerImages.Pull.class, "--image-pull", imagePull), mongoUrlIsFake, pgShardUrls);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String option, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.trim())) {
                return e;
            }
        }
        StringBuilder valid = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            valid.append(valid.length() == 0 ? "" : ", ").append(e.name().toLowerCase());
        }
        throw new UsageException("invalid " + option + " '" + value + "'; valid: " + valid);
    }
}
