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

/** Golden fixtures: the busiest shard's load over the mean, plain hashing and a celebrity shard, both key skews. */
class CelebrityShardClaimTest {
    @TempDir
    Path dir;

    private final CelebrityShardClaim claim = new CelebrityShardClaim();

    @Test
    void aHotShardUnderTheCelebrityCooledByADedicatedShardIsSupported() {
        Judgement j = claim.judge(run("supported", 1.05, 2.1, 1.3, 1.2));
        assertThat(j.verdict()).as(j.reason()).isEqualTo(Verdict.SUPPORTED);
        assertThat(j.reason()).contains("the celebrity makes plain hashing's busiest shard 2.")
                .contains("(uniform keys: 1.0").contains("a dedicated shard takes it to 1.")
                .contains("under uniform keys the dedicated layout's busiest shard is 1.").contains("its celebrity shard idles");
        assertThat(j.numbers()).anyMatch(n -> n.startsWith("dedicated celebrity shard, uniform keys: busiest shard 1."));
    }

    @Test
    void aDedicatedShardThatDoesNotCoolItIsRefuted() {
        Judgement j = claim.judge(run("refuted", 1.05, 2.1, 1.3, 2.6));
        assertThat(j.verdict()).as(j.reason()).isEqualTo(Verdict.REFUTED);
        assertThat(j.reason()).contains("a dedicated shard takes it to 2.");
    }

    @Test
    void aCelebrityNoHotterThanUniformKeysRefutesIt() {
        Judgement j = claim.judge(run("no-effect", 1.05, 1.06, 1.3, 0.9));
        assertThat(j.verdict()).as(j.reason()).isEqualTo(Verdict.REFUTED);
    }

    @Test
    void aCelebrityAboutTenPercentHotterIsInconclusive() {
        Judgement j = claim.judge(run("threshold", 1.05, 1.155, 1.3, 0.9));
        assertThat(j.verdict()).as(j.reason()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(j.reason()).contains("the celebrity makes plain hashing's busiest shard 1.1");
    }

    private Evidence run(String name, double plainUniform, double plainCelebrity, double dedicatedUniform,
                         double dedicatedCelebrity) {
        FixtureRun run = FixtureRun.in(dir, name);
        trial(run, Sharding.PLAIN_HASHING, Sharding.UNIFORM, plainUniform);
        trial(run, Sharding.PLAIN_HASHING, Sharding.CELEBRITY, plainCelebrity);
        trial(run, Sharding.DEDICATED_CELEBRITY_SHARD, Sharding.UNIFORM, dedicatedUniform);
        trial(run, Sharding.DEDICATED_CELEBRITY_SHARD, Sharding.CELEBRITY, dedicatedCelebrity);
        return run.evidence();
    }

    private static void trial(FixtureRun run, BenchmarkName b, String skew, double hottestOverMean) {
        run.trial(b, 1, Evidence.THRPT, Sharding.SKEW + "=" + skew, Sharding.SHARDS + "=" + CelebrityShardClaim.SHARDS,
                        Sharding.CELEBRITY_SHARE + "=30", Sharding.USERS + "=10000")
                .metric(Metric.THROUGHPUT, 4000, 0.1)
                .metric(Sharding.HOTTEST_SHARE_OVER_MEAN, hottestOverMean, 0.04)
                .metric(Sharding.SERVER_LOOKUPS, 40000, 0.1);
    }
}
