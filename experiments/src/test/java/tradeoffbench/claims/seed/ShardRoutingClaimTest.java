package tradeoffbench.claims.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradeoffbench.claims.Evidence;
import tradeoffbench.claims.FixtureRun;
import tradeoffbench.claims.Judgement;
import tradeoffbench.claims.Verdict;
import tradeoffbench.family.BenchmarkName;
import tradeoffbench.family.Metric;
import tradeoffbench.sharding.Sharding;

/** Golden fixtures: mean lookup latencies of routed and scatter-gather lookups at 1 and 4 shards, and unsharded. */
class ShardRoutingClaimTest {
    @TempDir
    Path dir;

    private final ShardRoutingClaim claim = new ShardRoutingClaim();

    @Test
    void scatterGatherSlowingWithShardsWhileRoutingBeatsItIsSupported() {
        Judgement j = claim.judge(run("supported", 100, 200, 80).evidence());
        assertThat(j.verdict()).as(j.reason()).isEqualTo(Verdict.SUPPORTED);
        assertThat(j.reason()).contains("scatter-gather at 4 shards runs at 0.").contains("the speed of at 1 shard")
                .contains("routed at 4 shards runs at 2.");
        assertThat(j.numbers()).anyMatch(n -> n.startsWith("routed at 4 shards runs at")
                && n.contains("the speed of one unsharded server"));
        assertThat(j.numbers()).anyMatch(n -> n.startsWith("the fan-out pool's own cost:"));
        assertThat(j.caveats()).containsExactly("all 4 shard servers run on this one machine and share its cores");
    }

    @Test
    void routedSlowerThanScatterGatherIsRefuted() {
        Judgement j = claim.judge(run("refuted", 100, 200, 400).evidence());
        assertThat(j.verdict()).as(j.reason()).isEqualTo(Verdict.REFUTED);
        assertThat(j.reason()).contains("routed at 4 shards runs at 0.");
    }

    @Test
    void scatterGatherAboutTenPercentSlowerAtFourShardsIsInconclusive() {
        Judgement j = claim.judge(run("threshold", 100, 110, 50).evidence());
        assertThat(j.verdict()).as(j.reason()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(j.reason()).contains("scatter-gather at 4 shards runs at");
    }

    @Test
    void scatterGatherNoSlowerAtFourShardsRefutesIt() {
        Judgement j = claim.judge(run("no-effect", 100, 100, 50).evidence());
        assertThat(j.verdict()).as(j.reason()).isEqualTo(Verdict.REFUTED);
    }

    @Test
    void noScatterGatherAtOneShardIsInconclusiveWithTheReason() {
        FixtureRun run = FixtureRun.in(dir, "missing");
        lookup(run, Sharding.SCATTER_GATHER, "4", 200);
        lookup(run, Sharding.ROUTED_LOOKUP, "4", 80);
        Judgement j = claim.judge(run.evidence());
        assertThat(j.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(j.reason()).isEqualTo("no scatter-gather rows at 1 and 4 shards with routed rows beside them");
    }

    private FixtureRun run(String name, double scatterAt1, double scatterAt4, double routedAt4) {
        FixtureRun run = FixtureRun.in(dir, name);
        lookup(run, Sharding.SCATTER_GATHER, ShardRoutingClaim.FEWEST, scatterAt1);
        lookup(run, Sharding.SCATTER_GATHER, ShardRoutingClaim.MOST, scatterAt4);
        lookup(run, Sharding.ROUTED_LOOKUP, ShardRoutingClaim.FEWEST, 70);
        lookup(run, Sharding.ROUTED_LOOKUP, ShardRoutingClaim.MOST, routedAt4);
        run.trial(Sharding.UNSHARDED, 1, Evidence.SAMPLE, "users=10000").metric(Metric.LATENCY, 60, 0.1);
        run.trial(Sharding.UNSHARDED_BY_HANDLE, 1, Evidence.SAMPLE, "users=10000").metric(Metric.LATENCY, 65, 0.1);
        return run;
    }

    private static void lookup(FixtureRun run, BenchmarkName b, String shards, double latency) {
        run.trial(b, 1, Evidence.SAMPLE, Sharding.SHARDS + "=" + shards, Sharding.USERS + "=10000")
                .metric(Metric.LATENCY, latency, 0.1);
    }
}
