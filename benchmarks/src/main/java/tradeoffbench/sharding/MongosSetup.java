package tradeoffbench.sharding;

import java.util.List;

import org.bson.Document;

/**
 * The commands that shard the users on a MongoDB sharded cluster (hashed on {@code _id}, the user id) and index the
 * handle, beside an unsharded copy of the same users on the primary shard: the baseline without sharding.
 */
final class MongosSetup {
    private MongosSetup() {
    }

    static String sharded(long users) {
        return "sh_users_" + users;
    }

    static String unsharded(long users) {
        return "users_unsharded_" + users;
    }

    /** Run on {@code admin}, in order. */
    static List<Document> shardCommands(String database, long users) {
        return List.of(
                new Document("enableSharding", database),
                new Document("shardCollection", database + "." + sharded(users))
                        .append("key", new Document("_id", "hashed")));
    }

    static Document handleIndex() {
        return new Document("handle", 1);
    }
}
