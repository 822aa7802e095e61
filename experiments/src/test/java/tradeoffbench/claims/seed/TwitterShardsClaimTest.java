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
import tradeoffbench.sharding.TweetWriteBenchmark;

/** Golden fixtures: one shard written open loop at the average and peak rates (achieved rate and p99 per iteration). */
class TwitterShardsClaimTest {
    private static final int AVERAGE = TweetWriteBenchmark.AVERAGE_TWEETS_PER_SECOND;
    private static final int PEAK = TweetWriteBenchmark.PEAK_TWEETS_PER_SECOND;

    @TempDir
    Path dir;

    private final TwitterShardsClaim claim = new TwitterShardsClaim();

    @Test
    void theArithmeticHoldsAndOneShardCarryingOnlyTheAverageGivesKOfTwo() {
        Judgement j = claim.judge(run("supported", AVERAGE, 5_000, 4_000, 900_000));
        assertThat(j.verdict()).as(j.reason()).isEqualTo(Verdict.SUPPORTED);
        assertThat(j.reason()).startsWith("the arithmetic holds (3,472 ≈ 3,500; peak 6,944)")
                .contains("one shard carries 3,472 tweets/s").contains("one shard does not carry 6,944 tweets/s")
                .endsWith("K = 2 shards for the peak (one carries 3,472/s, not 6,944/s)");
        assertThat(j.numbers()).first().asString().startsWith("average: 150,000,000 × 2 / 86,400 s = 3,472 tweets/s");
    }

    @Test
    void aStatedRateTheArithmeticDoesNotGiveIsRefutedByArithmeticAlone() {
        double qps = TwitterShardsClaim.DAILY_USERS * TwitterShardsClaim.TWEETS_PER_USER_PER_DAY
                / TwitterShardsClaim.SECONDS_PER_DAY;
        Judgement j = TwitterShardsClaim.judge(run("refuted", AVERAGE, 5_000, PEAK, 8_000), qps, 2 * qps, 5000);
        assertThat(j.verdict()).isEqualTo(Verdict.REFUTED);
        assertThat(j.basis()).isEqualTo(Judgement.Basis.ARITHMETIC);
        assertThat(j.reason()).isEqualTo("the seed's arithmetic gives 3,472 tweets/s, not ~5,000");
    }

    @Test
    void aP99StraddlingTheBoundIsBorderlineAndInconclusive() {
        Judgement j = claim.judge(run("borderline", AVERAGE, 5_000, PEAK, 50_000));
        assertThat(j.verdict()).as(j.reason()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(j.reason()).startsWith("the arithmetic holds, but").contains("6,944 tweets/s is borderline");
    }

    @Test
    void noTweetWriteRowsAreInconclusiveButTheArithmeticIsShown() {
        FixtureRun run = FixtureRun.in(dir, "missing");
        run.skipped("TweetWriteBenchmark.tweetWrite", "postgresql: not available");
        Judgement j = claim.judge(run.evidence());
        assertThat(j.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(j.reason()).contains("no rows for TweetWriteBenchmark.tweetWrite (skipped: postgresql: not available)");
        assertThat(j.numbers()).anyMatch(n -> n.startsWith("peak: 2 × 3,472 = 6,944 tweets/s"));
    }

    /** Each rate's achieved tweets/s and p99 (µs, from when each tweet was due). */
    private Evidence run(String name, double achievedAverage, double p99Average, double achievedPeak, double p99Peak) {
        FixtureRun run = FixtureRun.in(dir, name);
        rate(run, AVERAGE, achievedAverage, p99Average);
        rate(run, PEAK, achievedPeak, p99Peak);
        return run.evidence();
    }

    private static void rate(FixtureRun run, int due, double achieved, double p99Micros) {
        run.trial(Sharding.TWEET_WRITE, TwitterShardsClaim.THREADS, Evidence.THRPT, Sharding.SHARDS + "=1",
                        Sharding.RATE + "=" + due, Sharding.USERS + "=10000")
                .metric(Metric.THROUGHPUT, achieved, 0.02)
                .constant(Sharding.TARGET_PER_SECOND, due)
                .metric(Sharding.ACHIEVED_PER_SECOND, achieved, 0.02)
                .metric(Sharding.P99_MICROS, p99Micros, 0.1);
    }
}
