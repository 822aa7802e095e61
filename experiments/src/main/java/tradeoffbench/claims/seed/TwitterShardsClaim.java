package tradeoffbench.claims.seed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tradeoffbench.claims.ChartData;
import tradeoffbench.claims.ChartSpec;
import tradeoffbench.claims.Claim;
import tradeoffbench.claims.Judgement;
import tradeoffbench.claims.Measure;
import tradeoffbench.claims.Rows;
import tradeoffbench.claims.Selection;
import tradeoffbench.claims.Verdict;
import tradeoffbench.results.TidyRow;

/**
 * The seed's back-of-the-envelope Twitter numbers, checked, then turned into shards of this machine: one shard's
 * measured tweet-write throughput (the best thread count at the fewest shards) divides the peak rate. The error
 * interval gives a range of K; a single K is SUPPORTED, a range that spans two K is INCONCLUSIVE.
 */
public final class TwitterShardsClaim implements Claim {
    static final String TWEET_WRITE = "TweetWriteBenchmark.tweetWrite";
    static final String SHARDS = "shards";
    static final double DAILY_USERS = 150e6;
    static final double TWEETS_PER_USER_PER_DAY = 2;
    static final double SECONDS_PER_DAY = 24 * 3600;
    static final double SEED_QPS = 3500;
    static final double PEAK_FACTOR = 2;
    /** The seed writes "~3500": read as within 5%. */
    static final double APPROXIMATELY = 0.05;

    @Override
    public String id() {
        return "twitter-shards";
    }

    @Override
    public int order() {
        return 7;
    }

    @Override
    public String quote() {
        return "tweet QPS = 150 million * 2 tweets / 24 / 3600 = ~3500; Peek QPS = 2 * QPS";
    }

    @Override
    public String source() {
        return "seed, \"Numbers\", \"Twitter Example (not real)\"";
    }

    @Override
    public String tested() {
        return "The arithmetic (REFUTED when 150 M × 2 / 86,400 s is not within 5% of 3,500), then K = ⌈peak ÷ one "
                + "shard's measured tweet writes/s⌉ over the throughput's error interval: SUPPORTED when the interval "
                + "gives one K, INCONCLUSIVE when it spans several or no tweetWrite rows exist.";
    }

    @Override
    public Selection selection() {
        return new Selection(List.of("\\.TweetWriteBenchmark\\.tweetWrite$"), Map.of(SHARDS, List.of("1", "4")),
                List.of(2));
    }

    @Override
    public Judgement judge(Rows rows) {
        double qps = DAILY_USERS * TWEETS_PER_USER_PER_DAY / SECONDS_PER_DAY;
        double peak = PEAK_FACTOR * qps;
        List<String> numbers = new ArrayList<>();
        numbers.add("average: 150,000,000 × 2 / 86,400 s = " + Measure.number(qps) + " tweets/s (seed: ~3,500)");
        numbers.add("peak: 2 × " + Measure.number(qps) + " = " + Measure.number(peak) + " tweets/s");
        if (Math.abs(qps - SEED_QPS) / SEED_QPS > APPROXIMATELY) {
            return new Judgement(Verdict.REFUTED, "the seed's arithmetic gives " + Measure.number(qps)
                    + " tweets/s, not ~3,500", numbers, List.of());
        }
        var unusable = rows.unusable(TWEET_WRITE);
        if (unusable.isPresent()) {
            return unusable.get().with(numbers, List.of());
        }
        List<TidyRow> writes = rows.find(TWEET_WRITE, Rows.THRPT, Rows.THROUGHPUT);
        if (writes.isEmpty()) {
            return new Judgement(Verdict.INCONCLUSIVE, "no throughput rows for " + TWEET_WRITE, numbers, List.of());
        }
        List<String> shardCounts = Rows.values(writes, SHARDS);
        String fewest = shardCounts.isEmpty() ? null : shardCounts.get(0);
        TidyRow best = writes.stream().filter(r -> fewest == null || fewest.equals(r.param(SHARDS)))
                .max(Comparator.comparingDouble(TidyRow::score)).orElseThrow();
        Measure capacity = Measure.of(best);
        int perShards = fewest == null ? 1 : (int) Double.parseDouble(fewest);
        numbers.add("measured: " + capacity.text() + " at " + Rows.conditions(best));
        writes.stream().filter(r -> r.threads() == best.threads() && r != best)
                .forEach(r -> numbers.add("measured: " + Measure.of(r).text() + " at " + Rows.conditions(r)));
        ChartSpec chart = chart(writes, best.threads(), qps, peak);
        long k = shardsFor(peak, capacity.value(), perShards);
        if (!capacity.hasInterval() || capacity.low() <= 0) {
            return new Judgement(Verdict.INCONCLUSIVE, "K ≈ " + k + " from the central value, but the throughput's "
                    + "error interval " + (capacity.hasInterval() ? "reaches 0 (too few iterations: try --profile full)"
                    : "is unknown"), numbers, List.of(chart));
        }
        long kFew = shardsFor(peak, capacity.high(), perShards);
        long kMany = shardsFor(peak, capacity.low(), perShards);
        if (kFew != kMany) {
            return new Judgement(Verdict.INCONCLUSIVE, "the peak of " + Measure.number(peak) + " tweets/s needs "
                    + kFew + " to " + kMany + " shards of this machine: the interval is too wide for one K",
                    numbers, List.of(chart));
        }
        return new Judgement(Verdict.SUPPORTED, "the arithmetic holds (" + Measure.number(qps) + " ≈ 3,500); the peak of "
                + Measure.number(peak) + " tweets/s needs K = " + k + " shard(s) of this machine at "
                + Measure.number(capacity.value() / perShards) + " tweet writes/s per shard", numbers, List.of(chart));
    }

    private static long shardsFor(double peak, double throughput, int shardsMeasured) {
        return Math.max(1, (long) Math.ceil(peak / (throughput / shardsMeasured)));
    }

    private static ChartSpec chart(List<TidyRow> writes, int threads, double qps, double peak) {
        Map<String, Map<String, Measure>> lines = ChartData.ordered();
        Map<String, Measure> measured = new LinkedHashMap<>();
        writes.stream().filter(r -> r.threads() == threads && r.param(SHARDS) != null)
                .forEach(r -> measured.put(r.param(SHARDS), Measure.of(r)));
        lines.put("measured tweet writes (threads=" + threads + ")", measured);
        Map<String, Measure> average = new LinkedHashMap<>();
        Map<String, Measure> peakLine = new LinkedHashMap<>();
        measured.keySet().forEach(n -> {
            average.put(n, Measure.exact(qps, "ops/s"));
            peakLine.put(n, Measure.exact(peak, "ops/s"));
        });
        lines.put("seed average (~3,500/s)", average);
        lines.put("seed peak (~7,000/s)", peakLine);
        return ChartData.lines("twitter-shards", "Tweet writes this machine sustains vs the seed's load",
                "shards (N)", "throughput (tweets/s)", lines);
    }
}
