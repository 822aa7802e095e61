package tradeoffbench.claims.seed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * Users hashed by userId onto N servers: a lookup by the shard key goes to one shard, a lookup by another key asks
 * them all. Scatter-gather must get significantly slower from the fewest to the most shards, and routed lookups must
 * stay significantly faster than scatter-gather at the most shards.
 */
public final class ShardRoutingClaim implements Claim {
    static final String ROUTED = "ShardedLookupBenchmark.routedLookup";
    static final String SCATTER = "ShardedLookupBenchmark.scatterGather";
    static final String SHARDS = "shards";
    static final String REGEX = "\\.ShardedLookupBenchmark\\.(routedLookup|scatterGather)$";

    @Override
    public String id() {
        return "shard-routing";
    }

    @Override
    public int order() {
        return 3;
    }

    @Override
    public String quote() {
        return "large database into smaller parts (part of user data by userId)";
    }

    @Override
    public String source() {
        return "seed, \"Sharding\"";
    }

    @Override
    public String tested() {
        return "Lookups over N PostgreSQL shards (mean latency, else throughput): SUPPORTED when scatter-gather at "
                + "the most shards is significantly slower than at the fewest, and routed lookups at the most shards "
                + "are significantly faster than scatter-gather; REFUTED when either is significantly the other way.";
    }

    @Override
    public Selection selection() {
        return new Selection(List.of(REGEX), Map.of(SHARDS, List.of("1", "4")), List.of());
    }

    @Override
    public Judgement judge(Rows rows) {
        var unusable = rows.unusable(ROUTED, SCATTER);
        if (unusable.isPresent()) {
            return unusable.get();
        }
        Rows.Primary routedScores = rows.primary(ROUTED);
        Rows.Primary scatterScores = rows.primary(SCATTER);
        if (routedScores.higherIsBetter() != scatterScores.higherIsBetter()) {
            return Judgement.inconclusive("routedLookup and scatterGather were measured in different modes");
        }
        List<TidyRow> routed = routedScores.rows();
        List<TidyRow> scatter = scatterScores.rows();
        List<String> shardCounts = Rows.values(scatter, SHARDS);
        Map<String, Map<String, Measure>> lines = ChartData.ordered();
        series(lines, "routed by userId", routed);
        series(lines, "scatter-gather", scatter);
        var chart = ChartData.lines("shard-routing", "Routed lookup vs scatter-gather as shards grow",
                "shards (N)", scatterScores.axis("lookups"), lines);
        List<String> numbers = new ArrayList<>();
        lines.forEach((name, byShards) -> byShards.forEach((n, m) -> numbers.add(name + ", " + n + ": " + m.text())));
        if (shardCounts.size() < 2) {
            return new Judgement(Verdict.INCONCLUSIVE, "needs scatter-gather rows at two shard counts or more; got "
                    + shardCounts, numbers, List.of(chart));
        }
        String fewest = shardCounts.get(0);
        String most = shardCounts.get(shardCounts.size() - 1);
        List<Verdict> cases = new ArrayList<>();
        List<String> why = new ArrayList<>();
        for (Rows.Pair p : Rows.pairs(at(scatter, most), at(scatter, fewest), SHARDS)) {
            Relation r = p.measureA().against(p.measureB());
            Verdict grows = Verdicts.expect(scatterScores.slower(), r);
            why.add(p.conditions() + ": scatter-gather at " + most + " shards runs at "
                    + Measure.ratioText(scatterScores.speed(p.measureA(), p.measureB())) + " the speed of " + fewest
                    + " shard(s)" + (r == Relation.OVERLAP ? " (intervals overlap)" : ""));
            Verdict cheap = Verdict.INCONCLUSIVE;
            for (Rows.Pair q : Rows.pairs(at(routed, most), List.of(p.a()))) {
                Relation s = q.measureA().against(q.measureB());
                cheap = Verdicts.expect(scatterScores.faster(), s);
                why.add("routed at " + most + " shards runs at " + Measure.ratioText(scatterScores.speed(q.measureA(),
                        q.measureB())) + " the speed of scatter-gather" + (s == Relation.OVERLAP ? " (intervals overlap)" : ""));
            }
            cases.add(Verdicts.allOf(List.of(grows, cheap)));
        }
        if (cases.isEmpty()) {
            return new Judgement(Verdict.INCONCLUSIVE, "no scatter-gather rows at " + fewest + " and " + most
                    + " shards under the same conditions", numbers, List.of(chart));
        }
        return new Judgement(Verdicts.unanimous(cases), String.join("; ", why), numbers, List.of(chart));
    }

    private static List<TidyRow> at(List<TidyRow> rows, String shards) {
        return rows.stream().filter(r -> shards.equals(r.param(SHARDS))).toList();
    }

    /** One line per benchmark: throughput by shard count, at the fewest threads measured. */
    private static void series(Map<String, Map<String, Measure>> lines, String name, List<TidyRow> rows) {
        int threads = rows.stream().mapToInt(TidyRow::threads).min().orElse(0);
        Map<String, Measure> byShards = new LinkedHashMap<>();
        rows.stream().filter(r -> r.threads() == threads && r.param(SHARDS) != null)
                .forEach(r -> byShards.put(r.param(SHARDS), Measure.of(r)));
        if (!byShards.isEmpty()) {
            lines.put(name, byShards);
        }
    }
}
