package tradeoffbench.joins;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.client.MongoClient;
import tradeoffbench.targets.Endpoint;
import tradeoffbench.targets.Endpoints;
import tradeoffbench.targets.Engine;
import tradeoffbench.targets.mongo.MongoIdentity;
import tradeoffbench.targets.postgres.PostgresIdentity;

/** What every benchmark of the family does in its setup: generate the model, load it, open stores. */
final class JoinsFixture {
    static final String MONGO_DATABASE = "tradeoffbench";
    private static final Map<String, JoinsModel> MODELS = new ConcurrentHashMap<>();

    private JoinsFixture() {
    }

    /** The model of (posts, fanout), generated once per JVM. */
    static JoinsModel model(int posts, int fanout) {
        return MODELS.computeIfAbsent(posts + "/" + fanout, k -> JoinsModel.of(posts, fanout));
    }

    static Endpoint postgres() {
        return Endpoints.current().require(Engine.POSTGRESQL);
    }

    static Connection connect(Endpoint endpoint) throws SQLException {
        return PostgresIdentity.connect(endpoint.url(), endpoint.user(), endpoint.password());
    }

    /** Loads (or reuses) the dataset in the PostgreSQL layouts and restores its generated state. */
    static void loadPostgres(Endpoint endpoint, JoinsModel model) throws SQLException {
        try (Connection connection = connect(endpoint)) {
            PostgresJoinsLoader.ensure(connection, model);
        }
    }

    static PostgresJoinsStore openPostgres(Endpoint endpoint, JoinsModel model) throws SQLException {
        return PostgresJoinsStore.open(connect(endpoint), model);
    }

    static MongoClient openMongo() {
        return MongoIdentity.open(Endpoints.current().require(Engine.MONGODB).url());
    }

    /** Loads (or reuses) the dataset in the MongoDB layouts and returns their store. */
    static MongoJoinsStore loadMongo(MongoClient client, JoinsModel model) {
        var database = client.getDatabase(MONGO_DATABASE);
        MongoJoinsLoader.ensure(database, model);
        return new MongoJoinsStore(database, model);
    }
}
