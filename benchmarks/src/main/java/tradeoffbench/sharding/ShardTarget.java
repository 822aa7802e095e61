package tradeoffbench.sharding;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import tradeoffbench.targets.Endpoint;
import tradeoffbench.targets.Endpoints;
import tradeoffbench.targets.Engine;

/**
 * One server of a sharded (or unsharded) layout: its endpoint name in the run ({@code pg.shard2}, or {@code pg}
 * for the unsharded baseline) and its endpoint. Connecting failures name the server.
 */
public record ShardTarget(String name, Endpoint endpoint) {

    /** The first {@code shards} shard servers of this run, or a clear error when the run provisioned fewer. */
    public static List<ShardTarget> current(int shards) {
        List<Endpoint> endpoints = Endpoints.current().shards(Engine.POSTGRESQL, shards);
        List<ShardTarget> targets = new ArrayList<>();
        for (int i = 0; i < shards; i++) {
            targets.add(new ShardTarget(Endpoints.shardName(Engine.POSTGRESQL, i), endpoints.get(i)));
        }
        return targets;
    }

    /** The run's main PostgreSQL server, holding all the data: the unsharded baseline. */
    public static ShardTarget unsharded() {
        return new ShardTarget(Endpoints.name(Engine.POSTGRESQL), Endpoints.current().require(Engine.POSTGRESQL));
    }

    public Connection open() {
        try {
            return endpoint.connect();
        } catch (SQLException e) {
            throw failure("connecting", e);
        }
    }

    public ShardFailure failure(String doing, SQLException e) {
        return ShardFailure.of(name, endpoint, doing, e);
    }
}
