package tradeoffbench.joins;

import java.sql.Connection;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tradeoffbench.targets.Endpoint;
import tradeoffbench.targets.Endpoints;
import tradeoffbench.targets.Engine;

/** The model in PostgreSQL's three layouts, loaded (or reused) once per fork and restored to its generated state. */
@State(Scope.Benchmark)
public class PostgresLayouts {
    Endpoint endpoint;

    @Setup
    public void load(JoinsData data) throws Exception {
        endpoint = Endpoints.current().require(Engine.POSTGRESQL);
        try (Connection connection = endpoint.connect()) {
            PostgresJoinsLoader.ensure(connection, data.model);
        }
    }

    /** A store over a new connection of its own (closed with the store). */
    PostgresJoinsStore open(JoinsModel model) throws Exception {
        return PostgresJoinsStore.open(endpoint.connect(), model);
    }
}
