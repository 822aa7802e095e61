package tradeoffbench.joins;

import com.mongodb.client.MongoClient;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import tradeoffbench.targets.Endpoints;
import tradeoffbench.targets.Engine;
import tradeoffbench.targets.mongo.MongoIdentity;

/** The model in MongoDB's two layouts, loaded (or reused) once per fork; one client shared by the threads. */
@State(Scope.Benchmark)
public class MongoLayouts {
    MongoClient client;
    MongoJoinsStore store;

    @Setup
    public void load(JoinsData data) {
        client = MongoIdentity.open(Endpoints.current().require(Engine.MONGODB).url());
        var database = client.getDatabase(JoinsFixture.MONGO_DATABASE);
        MongoJoinsLoader.ensure(database, data.model);
        store = new MongoJoinsStore(database, data.model);
    }

    @TearDown
    public void close() {
        client.close();
    }
}
