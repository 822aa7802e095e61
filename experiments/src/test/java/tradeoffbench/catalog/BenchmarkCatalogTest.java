package tradeoffbench.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
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
        assertThat(BenchmarkCatalog.familyOf("tradeoffbench.sharding.ShardedLookupBenchmark")).isEqualTo("sharding");
        assertThat(BenchmarkCatalog.familyOf("org.example.Bench")).isEqualTo("other");
    }
}
