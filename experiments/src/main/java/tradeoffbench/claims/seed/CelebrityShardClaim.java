package tradeoffbench.claims.seed;

import static tradeoffbench.sharding.Sharding.CELEBRITY;
import static tradeoffbench.sharding.Sharding.HOTTEST_SHARE_OVER_MEAN;
import static tradeoffbench.sharding.Sharding.SKEW;
import static tradeoffbench.sharding.Sharding.UNIFORM;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import tradeoffbench.claims.Verdicts;
import tradeoffbench.family.BenchmarkName;
import tradeoffbench.sharding.Sharding;
import tradeoffbench.stats.Bootstrap;
import tradeoffbench.stats.Estimate;
import tradeoffbench.stats.Relation;

/**
 * A celebrity's requests all land on one shard. Measured on the servers: each shard's scans of its users table per
 * iteration, and the busiest shard's over the mean (1.0 = even). Plain hashing under a celebrity must be hotter than
 * under uniform keys, and a dedicated celebrity shard must cool it; its price under uniform keys (its shard idles
 * while the others carry more) is reported beside the verdict.
 */
public final class CelebrityShardClaim implements Claim {
    static final String SHARDS = "4";

    @Override
    public ClaimInfo info() {
        return new ClaimInfo("celebrity-shard", 6, "allocate a shard for each celebrity",
                "seed, \"Sharding\", \"Celebrity problem\"",
                "Point lookups over 4 shards, one celebrity user asked in 30% of requests, the load read from the "
                        + "servers (each shard's scans of its users table, per iteration; 95% intervals): SUPPORTED "
                        + "when under plain hashing the busiest shard's share over the mean is at least 10% higher with "
                        + "the celebrity than with uniform keys AND a dedicated celebrity shard lowers it by at least "
                        + "10% (whole intervals of both ratios beyond 1.1×); REFUTED when either interval lies wholly "
                        + "short of that; the dedicated layout's share under uniform keys is reported.");
    }

    @Override
    public Selection selection() {
        return new Selection(Selection.each(List.of(Sharding.PLAIN_HASHING, Sharding.DEDICATED_CELEBRITY_SHARD),
                Map.of(SKEW, List.of(UNIFORM, CELEBRITY), Sharding.SHARDS, List.of(SHARDS),
                        Sharding.CELEBRITY_SHARE, List.of("30"), Sharding.USERS, List.of("10000")), List.of(1),
                Mode.Throughput), List.of());
    }

    @Override
    public Judgement judge(Evidence evidence) {
        var unusable = evidence.unusable(Sharding.PLAIN_HASHING, Sharding.DEDICATED_CELEBRITY_SHARD);
        if (unusable.isPresent()) {
            return unusable.get();
        }
        List<String> numbers = new ArrayList<>();
        List<String> why = new ArrayList<>();
        List<Verdict> hot = new ArrayList<>();
        List<Verdict> relief = new ArrayList<>();
        for (Measured plainHot : at(evidence, Sharding.PLAIN_HASHING, CELEBRITY)) {
            Optional<Measured> plainEven = evidence.twin(Sharding.PLAIN_HASHING, plainHot.withParam(SKEW, UNIFORM));
            Optional<Measured> dedicatedHot = evidence.twin(Sharding.DEDICATED_CELEBRITY_SHARD, plainHot);
            Estimate hottest = plainHot.estimate(HOTTEST_SHARE_OVER_MEAN);
            numbers.add("plain hashing, celebrity (" + plainHot.conditions().without(SKEW).text() + "): busiest shard "
                    + hottest.text() + "× the mean");
            plainEven.ifPresent(even -> {
                Estimate base = even.estimate(HOTTEST_SHARE_OVER_MEAN);
                Estimate heats = Bootstrap.ratio(plainHot.repetitions(HOTTEST_SHARE_OVER_MEAN),
                        even.repetitions(HOTTEST_SHARE_OVER_MEAN));
                hot.add(Verdicts.materiallyAbove(heats));
                numbers.add("plain hashing, uniform keys: busiest shard " + base.text() + "× the mean");
                why.add("the celebrity makes plain hashing's busiest shard " + Estimate.number(hottest.value())
                        + "× the mean (uniform keys: " + Estimate.number(base.value()) + "×"
                        + "; " + heats.ratioText() + ")");
            });
            dedicatedHot.ifPresent(d -> {
                Estimate cooled = d.estimate(HOTTEST_SHARE_OVER_MEAN);
                Estimate cools = Bootstrap.ratio(d.repetitions(HOTTEST_SHARE_OVER_MEAN),
                        plainHot.repetitions(HOTTEST_SHARE_OVER_MEAN));
                relief.add(Verdicts.materiallyBelow(cools));
                numbers.add("dedicated celebrity shard, celebrity: busiest shard " + cooled.text() + "× the mean");
                why.add("a dedicated shard takes it to " + Estimate.number(cooled.value()) + "×"
                        + " (" + cools.ratioText() + " of plain hashing's)");
                evidence.twin(Sharding.DEDICATED_CELEBRITY_SHARD, d.withParam(SKEW, UNIFORM)).ifPresent(du -> {
                    Estimate cost = du.estimate(HOTTEST_SHARE_OVER_MEAN);
                    numbers.add("dedicated celebrity shard, uniform keys: busiest shard " + cost.text() + "× the mean");
                    plainEven.ifPresent(e -> {
                        Estimate plain = e.estimate(HOTTEST_SHARE_OVER_MEAN);
                        Relation r = cost.against(plain);
                        why.add("under uniform keys the dedicated layout's busiest shard is "
                                + Estimate.number(cost.value()) + "× against plain hashing's "
                                + Estimate.number(plain.value()) + "×" + (r == Relation.ABOVE
                                ? " (the price of the dedicated layout: its celebrity shard idles)"
                                : r == Relation.BELOW ? "" : " (intervals overlap)"));
                    });
                });
            });
        }
        Map<ChartData.Key, Map<String, Estimate>> bars = ChartData.ordered();
        bars.put(ChartData.Key.named("plain hashing"), bySkew(evidence, Sharding.PLAIN_HASHING));
        bars.put(ChartData.Key.named("dedicated celebrity shard"), bySkew(evidence, Sharding.DEDICATED_CELEBRITY_SHARD));
        ChartSpec chart = ChartData.bars("celebrity-shard", "Busiest shard's load over the mean, read from the "
                + "servers (1.0 = even, " + SHARDS + " shards)", "request keys", "busiest shard / mean (×)", bars);
        chart = ChartData.under(chart, evidence.of(Sharding.PLAIN_HASHING).stream().findFirst()
                .map(t -> t.conditions().without(SKEW, Sharding.SHARDS)).orElse(null));
        if (hot.isEmpty() || relief.isEmpty()) {
            return new Judgement(Verdict.INCONCLUSIVE, "no plain and dedicated rows under celebrity and uniform keys "
                    + "at the same conditions", numbers, List.of(chart));
        }
        return new Judgement(Verdicts.allOf(List.of(Verdicts.unanimous(hot), Verdicts.unanimous(relief))),
                String.join("; ", why), numbers, List.of(chart));
    }

    private static List<Measured> at(Evidence evidence, BenchmarkName b, String skew) {
        return evidence.of(b, t -> skew.equals(t.param(SKEW)));
    }

    private static Map<String, Estimate> bySkew(Evidence evidence, BenchmarkName b) {
        Map<String, Estimate> values = ChartData.ordered();
        for (Measured t : evidence.of(b)) {
            values.putIfAbsent(t.param(SKEW), t.estimate(HOTTEST_SHARE_OVER_MEAN));
        }
        return values;
    }
}
