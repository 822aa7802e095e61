package tradeoffbench.claims.seed;

import static tradeoffbench.sharding.Sharding.ACHIEVED_PER_SECOND;
import static tradeoffbench.sharding.Sharding.P99_MICROS;
import static tradeoffbench.sharding.Sharding.RATE;
import static tradeoffbench.sharding.Sharding.TARGET_PER_SECOND;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.annotations.Mode;
import tradeoffbench.claims.ChartData;
import tradeoffbench.claims.ChartSpec;
import tradeoffbench.claims.Claim;
import tradeoffbench.claims.ClaimInfo;
import tradeoffbench.claims.Evidence;
import tradeoffbench.claims.Judgement;
import tradeoffbench.claims.Measured;
import tradeoffbench.claims.Selection;
import tradeoffbench.claims.Verdict;
import tradeoffbench.sharding.Sharding;
import tradeoffbench.sharding.TweetWriteBenchmark;
import tradeoffbench.stats.Bootstrap;
import tradeoffbench.stats.Estimate;
import tradeoffbench.stats.Relation;

/**
 * The seed's back-of-the-envelope Twitter numbers, checked, then put to one shard of this machine: tweets written
 * open loop at the seed's average and peak rates (due on a fixed schedule, latency from when each was due), and for
 * each rate whether the shard kept up — the achieved rate within {@value #KEEPS_UP} of the target and the p99 under
 * {@value #P99_BOUND_MS} ms — so K, the shards of this kind the rate needs, follows from measurements, not from a
 * closed loop's best case.
 */
public final class TwitterShardsClaim implements Claim {
    static final double DAILY_USERS = 150e6;
    static final double TWEETS_PER_USER_PER_DAY = 2;
    static final double SECONDS_PER_DAY = 24 * 3600;
    static final double SEED_QPS = 3500;
    static final double PEAK_FACTOR = 2;
    /** The seed writes "~3500": read as within 5%. */
    static final double APPROXIMATELY = 0.05;
    /** Kept up: the achieved rate's interval at or above this share of the target. */
    static final double KEEPS_UP = 0.97;
    static final double P99_BOUND_MS = 50;
    static final int THREADS = 8;

    @Override
    public ClaimInfo info() {
        return new ClaimInfo("twitter-shards", 7,
                "tweet QPS = 150 million * 2 tweets / 24 / 3600 = ~3500; Peek QPS = 2 * QPS",
                "seed, \"Numbers\", \"Twitter Example (not real)\"",
                "The arithmetic (REFUTED when 150 M × 2 / 86,400 s is not within 5% of 3,500), then one PostgreSQL "
                        + "shard written open loop at the average (3,472/s) and peak (6,944/s) rates by " + THREADS
                        + " connections, latency from when each tweet was due: a rate is carried when the achieved "
                        + "rate's 95% interval lies at or above " + (int) (KEEPS_UP * 100) + "% of it and the p99's "
                        + "below " + (int) P99_BOUND_MS + " ms, not carried when the achieved rate's interval lies "
                        + "below that or the p99's above " + (int) P99_BOUND_MS + " ms; SUPPORTED when the arithmetic holds and both rates are decided (K follows), "
                        + "INCONCLUSIVE when a rate is neither.");
    }

    @Override
    public Selection selection() {
        return Selection.of(new Selection.Wanted(Sharding.TWEET_WRITE, Map.of(Sharding.SHARDS, List.of("1"),
                RATE, List.of(String.valueOf(TweetWriteBenchmark.AVERAGE_TWEETS_PER_SECOND),
                        String.valueOf(TweetWriteBenchmark.PEAK_TWEETS_PER_SECOND)),
                Sharding.USERS, List.of("10000")), List.of(THREADS), Mode.Throughput));
    }

    @Override
    public Judgement judge(Evidence evidence) {
        double qps = DAILY_USERS * TWEETS_PER_USER_PER_DAY / SECONDS_PER_DAY;
        double peak = PEAK_FACTOR * qps;
        return judge(evidence, qps, peak, SEED_QPS);
    }

