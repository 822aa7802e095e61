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
 * The same join answered by one server and across shards (the application fetches from every shard and joins in
 * memory). Compared at the most shards measured; denormalized single-table reads are shown when the joins family ran.
 */
public final class CrossShardJoinClaim implements Claim {
    static final String CROSS = "CrossShardJoinBenchmark.crossShardJoin";
    static final String SINGLE = "CrossShardJoinBenchmark.singleServerJoin";
    static final String JOINED_READ = "PostReadBenchmark.joined";
    static final String DENORMALIZED_READ = "PostReadBenchmark.denormalized";
    static final String SHARDS = "shards";
    static final String REGEX = "\\.CrossShardJoinBenchmark\\.(crossShardJoin|singleServerJoin)$";

    @Override
    public String id() {
        return "cross-shard-joins";
    }

    @Override
    public int order() {
        return 4;
    }

    @Override
    public String quote() {
        return "hard to perform join operations, common workaround is to de-normalize so queries can be performed "
                + "in a single table";
    }

    @Override
    public String source() {
        return "seed, \"Sharding\"";
    }

    @Override
    public String tested() {
        return "One join on a single server vs across the most shards measured: SUPPORTED when the cross-shard join is "
                + "significantly slower (its throughput interval below, or its latency interval above, the single-server "
                + "join's) under every condition, REFUTED when significantly faster.";
    }

    @Override
    public Selection selection() {
        return new Selection(List.of(REGEX), Map.of(SHARDS, List.of("4")), List.of());
    }

    @Override
    public Judgement judge(Rows rows) {
        var unusable = rows.unusable(CROSS, SINGLE);
        if (unusable.isPresent()) {
            return unusable.get();
        }
        Rows.Primary crossScores = rows.primary(CROSS);
        Rows.Primary singleScores = rows.primary(SINGLE);
        if (crossScores.higherIsBetter() != singleScores.higherIsBetter()) {
            return Judgement.inconclusive("crossShardJoin and singleServerJoin were measured in different modes");
        }
        List<TidyRow> cross = crossScores.rows();
        List<String> shardCounts = Rows.values(cross, SHARDS);
        String most = shardCounts.isEmpty() ? null : shardCounts.get(shardCounts.size() - 1);
        List<TidyRow> crossAtMost = most == null ? cross
                : cross.stream().filter(r -> most.equals(r.param(SHARDS))).toList();
        List<Rows.Pair> pairs = Rows.pairs(crossAtMost, singleScores.rows(), SHARDS);
        List<String> numbers = new ArrayList<>();
        Map<String, Map<String, Measure>> bars = ChartData.ordered();
        List<Verdict> cases = new ArrayList<>();
        List<String> why = new ArrayList<>();
        String crossLabel = "across " + (most == null ? "N" : most) + " shards";
        for (Rows.Pair p : pairs) {
            numbers.add("join (" + p.conditions() + "): single server " + p.measureB().text() + ", " + crossLabel
                    + " " + p.measureA().text());
            Map<String, Measure> series = ChartData.ordered();
            series.put("one server", p.measureB());
            series.put(crossLabel, p.measureA());
            bars.put("threads=" + p.a().threads(), series);
            Relation r = p.measureA().against(p.measureB());
            cases.add(Verdicts.expect(crossScores.slower(), r));
            why.add(p.conditions() + ": the cross-shard join runs at "
                    + Measure.ratioText(crossScores.speed(p.measureA(), p.measureB())) + " the speed of the same join on one server"
                    + (r == Relation.OVERLAP ? " (intervals overlap)" : ""));
        }
        Rows.Primary reads = rows.primary(DENORMALIZED_READ);
        for (Rows.Pair p : Rows.pairs(reads.rows(), rows.primary(JOINED_READ).rows())) {
            if (!Rows.isFake(p.a()) && !Rows.isFake(p.b())) {
                numbers.add("workaround, one table (" + p.conditions() + "): denormalized read " + p.measureA().text()
                        + " vs joined " + p.measureB().text() + ": " + Measure.ratioText(reads.speed(p.measureA(),
                        p.measureB())) + " the speed");
            }
        }
        var charts = bars.isEmpty() ? List.<tradeoffbench.claims.ChartSpec>of() : List.of(ChartData.bars(
                "cross-shard-joins", "The same join: one server vs across shards", "client threads",
                crossScores.higherIsBetter() ? "throughput (joins/s)" : "mean latency (µs per join)", bars));
        if (pairs.isEmpty()) {
            return new Judgement(Verdict.INCONCLUSIVE, "no crossShardJoin and singleServerJoin rows under the same "
                    + "conditions", numbers, charts);
        }
        return new Judgement(Verdicts.unanimous(cases), String.join("; ", why), numbers, charts);
    }
}
