package tradeoffbench.targets.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.testcontainers.mongodb.MongoDBContainer;
import tradeoffbench.targets.ContainerImages;
import tradeoffbench.targets.Endpoint;
import tradeoffbench.targets.Engine;
import tradeoffbench.targets.TargetException;
import tradeoffbench.targets.TargetMode;

/** A mongos is told apart from a replica set and a standalone server; the sharded container as configured. */
class MongosConfigurationTest {

    @Test
    void helloTellsAMongosAReplicaSetMemberAndAStandaloneApart() {
        assertThat(MongoIdentity.Topology.of(new Document("msg", "isdbgrid")))
                .isEqualTo(MongoIdentity.Topology.SHARDED);
        assertThat(MongoIdentity.Topology.of(new Document("setName", "rs0")))
                .isEqualTo(MongoIdentity.Topology.REPLICA_SET);
        assertThat(MongoIdentity.Topology.of(new Document("isWritablePrimary", true)))
                .isEqualTo(MongoIdentity.Topology.STANDALONE);
    }

    @Test
    void onlyAMongosIsTakenAsAShardedClusterRouter() {
        Endpoint replicaSet = endpoint("replica set");
        assertThatThrownBy(() -> MongosTarget.requireMongos(replicaSet)).isInstanceOf(TargetException.class)
                .hasMessageContaining("is a replica set, not a mongos");
        Endpoint mongos = endpoint(MongoIdentity.Topology.SHARDED.label);
        assertThat(MongosTarget.requireMongos(mongos)).isSameAs(mongos);
    }

    @Test
    void theContainerIsTestcontainersShardedMongoFromThePinnedImage() {
        MongoDBContainer c = MongoContainerServer.configureSharded(MongosTarget.DEFAULT_IMAGE, ContainerImages.Pull.MISSING, "run-3");
        assertThat(MongosTarget.DEFAULT_IMAGE).isEqualTo("mongo:8.0");
        assertThat(c.getLabels()).containsEntry(ContainerImages.LABEL + ".run", "run-3");
        assertThat(new MongosTarget().startable()).containsExactly(TargetMode.CONTAINER);
    }

    private static Endpoint endpoint(String topology) {
        return new Endpoint(Engine.MONGOS, TargetMode.EXTERNAL, "mongodb://h:27017", null, null, "8.0.4",
                new TreeMap<>(Map.of("topology", topology)));
    }
}
