package tradeoffbench.sharding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tradeoffbench.catalog.BenchmarkCatalog;
import tradeoffbench.catalog.BenchmarkMethod;
import tradeoffbench.catalog.UsageException;
import tradeoffbench.run.ShardDemand;

/** How many shard servers the launcher provisions, read from the real catalog of this build. */
class ShardDemandTest {
    private final BenchmarkCatalog catalog = BenchmarkCatalog.load();

    @Test
    void theLargestShardCountAmongTheSelectedMethodsWinsAndUserValuesOverrideDefaults() {
        List<BenchmarkMethod> lookups = catalog.select(List.of(), List.of("ShardedLookupBenchmark.routedLookup"));
        assertThat(ShardDemand.of(lookups, Map.of())).isEqualTo(4);
        assertThat(ShardDemand.of(lookups, Map.of("shards", List.of("2", "8")))).isEqualTo(8);
        assertThat(ShardDemand.of(catalog.select(List.of("sharding"), List.of()), Map.of("shards", List.of("1"))))
                .isEqualTo(1);
    }

    @Test
    void methodsWithoutTheShardParameterNeedNoShardsAndRowsNameTheMainServer() {
        List<BenchmarkMethod> baseline = catalog.select(List.of(), List.of("ShardedLookupBenchmark.unsharded$"));
        assertThat(ShardDemand.of(baseline, Map.of())).isZero();
        assertThat(ShardDemand.isSharded(baseline.get(0))).isFalse();
        assertThat(ShardDemand.of(catalog.select(List.of("lookup"), List.of()), Map.of())).isZero();
        assertThat(ShardDemand.isSharded(catalog.select(List.of(), List.of("scatterGather")).get(0))).isTrue();
    }

    @Test
    void aShardCountThatIsNotAPositiveWholeNumberIsAUsageError() {
        List<BenchmarkMethod> lookups = catalog.select(List.of(), List.of("ShardedLookupBenchmark.routedLookup"));
        assertThatThrownBy(() -> ShardDemand.of(lookups, Map.of("shards", List.of("0"))))
                .isInstanceOf(UsageException.class).hasMessageContaining("'0'");
        assertThatThrownBy(() -> ShardDemand.of(lookups, Map.of("shards", List.of("many"))))
                .isInstanceOf(UsageException.class).hasMessageContaining("shard count");
    }
}
