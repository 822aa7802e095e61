package tradeoffbench.claims.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradeoffbench.claims.Evidence;
import tradeoffbench.claims.FixtureRun;
import tradeoffbench.claims.Judgement;
import tradeoffbench.claims.Verdict;
import tradeoffbench.family.Metric;
import tradeoffbench.sharding.Sharding;

/** Golden fixtures: mean latencies of the SQL join on one server and the application-side join at 1 and 4 shards. */
class CrossShardJoinClaimTest {
    @TempDir
    Path dir;

    private final CrossShardJoinClaim claim = new CrossShardJoinClaim();

    @Test
    void theJoinAcrossShardsSlowerThanOneServerIsSupportedAndSplitIntoItsParts() {
        Judgement j = claim.judge(run("supported", 500, 700, 1500).evidence());
        assertThat(j.verdict()).as(j.reason()).isEqualTo(Verdict.SUPPORTED);
        assertThat(j.reason()).startsWith("the join across 4 shards runs at 0.")
                .endsWith("the speed of the same join on one server");
        assertThat(j.numbers()).anyMatch(n -> n.startsWith("the application-side join: crossShardJoin at 1 shard runs at 0."))
                .anyMatch(n -> n.startsWith("what more shards add: crossShardJoin at 4 shards runs at 0."))
                .anyMatch(n -> n.startsWith("join (users=10000, threads=1): one server"));
        assertThat(j.charts()).singleElement().satisfies(c -> assertThat(c.name()).isEqualTo("cross-shard-joins"));
    }

    @Test
    void theJoinAcrossShardsFasterIsRefuted() {
        Judgement j = claim.judge(run("refuted", 1500, 700, 500).evidence());
        assertThat(j.verdict()).as(j.reason()).isEqualTo(Verdict.REFUTED);
        assertThat(j.reason()).startsWith("the join across 4 shards runs at 3.");
    }

    @Test
    void equalLatenciesAreInconclusive() {
        assertThat(claim.judge(run("overlap", 500, 500, 500).evidence()).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void aSkippedSingleServerJoinIsInconclusiveWithTheRunsReason() {
        FixtureRun run = FixtureRun.in(dir, "missing");
        run.trial(Sharding.CROSS_SHARD_JOIN, 1, Evidence.SAMPLE, "shards=4", "users=10000")
                .metric(Metric.LATENCY, 1500, 0.1);
        run.skipped("CrossShardJoinBenchmark.singleServerJoin", "postgresql: not available");
        Judgement j = claim.judge(run.evidence());
        assertThat(j.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(j.reason()).contains("no rows for CrossShardJoinBenchmark.singleServerJoin")
                .contains("postgresql: not available");
    }

    private FixtureRun run(String name, double single, double crossAt1, double crossAt4) {
        FixtureRun run = FixtureRun.in(dir, name);
        run.trial(Sharding.SINGLE_SERVER_JOIN, 1, Evidence.SAMPLE, "users=10000").metric(Metric.LATENCY, single, 0.1);
        run.trial(Sharding.CROSS_SHARD_JOIN, 1, Evidence.SAMPLE, "shards=1", "users=10000")
                .metric(Metric.LATENCY, crossAt1, 0.1);
        run.trial(Sharding.CROSS_SHARD_JOIN, 1, Evidence.SAMPLE, "shards=" + CrossShardJoinClaim.MOST, "users=10000")
                .metric(Metric.LATENCY, crossAt4, 0.1);
        return run;
    }
}
