package tradeoffbench.claims.seed;

import static tradeoffbench.sharding.Sharding.SHARDS;

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
import tradeoffbench.claims.Speed;
import tradeoffbench.claims.Verdict;
import tradeoffbench.claims.Verdicts;
import tradeoffbench.family.BenchmarkName;
import tradeoffbench.sharding.Sharding;
import tradeoffbench.stats.Estimate;
import tradeoffbench.stats.Relation;

/**
 * Users hashed by userId onto N servers. Each effect is judged against its own control: a lookup without the shard
 * key (scatter-gather) at N shards against the same code at 1 shard, so the fan-out machinery's own cost cancels;
 * a routed lookup against scatter-gather at the same N. Routed@N against one unsharded server is reported with the
 * caveat that here all N servers share this machine's cores.
 */
public final class ShardRoutingClaim implements Claim {
    static final String FEWEST = "1";
    static final String MOST = "4";

    @Override
    public ClaimInfo info() {
        return new ClaimInfo("shard-routing", 3, "large database into smaller parts (part of user data by userId)",
                "seed, \"Sharding\"",
                "Lookups over N PostgreSQL shards, users hashed by userId, requests uniform over all users (speed "
                        + "from mean latency, 95% intervals): SUPPORTED when a lookup without the shard key "
                        + "(scatter-gather, every shard asked) at 4 shards is at least 10% slower than the same code at 1 "
                        + "shard AND a lookup by userId (routed to one shard) at 4 shards is at least 10% faster than "
                        + "scatter-gather there (whole intervals beyond 1.1×); REFUTED when either interval lies wholly "
                        + "short of that; routed@4 against one unsharded server is reported.");
    }

    @Override
    public Selection selection() {
        Map<String, List<String>> sharded = Map.of(SHARDS, List.of(FEWEST, MOST), Sharding.USERS, List.of("10000"));
        Map<String, List<String>> one = Map.of(Sharding.USERS, List.of("10000"));
        List<Selection.Wanted> wanted = new ArrayList<>(Selection.each(List.of(Sharding.ROUTED_LOOKUP,
                Sharding.SCATTER_GATHER), sharded, List.of(1), Mode.SampleTime));
        wanted.addAll(Selection.each(List.of(Sharding.UNSHARDED, Sharding.UNSHARDED_BY_HANDLE), one, List.of(1),
                Mode.SampleTime));
        return new Selection(wanted, List.of());
    }

    @Override
    public Judgement judge(Evidence evidence) {
        var unusable = evidence.unusable(Sharding.ROUTED_LOOKUP, Sharding.SCATTER_GATHER);
        if (unusable.isPresent()) {
            return unusable.get();
        }
        List<String> numbers = new ArrayList<>();
        List<String> why = new ArrayList<>();
        List<Verdict> cases = new ArrayList<>();
        List<String> caveats = new ArrayList<>();
        for (Measured scatterMost : at(evidence, Sharding.SCATTER_GATHER, MOST)) {
            Optional<Measured> scatterFewest = evidence.twin(Sharding.SCATTER_GATHER, scatterMost.withParam(SHARDS, FEWEST));
            Optional<Measured> routedMost = evidence.twin(Sharding.ROUTED_LOOKUP, scatterMost);
            if (scatterFewest.isEmpty() || routedMost.isEmpty()) {
                continue;
            }
            Estimate grows = Speed.of(scatterMost, scatterFewest.get());
            Estimate cheap = Speed.of(routedMost.get(), scatterMost);
            Verdict scatter = Verdicts.materiallyBelow(grows);
            Verdict routed = Verdicts.materiallyAbove(cheap);
            cases.add(Verdicts.allOf(List.of(scatter, routed)));
            why.add(Speed.text("scatter-gather at " + MOST + " shards", grows, "at " + FEWEST + " shard"));
            why.add(Speed.text("routed at " + MOST + " shards", cheap, "scatter-gather"));
            evidence.of(Sharding.UNSHARDED).stream().filter(u -> u.mode().equals(scatterMost.mode())
                    && u.conditions().threads() == scatterMost.conditions().threads()).findFirst().ifPresent(u -> {
                numbers.add(Speed.text("routed at " + MOST + " shards", Speed.of(routedMost.get(), u),
                        "one unsharded server") + " (every shard here shares the same 2 cores: the difference is "
                        + "co-location, which separate machines would not have)");
                caveats.add("all " + MOST + " shard servers run on this one machine and share its cores");
            });
            evidence.of(Sharding.UNSHARDED_BY_HANDLE).stream().filter(u -> u.mode().equals(scatterMost.mode())
                    && u.conditions().threads() == scatterMost.conditions().threads()).findFirst()
                    .ifPresent(u -> numbers.add("the fan-out pool's own cost: " + Speed.text("scatter-gather at 1 "
                            + "shard", Speed.of(scatterFewest.get(), u), "the same query asked directly")));
        }
        Map<ChartData.Key, Map<String, Estimate>> lines = ChartData.ordered();
        series(lines, "routed by userId", evidence, Sharding.ROUTED_LOOKUP);
        series(lines, "scatter-gather (by handle)", evidence, Sharding.SCATTER_GATHER);
        lines.forEach((k, v) -> v.forEach((n, e) -> numbers.add(k.name() + ", " + n + " shard(s): " + e.text())));
        ChartSpec chart = ChartData.lines("shard-routing", "Routed lookup vs scatter-gather as shards grow "
                + "(all shards on one 2-core machine)", "shards (N)", "mean latency (µs per lookup)", lines);
        if (cases.isEmpty()) {
            return new Judgement(Verdict.INCONCLUSIVE, "no scatter-gather rows at " + FEWEST + " and " + MOST
                    + " shards with routed rows beside them", numbers, List.of(chart));
        }
        return new Judgement(Verdicts.unanimous(cases), String.join("; ", why), numbers, "", List.of(chart), caveats,
                Judgement.Basis.MEASURED);
    }

    private static List<Measured> at(Evidence evidence, BenchmarkName b, String shards) {
        return evidence.of(b, t -> shards.equals(t.param(SHARDS)));
    }

    private static void series(Map<ChartData.Key, Map<String, Estimate>> lines, String name, Evidence evidence,
                               BenchmarkName b) {
        Map<String, Estimate> byShards = ChartData.ordered();
        evidence.of(b, t -> t.param(SHARDS) != null && t.conditions().threads() == 1)
                .forEach(t -> byShards.put(t.param(SHARDS), t.primaryEstimate()));
        if (!byShards.isEmpty()) {
            lines.put(ChartData.Key.named(name), byShards);
        }
    }
}
