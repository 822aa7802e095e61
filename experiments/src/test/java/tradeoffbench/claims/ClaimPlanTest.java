package tradeoffbench.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;
import tradeoffbench.atomicity.Atomicity;
import tradeoffbench.catalog.BenchmarkCatalog;
import tradeoffbench.family.BenchmarkName;
import tradeoffbench.run.MethodRequest;
import tradeoffbench.run.Trial;
import tradeoffbench.run.TrialPlan;
import tradeoffbench.sharding.Sharding;

class ClaimPlanTest {
    private static final BenchmarkCatalog CATALOG = BenchmarkCatalog.load();

    @Test
    void claimsAskingTheSameMethodAreUnitedAndParametersStayWithTheirMethod() {
        ClaimPlan plan = ClaimPlan.of(List.of(
                claim("a", new Selection.Wanted(Atomicity.TWO_STATEMENTS_IN_TRANSACTION,
                        Map.of("skew", List.of("zipf0.99"), "isolation", List.of("READ_COMMITTED")), List.of(2),
                        Mode.SampleTime)),
                claim("b", new Selection.Wanted(Atomicity.TWO_STATEMENTS_IN_TRANSACTION,
                        Map.of("skew", List.of("uniform"), "isolation", List.of("SERIALIZABLE")), List.of(2),
                        Mode.SampleTime)),
                claim("c", new Selection.Wanted(Sharding.PLAIN_HASHING, Map.of("skew", List.of("celebrity"),
                        "shards", List.of("4")), List.of(1), Mode.Throughput))), CATALOG);

        assertThat(plan.requests()).extracting(r -> r.method().name())
                .containsExactly(Atomicity.TWO_STATEMENTS_IN_TRANSACTION, Sharding.PLAIN_HASHING);
        MethodRequest transfer = plan.requests().get(0);
        assertThat(transfer.params()).containsEntry("skew", List.of("zipf0.99", "uniform"))
                .containsEntry("isolation", List.of("READ_COMMITTED", "SERIALIZABLE"));
        assertThat(transfer.threads()).containsExactly(2);
        // skew=celebrity is the hot-shard benchmark's alone: it never reaches the transfer benchmark.
        List<Trial> trials = TrialPlan.expand(plan.requests(), Map.of(), List.of(), java.util.Set.of());
        assertThat(trials).filteredOn(t -> t.method().name().equals(Atomicity.TWO_STATEMENTS_IN_TRANSACTION))
                .hasSize(4).extracting(t -> t.params().get("skew")).containsOnly("zipf0.99", "uniform");
        assertThat(trials).filteredOn(t -> t.method().name().equals(Sharding.PLAIN_HASHING))
                .singleElement().satisfies(t -> {
                    assertThat(t.params()).containsEntry("skew", "celebrity").containsEntry("shards", "4");
                    assertThat(t.mode()).isEqualTo(Mode.Throughput);
                    assertThat(t.threads()).isEqualTo(1);
                });
        assertThat(plan.notes()).isEmpty();
    }

    @Test
    void aClaimWhoseBenchmarksAreNotInThisBuildIsNoted() {
        ClaimPlan plan = ClaimPlan.of(List.of(claim("x", new Selection.Wanted(
                BenchmarkName.parse("tradeoffbench.lookup.Missing.method"), Map.of(), List.of(1), Mode.SampleTime))),
                CATALOG);
        assertThat(plan.measures()).isFalse();
        assertThat(plan.notes()).singleElement().asString().contains("claim x: this build has no benchmark Missing.method");
    }

    @Test
    void experimentsAreCollected() {
        ClaimPlan plan = ClaimPlan.of(Claims.load().select(List.of("cap-partition", "nines")), CATALOG);
        assertThat(plan.requests()).isEmpty();
        assertThat(plan.experiments()).containsExactly("cap");
        assertThat(plan.measures()).isTrue();
    }

    @Test
    void runAllMeasuresEveryTrialOnceAndFitsTheQuickBudget() {
        ClaimPlan plan = ClaimPlan.of(Claims.load().all(), CATALOG);
        List<Trial> trials = TrialPlan.expand(plan.requests(), Map.of(), List.of(), java.util.Set.of());
        assertThat(trials).doesNotHaveDuplicates();
        // The quick profile's budget (README: run all within 10 minutes on 2 cores) holds about 35 trials of 3 forks
        // on the PostgreSQL servers a machine without Docker starts (MongoDB, Citus and mongos trials need more).
        assertThat(trials.stream().filter(t -> t.method().needs().equals(java.util.Set.of(
                tradeoffbench.targets.Engine.POSTGRESQL)))).as("PostgreSQL trials of run all").hasSizeLessThanOrEqualTo(35);
    }

    private static Claim claim(String id, Selection.Wanted... wanted) {
        return new Claim() {
            @Override
            public ClaimInfo info() {
                return new ClaimInfo(id, 0, "q", "seed", "t");
            }

            @Override
            public Selection selection() {
                return Selection.of(wanted);
            }

            @Override
            public Judgement judge(Evidence evidence) {
                return Judgement.inconclusive("test");
            }
        };
    }
}
