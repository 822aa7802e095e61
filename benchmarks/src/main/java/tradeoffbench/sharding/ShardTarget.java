package tradeoffbench.sharding;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import tradeoffbench.targets.Endpoint;
import tradeoffbench.targets.Endpoints;
import tradeoffbench.targets.Engine;
import tradeoffbench.targets.Sharded;
import tradeoffbench.targets.postgres.PostgresIdentity;

/**
 * One server of a sharded (or unsharded) layout: its endpoint name in the run ({@code pg.shard2}, or {@code pg}
 * for the unsharded baseline) and its endpoint. Connecting failures name the server.
 */
public record ShardTarget(String name, Endpoint endpoint) {

    /** The first {@code shards} shard servers of this run, or a clear error when the run provisioned fewer. */
    public static List<ShardTarget> current(int shards) {
        Endpoints endpoints = Endpoints.current();
        List<ShardTarget> targets = new ArrayList<>();
        for (int i = 0; i < shards; i++) {
            String name = Sharded.ENDPOINT_PREFIX + i;
            Endpoint endpoint = endpoints.find(name).orElseThrow(() -> new IllegalStateException(
                    "shards=" + shards + " needs " + name + ", but this run has only these servers: "
                            + endpoints.all().keySet() + " (the launcher provisions the largest -p shards value)"));
            targets.add(new ShardTarget(name, endpoint));
        }
        return targets;
    }

    /** The run's main PostgreSQL server, holding all the data: the unsharded baseline. */
    public static ShardTarget unsharded() {
        return new ShardTarget(Engine.POSTGRESQL.key(), Endpoints.current().require(Engine.POSTGRESQL));
    }

    public Connection open() {
        try {
            return PostgresIdentity.connect(endpoint.url(), endpoint.user(), endpoint.password());
        } catch (SQLException e) {
            throw failure("connecting", e);
        }
    }

    public ShardFailure failure(String doing, SQLException e) {
        return ShardFailure.of(name, endpoint, doing, e);
    }
}
