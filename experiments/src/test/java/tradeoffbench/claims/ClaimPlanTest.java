package tradeoffbench.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tradeoffbench.catalog.BenchmarkCatalog;
import tradeoffbench.catalog.BenchmarkMethod;
import tradeoffbench.catalog.TestCatalogs;
import tradeoffbench.run.Profile;
import tradeoffbench.targets.Engine;

class ClaimPlanTest {
    private static final BenchmarkMethod TRANSFER = method("tradeoffbench.atomicity.PostgresTransferBenchmark",
            "explicitTransaction", Map.of("skew", List.of("uniform", "zipf0.5", "zipf0.99", "zipf1.2"),
                    "accounts", List.of("1000", "100000")));
    private static final BenchmarkMethod HOT = method("tradeoffbench.sharding.HotShardBenchmark", "plainHashing",
            Map.of("skew", List.of("uniform", "zipf0.99", "celebrity"), "shards", List.of("1", "2", "4")));
    private static final BenchmarkCatalog CATALOG = TestCatalogs.of(List.of(TRANSFER, HOT));

    @Test
    void regexesThreadsAndValuesAreUnionedAndAParamNotEverySelectedBenchmarkDeclaresIsLeftToItsDefaults() {
        ClaimPlan plan = ClaimPlan.of(List.of(
                claim("a", "\\.PostgresTransferBenchmark\\.explicitTransaction$", Map.of("skew", List.of("zipf0.99"),
                        "accounts", List.of("1000")), List.of(2)),
                claim("b", "\\.HotShardBenchmark\\.plainHashing$", Map.of("skew", List.of("uniform", "celebrity"),
                        "shards", List.of("4")), List.of(1))), CATALOG, Profile.QUICK);

        assertThat(plan.benchmarks()).containsExactly("\\.PostgresTransferBenchmark\\.explicitTransaction$",
                "\\.HotShardBenchmark\\.plainHashing$");
        assertThat(plan.threads()).containsExactly(1, 2);
        // celebrity is not a skew of the transfer benchmark: passing it would fail that benchmark, so skew is left
        // to each benchmark's own values.
        assertThat(plan.params()).containsOnlyKeys("accounts", "shards")
                .containsEntry("accounts", List.of("1000")).containsEntry("shards", List.of("4"));
        assertThat(plan.notes()).singleElement().asString().contains("-p skew=zipf0.99,uniform,celebrity not set")
                .contains("PostgresTransferBenchmark.explicitTransaction declares only [uniform, zipf0.5, zipf0.99, zipf1.2]");
    }

    @Test
    void anUndeclaredNumberIsNotPassedEitherAndNoThreadPreferenceMeansOneClient() {
        ClaimPlan plan = ClaimPlan.of(List.of(claim("b", "\\.HotShardBenchmark\\.plainHashing$",
                Map.of("shards", List.of("8")), List.of())), CATALOG, Profile.QUICK);
        assertThat(plan.params()).isEmpty();
        assertThat(plan.threads()).containsExactly(1);
        assertThat(plan.notes()).singleElement().asString().contains("-p shards=8 not set");
    }

    @Test
    void aClaimWhoseBenchmarksAreNotInThisBuildIsNotedAndParamsOfUnselectedBenchmarksAreDropped() {
        ClaimPlan plan = ClaimPlan.of(List.of(claim("c", "\\.Missing\\.method$", Map.of("fanout", List.of("10")),
                List.of(1))), CATALOG, Profile.QUICK);
        assertThat(plan.measures()).isFalse();
        assertThat(plan.params()).isEmpty();
        assertThat(plan.notes()).singleElement().asString().contains("claim c: no benchmark in this build matches");
    }

    @Test
    void theFullProfileKeepsEachBenchmarksOwnSweep() {
        ClaimPlan plan = ClaimPlan.of(List.of(claim("b", "\\.HotShardBenchmark\\.plainHashing$",
                Map.of("shards", List.of("4")), List.of(1))), CATALOG, Profile.FULL);
        assertThat(plan.params()).isEmpty();
        assertThat(plan.threads()).isEmpty();
        assertThat(plan.benchmarks()).hasSize(1);
    }

    private static BenchmarkMethod method(String className, String method, Map<String, List<String>> params) {
        String family = className.split("\\.")[1];
        return new BenchmarkMethod(className, method, family, Set.of(Engine.POSTGRESQL), params);
    }

    private static Claim claim(String id, String regex, Map<String, List<String>> params, List<Integer> threads) {
        return new Claim() {
            public String id() {
                return id;
            }

            public int order() {
                return 0;
            }

            public String quote() {
                return "q";
            }

            public String source() {
                return "seed";
            }

            public String tested() {
                return "t";
            }

            public Selection selection() {
                return new Selection(List.of(regex), params, threads);
            }

            public Judgement judge(Rows rows) {
                return Judgement.inconclusive("test");
            }
        };
    }
}
