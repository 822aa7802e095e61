package tradeoffbench.sharding;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.junit.jupiter.api.Test;

/** How Citus and a MongoDB sharded cluster are told to shard the users, checked where neither can be had. */
class DistributedSetupTest {

    @Test
    void citusDistributesTheThreeTablesOnTheUserIdCoLocated() {
        assertThat(CitusSql.distribute("u", "p", "c")).containsExactly(
                "SELECT create_distributed_table('u', 'id')",
                "SELECT create_distributed_table('p', 'author_id', colocate_with => 'u')",
                "SELECT create_distributed_table('c', 'post_author_id', colocate_with => 'u')");
    }

    @Test
    void mongosShardsTheUsersOnAHashedUserId() {
        assertThat(MongosSetup.shardCommands("tradeoffbench", 10_000)).containsExactly(
                new Document("enableSharding", "tradeoffbench"),
                new Document("shardCollection", "tradeoffbench.sh_users_10000")
                        .append("key", new Document("_id", "hashed")));
        assertThat(MongosSetup.unsharded(10_000)).isEqualTo("users_unsharded_10000");
    }
}
