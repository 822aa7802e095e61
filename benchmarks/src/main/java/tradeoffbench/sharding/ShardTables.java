package tradeoffbench.sharding;

import tradeoffbench.dataset.UserGenerator;

/**
 * The table names of one dataset size under one router layout; identical on every shard of that layout.
 *
 * @param userCount number of generated users (all shards together)
 * @param layout   {@link ShardRouter#layout()}
 */
public record ShardTables(long userCount, String layout) {

    public static ShardTables of(long users, ShardRouter router) {
        return new ShardTables(users, router.layout());
    }

    public String users() {
        return "sh_users_" + userCount + "_" + layout;
    }

    public String posts() {
        return "sh_posts_" + userCount + "_" + layout;
    }

    public String comments() {
        return "sh_comments_" + userCount + "_" + layout;
    }

    /** Long by design: a future change to the generators or router changes it, so stale tables are reloaded. */
    String fingerprint(int shard, int shards) {
        return "users/v" + UserGenerator.VERSION + "/seed="
                + UserGenerator.DEFAULT_SEED + "/n=" + userCount + "/social/p="
                + SocialGraph.POSTS_PER_USER + "/c=" + SocialGraph.COMMENTS_PER_POST + "/layout=" + layout
                + "/shard=" + shard + "of" + shards;
    }
}
