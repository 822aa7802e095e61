package tradeoffbench.sharding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The invariant of a sharded layout: every shard holds exactly the users the router assigns to it, and all of them. */
final class ShardPlacement {
    private ShardPlacement() {
    }

    static void verify(ShardedStore store, long users) {
        ShardRouter router = store.router();
        long seen = 0;
        for (int shard = 0; shard < store.connections().size(); shard++) {
            ShardConnection connection = store.connections().get(shard);
            String table = connection.tables().users();
            try (Statement statement = connection.connection().createStatement();
                 ResultSet rs = statement.executeQuery("SELECT id FROM " + table)) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    seen++;
                    if (router.shardOf(id) != shard) {
                        throw new IllegalStateException("user " + id + " is on " + connection.target().name()
                                + " but " + router + " routes it to shard " + router.shardOf(id));
                    }
                }
            } catch (SQLException e) {
                throw connection.target().failure("checking placement in " + table, e);
            }
        }
        if (seen != users) {
            throw new IllegalStateException(router + ": the shards hold " + seen + " users together, expected " + users);
        }
    }
}
