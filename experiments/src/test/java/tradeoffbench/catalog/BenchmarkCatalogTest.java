package tradeoffbench.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;
import tradeoffbench.atomicity.Atomicity;
import tradeoffbench.family.BenchmarkName;
import tradeoffbench.family.ShardNeed;
import tradeoffbench.sharding.Sharding;
import tradeoffbench.targets.Engine;

/** Reads the real BenchmarkList that JMH generated for this build. */
class BenchmarkCatalogTest {
    private final BenchmarkCatalog catalog = BenchmarkCatalog.load();

    @Test
    void familiesComeFromPackagesAndNeedsFromAnnotations() {
        assertThat(catalog.families()).contains("lookup");
        BenchmarkMethod pg = catalog.select(List.of("lookup"), List.of("postgresPrimaryKey")).get(0);
        assertThat(pg.needs()).containsExactly(Engine.POSTGRESQL);
        assertThat(pg.params()).containsKey("users");
        assertThat(pg.shortName()).isEqualTo("PointLookupBenchmark.postgresPrimaryKey");
        BenchmarkMethod mongo = catalog.select(List.of(), List.of("mongoFindById")).get(0);
        assertThat(mongo.needs()).containsExactly(Engine.MONGODB);
    }

    @Test
    void unknownNamesAreUsageErrorsListingTheValidOnes() {
        assertThatThrownBy(() -> catalog.select(List.of("lokup"), List.of()))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("unknown family 'lokup'; valid families: ")
                .hasMessageContaining("lookup");
        assertThatThrownBy(() -> catalog.select(List.of(), List.of("noSuchBenchmark")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("valid benchmarks: ")
                .hasMessageContaining("PointLookupBenchmark.postgresPrimaryKey");
        assertThatThrownBy(() -> catalog.select(List.of(), List.of("(")))
                .hasMessageStartingWith("bad benchmark pattern '('");
    }

    @Test
    void familyOfAClassIsItsPackageUnderTheRoot() {
        assertThat(BenchmarkName.parse("tradeoffbench.sharding.ShardedLookupBenchmark.routedLookup").family())
                .isEqualTo("sharding");
        assertThat(BenchmarkName.parse("org.example.Bench.x").family()).isEqualTo("other");
    }

    @Test
    void annotationsAreReadOnceIntoEachMethod() {
        BenchmarkMethod routed = catalog.find(Sharding.ROUTED_LOOKUP).orElseThrow();
        assertThat(routed.shards()).map(ShardNeed::param).contains("shards");
        assertThat(routed.needs()).containsExactly(Engine.POSTGRESQL);
        assertThat(routed.modes()).contains(Mode.SampleTime, Mode.Throughput);
        assertThat(catalog.find(Sharding.UNSHARDED).orElseThrow().shards()).isEmpty();
        BenchmarkMethod transfer = catalog.find(Atomicity.READ_THEN_WRITE).orElseThrow();
        assertThat(transfer.counters()).contains(Atomicity.LOST_UPDATES, Atomicity.INCONSISTENT_READS);
        assertThat(transfer.params()).containsKeys("isolation", "skew", "accounts", "synchronousCommit");
        assertThat(transfer.rules().get("isolation")).allSatisfy(r -> assertThat(r.accepts("SERIALIZABLE")).isTrue());
        assertThat(transfer.rules().get("isolation")).allSatisfy(r -> assertThat(r.accepts("SNAPSHOT")).isFalse());
    }
}
