package tradeoffbench.claims.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tradeoffbench.claims.ChartData;
import tradeoffbench.claims.Claim;
import tradeoffbench.claims.Judgement;
import tradeoffbench.claims.Measure;
import tradeoffbench.claims.Relation;
import tradeoffbench.claims.Rows;
import tradeoffbench.claims.Selection;
import tradeoffbench.claims.Verdict;
import tradeoffbench.claims.Verdicts;
import tradeoffbench.results.TidyRow;

/**
 * A celebrity's requests all hash to one shard. Measured by the hottest shard's share of requests over the mean
 * share (1.0 = perfectly even): plain hashing under the celebrity skew must be significantly hotter than under
 * uniform keys (or than 1.0 when uniform was not run), and a dedicated celebrity shard must lower it significantly.
 */
public final class CelebrityShardClaim implements Claim {
    static final String PLAIN = "HotShardBenchmark.plainHashing";
    static final String DEDICATED = "HotShardBenchmark.dedicatedCelebrityShard";
    static final String HOTTEST = "hottestShareOverMean";
    static final String SKEW = "skew";
    static final String CELEBRITY = "celebrity";
    static final String UNIFORM = "uniform";
    /**
     * JMH sums EVENTS counters such as hottestShareOverMean and reports no error for them: without an interval, two
     * shares count as different when one exceeds the other by more than 10%.
     */
    static final double MATERIAL = 0.10;
    static final String REGEX = "\\.HotShardBenchmark\\.(plainHashing|dedicatedCelebrityShard)$";

    @Override
    public String id() {
        return "celebrity-shard";
    }

    @Override
    public int order() {
        return 6;
    }

    @Override
    public String quote() {
        return "allocate a shard for each celebrity";
    }

    @Override
    public String source() {
        return "seed, \"Sharding\", \"Celebrity problem\"";
    }

    @Override
    public String tested() {
        return "Requests over hashed shards with one celebrity key: SUPPORTED when plain hashing's hottest-shard "
                + "share over the mean (" + HOTTEST + ") at skew=celebrity lies above its value at skew=uniform (or "
                + "above 1.0) AND the dedicated celebrity shard's lies below plain hashing's, each by its error "
                + "interval or, for JMH's summed counters that carry none, by more than 10%; REFUTED when either is "
                + "so the other way.";
    }

    @Override
    public Selection selection() {
        return new Selection(List.of(REGEX), Map.of(SKEW, List.of(UNIFORM, CELEBRITY), "shards", List.of("4")),
                List.of());
    }

    @Override
    public Judgement judge(Rows rows) {
        var unusable = rows.unusable(PLAIN, DEDICATED);
        if (unusable.isPresent()) {
            return unusable.get();
        }
        List<TidyRow> plainHot = rows.find(PLAIN, Rows.THRPT, HOTTEST, Map.of(SKEW, CELEBRITY));
        List<TidyRow> plainEven = rows.find(PLAIN, Rows.THRPT, HOTTEST, Map.of(SKEW, UNIFORM));
        List<TidyRow> dedicatedHot = rows.find(DEDICATED, Rows.THRPT, HOTTEST, Map.of(SKEW, CELEBRITY));
        if (plainHot.isEmpty() || dedicatedHot.isEmpty()) {
            return Judgement.inconclusive("no '" + HOTTEST + "' rows at " + SKEW + "=" + CELEBRITY + " for "
                    + (plainHot.isEmpty() ? PLAIN : DEDICATED));
        }
        List<String> numbers = new ArrayList<>();
        List<String> why = new ArrayList<>();
        List<Verdict> hot = new ArrayList<>();
        for (TidyRow r : plainHot) {
            Measure baseline = Measure.exact(1.0, r.unit());
            String against = "1.0 (even)";
            for (Rows.Pair p : Rows.pairs(List.of(r), plainEven, SKEW)) {
                baseline = p.measureB();
                against = "uniform keys " + baseline.text();
            }
            hot.add(Verdicts.expect(Relation.ABOVE, compare(Measure.of(r), baseline)));
            numbers.add("plain hashing, celebrity (" + Rows.conditions(r, SKEW) + "): hottest/mean "
                    + Measure.of(r).text() + " vs " + against);
        }
        List<Verdict> relief = new ArrayList<>();
        for (Rows.Pair p : Rows.pairs(dedicatedHot, plainHot)) {
            relief.add(Verdicts.expect(Relation.BELOW, compare(p.measureA(), p.measureB())));
            numbers.add("dedicated celebrity shard (" + Rows.conditions(p.a(), SKEW) + "): hottest/mean "
                    + p.measureA().text());
            why.add("the dedicated shard takes the hottest share from " + Measure.number(p.measureB().value())
                    + " to " + Measure.number(p.measureA().value()) + "× the mean (" + Rows.conditions(p.a(), SKEW) + ")");
        }
        for (Rows.Pair p : Rows.pairs(rows.find(DEDICATED, Rows.THRPT, Rows.THROUGHPUT, Map.of(SKEW, CELEBRITY)),
                rows.find(PLAIN, Rows.THRPT, Rows.THROUGHPUT, Map.of(SKEW, CELEBRITY)))) {
            numbers.add("throughput at skew=celebrity (" + Rows.conditions(p.a(), SKEW) + "): dedicated "
                    + p.measureA().text() + ", plain " + p.measureB().text());
        }
        Map<String, Map<String, Measure>> bars = ChartData.ordered();
        bars.put("plain hashing", bySkew(rows, PLAIN));
        bars.put("dedicated celebrity shard", bySkew(rows, DEDICATED));
        var chart = ChartData.bars("celebrity-shard", "Hottest shard's load over the mean (1.0 = even)", "key skew",
                "hottest shard / mean (×)", bars);
        if (relief.isEmpty()) {
            return new Judgement(Verdict.INCONCLUSIVE, "no plain and dedicated rows under the same conditions",
                    numbers, List.of(chart));
        }
        Verdict verdict = Verdicts.allOf(List.of(Verdicts.unanimous(hot), Verdicts.unanimous(relief)));
        why.add(0, "hot shard under plain hashing: " + Verdicts.unanimous(hot).name().toLowerCase());
        return new Judgement(verdict, String.join("; ", why), numbers, List.of(chart));
    }

    /** By error intervals when both shares have one, else by the {@link #MATERIAL} margin. */
    static Relation compare(Measure a, Measure b) {
        if (a.hasInterval() && b.hasInterval() && (a.error() > 0 || b.error() > 0)) {
            return a.against(b);
        }
        double ratio = a.value() / b.value();
        return ratio > 1 + MATERIAL ? Relation.ABOVE : ratio < 1 / (1 + MATERIAL) ? Relation.BELOW : Relation.OVERLAP;
    }

    private static Map<String, Measure> bySkew(Rows rows, String benchmark) {
        Map<String, Measure> values = ChartData.ordered();
        for (TidyRow r : rows.find(benchmark, Rows.THRPT, HOTTEST)) {
            values.putIfAbsent(r.param(SKEW), Measure.of(r));
        }
        return values;
    }
}