    /** The rule, for any arithmetic: {@code qps} and {@code peak} as computed, {@code stated} as the seed says. */
    static Judgement judge(Evidence evidence, double qps, double peak, double stated) {
        List<String> numbers = new ArrayList<>();
        numbers.add("average: 150,000,000 × 2 / 86,400 s = " + Estimate.number(qps) + " tweets/s (seed: ~"
                + Estimate.number(stated) + ") — checked arithmetic");
        numbers.add("peak: 2 × " + Estimate.number(qps) + " = " + Estimate.number(peak) + " tweets/s");
        if (Math.abs(qps - stated) / stated > APPROXIMATELY) {
            return new Judgement(Verdict.REFUTED, "the seed's arithmetic gives " + Estimate.number(qps)
                    + " tweets/s, not ~" + Estimate.number(stated), numbers, List.of()).asArithmetic();
        }
        var unusable = evidence.unusable(Sharding.TWEET_WRITE);
        if (unusable.isPresent()) {
            return unusable.get().with(numbers, List.of());
        }
        List<Measured> oneShard = evidence.of(Sharding.TWEET_WRITE, t -> "1".equals(t.param(Sharding.SHARDS)));
        Map<ChartData.Key, Map<String, Estimate>> bars = ChartData.ordered();
        Map<String, Estimate> achieved = ChartData.ordered();
        Map<String, Estimate> target = ChartData.ordered();
        List<String> why = new ArrayList<>();
        boolean undecided = false;
        Double carried = null;
        Double notCarried = null;
        for (Measured t : oneShard) {
            Estimate keptUp = Bootstrap.mean(t.share(ACHIEVED_PER_SECOND, TARGET_PER_SECOND, "of target"));
            Estimate p99 = Bootstrap.mean(t.repetitions(P99_MICROS).map(us -> us / 1000, "ms"));
            Estimate rate = t.estimate(ACHIEVED_PER_SECOND);
            double due = Double.parseDouble(t.param(RATE));
            numbers.add(String.format(Locale.ROOT, "one shard at %s tweets/s due (%s): wrote %s, p99 %s",
                    Estimate.number(due), t.conditions().without(RATE).text(), rate.text(), p99.text()));
            achieved.put(Estimate.number(due) + "/s", rate);
            target.put(Estimate.number(due) + "/s", Estimate.exact(due, "tweets/s"));
            boolean carries = keptUp.against(KEEPS_UP) == Relation.ABOVE && p99.against(P99_BOUND_MS) == Relation.BELOW;
            boolean fails = keptUp.against(KEEPS_UP) == Relation.BELOW || p99.against(P99_BOUND_MS) == Relation.ABOVE;
            if (carries) {
                carried = carried == null ? due : Math.max(carried, due);
                why.add("one shard carries " + Estimate.number(due) + " tweets/s (p99 " + Estimate.number(p99.value())
                        + " ms)");
            } else if (fails) {
                notCarried = notCarried == null ? due : Math.min(notCarried, due);
                why.add("one shard does not carry " + Estimate.number(due) + " tweets/s (it wrote "
                        + Estimate.number(rate.value()) + "/s, p99 " + Estimate.number(p99.value()) + " ms)");
            } else {
                undecided = true;
                why.add(Estimate.number(due) + " tweets/s is borderline (" + Estimate.number(100 * keptUp.value())
                        + "% of the target written, p99 " + p99.text() + ")");
            }
        }
        bars.put(ChartData.Key.named("due (the seed's load)"), target);
        bars.put(ChartData.Key.named("written by one shard"), achieved);
        List<ChartSpec> charts = List.of(ChartData.bars("twitter-shards", "Tweets one shard of this machine "
                + "writes when they are due at the seed's rates (" + THREADS + " connections)", "tweets due per second",
                "tweets per second", bars));
        if (oneShard.isEmpty() || undecided) {
            return new Judgement(Verdict.INCONCLUSIVE, oneShard.isEmpty() ? "no one-shard tweetWrite rows"
                    : "the arithmetic holds, but " + String.join("; ", why), numbers, charts);
        }
        String k = notCarried == null ? "K = 1 shard of this machine carries the peak of " + Estimate.number(peak) + "/s"
                : carried == null ? "one shard carries neither rate: K > 1 even for the average"
                : "K = " + (long) Math.ceil(peak / carried - 0.01) + " shards for the peak (one carries "
                + Estimate.number(carried) + "/s, not " + Estimate.number(notCarried) + "/s)";
        return new Judgement(Verdict.SUPPORTED, "the arithmetic holds (" + Estimate.number(qps) + " ≈ 3,500; peak "
                + Estimate.number(peak) + "); " + String.join("; ", why) + ": " + k, numbers, charts);
    }
}
