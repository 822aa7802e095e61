package tradeoffbench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;
import tradeoffbench.atomicity.Atomicity;
import tradeoffbench.catalog.BenchmarkCatalog;
import tradeoffbench.catalog.BenchmarkMethod;
import tradeoffbench.catalog.UsageException;
import tradeoffbench.lookup.Lookup;
import tradeoffbench.sharding.Sharding;

/** Expanding what was asked into trials, on the real catalog. */
class TrialPlanTest {
    private static final BenchmarkCatalog CATALOG = BenchmarkCatalog.load();

    @Test
    void parametersAreScopedPerMethodAndTheUserOverridesBoth() {
        MethodRequest transfers = request(Atomicity.READ_THEN_WRITE, Map.of(Atomicity.ISOLATION,
                List.of(Atomicity.READ_COMMITTED, Atomicity.SERIALIZABLE), Atomicity.SKEW, List.of("zipf0.99")),
                List.of(2));
        MethodRequest lookups = request(Lookup.POSTGRES_PRIMARY_KEY, Map.of(), List.of(1));

        List<Trial> trials = TrialPlan.expand(List.of(transfers, lookups), Map.of(), List.of(), Set.of());
        assertThat(trials).filteredOn(t -> t.method().name().equals(Atomicity.READ_THEN_WRITE))
                .extracting(t -> t.params().get(Atomicity.ISOLATION))
                .containsExactly(Atomicity.READ_COMMITTED, Atomicity.SERIALIZABLE);
        assertThat(trials).filteredOn(t -> t.method().name().equals(Lookup.POSTGRES_PRIMARY_KEY))
                .allSatisfy(t -> assertThat(t.params()).doesNotContainKey(Atomicity.ISOLATION));

        List<Trial> overridden = TrialPlan.expand(List.of(transfers, lookups),
                Map.of(Atomicity.ISOLATION, List.of(Atomicity.REPEATABLE_READ)), List.of(1, 2), Set.of(Mode.Throughput));
        assertThat(overridden).filteredOn(t -> t.method().name().equals(Atomicity.READ_THEN_WRITE))
                .extracting(Trial::describe).containsExactly(
                        "PostgresTransferBenchmark.readThenWrite (accounts=1000, isolation=REPEATABLE_READ, "
                                + "skew=zipf0.99, synchronousCommit=on, threads=1, thrpt)",
                        "PostgresTransferBenchmark.readThenWrite (accounts=1000, isolation=REPEATABLE_READ, "
                                + "skew=zipf0.99, synchronousCommit=on, threads=2, thrpt)");
    }

    @Test
    void aShardedTrialKnowsHowManyServersItNeeds() {
        MethodRequest routed = request(Sharding.ROUTED_LOOKUP, Map.of(Sharding.SHARDS, List.of("1", "4")), List.of(1));
        assertThat(TrialPlan.expand(List.of(routed), Map.of(), List.of(), Set.of()))
                .extracting(Trial::shardCount).containsExactly(1, 4);
    }

    @Test
    void badParametersAreUsageErrorsBeforeAnythingStarts() {
        MethodRequest lookups = request(Lookup.POSTGRES_PRIMARY_KEY, Map.of(), List.of(1));
        assertThatThrownBy(() -> TrialPlan.expand(List.of(lookups), Map.of("usres", List.of("5")), List.of(), Set.of()))
                .isInstanceOf(UsageException.class)
                .hasMessage("unknown parameter 'usres' in -p; the selected benchmarks take: users");
        assertThatThrownBy(() -> TrialPlan.expand(List.of(lookups), Map.of("users", List.of("5", "")), List.of(),
                Set.of())).hasMessageContaining("needs values");
        MethodRequest transfers = request(Atomicity.READ_THEN_WRITE, Map.of(), List.of(1));
        assertThatThrownBy(() -> TrialPlan.expand(List.of(transfers), Map.of(Atomicity.ISOLATION, List.of("SNAPSHOT")),
                List.of(), Set.of())).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("invalid value 'SNAPSHOT' for -p isolation");
    }

    private static MethodRequest request(tradeoffbench.family.BenchmarkName name, Map<String, List<String>> params,
                                         List<Integer> threads) {
        BenchmarkMethod method = CATALOG.find(name).orElseThrow();
        return new MethodRequest(method, params, threads, Set.of(Mode.SampleTime));
    }
}
