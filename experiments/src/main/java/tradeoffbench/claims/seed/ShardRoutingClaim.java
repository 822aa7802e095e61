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
                        + "short of that. PostgreSQL's own sharding (postgres_fdw over hash partitions, same "
                        + "servers and data) is a second arm where it ran: its routed lookup must beat its "
                        + "scatter-gather by 10% at 4 shards too; routed@4 against one unsharded server, and each arm "
                        + "against the other, are reported.");
    }

    @Override
    public Selection selection() {
        Map<String, List<String>> sharded = Map.of(SHARDS, List.of(FEWEST, MOST), Sharding.USERS, List.of("10000"));
        Map<String, List<String>> one = Map.of(Sharding.USERS, List.of("10000"));
        List<Selection.Wanted> wanted = new ArrayList<>(Selection.each(List.of(Sharding.ROUTED_LOOKUP,
                Sharding.SCATTER_GATHER), sharded, List.of(1), Mode.SampleTime));
        // unshardedByHandle (the fan-out pool's own cost) is reported when a run has it: -b unshardedByHandle.
        wanted.add(new Selection.Wanted(Sharding.UNSHARDED, one, List.of(1), Mode.SampleTime));
        // PostgreSQL's own sharding (postgres_fdw over hash partitions) on the same servers, data and keys.
        Map<String, List<String>> fdw = Map.of(SHARDS, List.of(MOST), Sharding.USERS, List.of("10000"));
        wanted.add(new Selection.Wanted(Sharding.FDW_ROUTED_LOOKUP, fdw, List.of(1), Mode.SampleTime));
        Map<String, List<String>> fdwAsync = new java.util.TreeMap<>(fdw);
        fdwAsync.put(Sharding.ASYNC_APPEND, List.of("on"));
        wanted.add(new Selection.Wanted(Sharding.FDW_SCATTER_GATHER, fdwAsync, List.of(1), Mode.SampleTime));
        // Citus and a MongoDB sharded cluster, where this machine can reach one (skipped with the reason otherwise).
        wanted.addAll(Selection.each(List.of(Sharding.CITUS_ROUTED_LOOKUP, Sharding.CITUS_SCATTER_GATHER,
                Sharding.MONGOS_ROUTED_LOOKUP, Sharding.MONGOS_SCATTER_GATHER), one, List.of(1), Mode.SampleTime));
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
        for (Arm arm : ARMS) {
            List<Measured> routedArm = evidence.of(arm.routed());
            if (routedArm.isEmpty()) {
                numbers.add(arm.name() + " arm: not measured in this run"
                        + Optional.ofNullable(evidence.skipped().get(arm.routed().shortName()))
                        .map(r -> " (" + r + ")").orElse(""));
                continue;
            }
            for (Measured routed : routedArm) {
                Optional<Measured> scatter = evidence.twin(arm.scatter(), arm.scatterParam() == null ? routed
                        : routed.withParam(arm.scatterParam(), "on"));
                if (scatter.isEmpty()) {
                    continue;
                }
                Estimate cheap = Speed.of(routed, scatter.get());
                cases.add(Verdicts.materiallyAbove(cheap));
                why.add(Speed.text(arm.name() + " routed", cheap, "its scatter-gather") + " ("
                        + routed.conditions().text() + ")");
                evidence.twin(Sharding.ROUTED_LOOKUP, routed).ifPresent(r -> numbers.add(Speed.text(arm.name()
                        + "'s routed lookup (through its coordinator)", Speed.of(routed, r), "the client router's")
                        + " (" + routed.conditions().text() + ")"));
                evidence.twin(Sharding.SCATTER_GATHER, routed).ifPresent(r -> numbers.add(Speed.text(arm.name()
                        + "'s scatter-gather", Speed.of(scatter.get(), r), "the client router's") + " ("
                        + routed.conditions().text() + ")"));
            }
        }
        Map<ChartData.Key, Map<String, Estimate>> lines = ChartData.ordered();
        series(lines, "router: routed", evidence, Sharding.ROUTED_LOOKUP);
        series(lines, "router: scatter-gather", evidence, Sharding.SCATTER_GATHER);
        series(lines, "postgres_fdw: routed", evidence, Sharding.FDW_ROUTED_LOOKUP);
        series(lines, "postgres_fdw: scatter (async)", evidence, Sharding.FDW_SCATTER_GATHER);
        series(lines, "Citus: routed", evidence, Sharding.CITUS_ROUTED_LOOKUP);
        series(lines, "Citus: scatter", evidence, Sharding.CITUS_SCATTER_GATHER);
        series(lines, "mongos: routed", evidence, Sharding.MONGOS_ROUTED_LOOKUP);
        series(lines, "mongos: scatter", evidence, Sharding.MONGOS_SCATTER_GATHER);
        lines.forEach((k, v) -> v.forEach((n, e) -> numbers.add(k.name() + ", " + n + " shard(s): " + e.text())));
        unshardedLine(lines, evidence);
        ChartSpec chart = ChartData.under(ChartData.lines("shard-routing", "Routed lookup vs scatter-gather as "
                        + "shards grow (all shards on one 2-core machine)", "shards (N)",
                        "mean latency (µs per lookup)", lines),
                evidence.of(Sharding.ROUTED_LOOKUP, t -> t.conditions().threads() == 1).stream().findFirst()
                        .map(t -> t.conditions().without(SHARDS)).orElse(null));
        if (cases.isEmpty()) {
            return new Judgement(Verdict.INCONCLUSIVE, "no scatter-gather rows at " + FEWEST + " and " + MOST
                    + " shards with routed rows beside them", numbers, List.of(chart));
        }
        return new Judgement(Verdicts.unanimous(cases), String.join("; ", why), numbers, "", List.of(chart), caveats,
                Judgement.Basis.MEASURED);
    }

    /** A real engine's arm of the same questions: its routed and scatter-gather lookups. */
    record Arm(String name, BenchmarkName routed, BenchmarkName scatter, String scatterParam) {
    }

    static final List<Arm> ARMS = List.of(
            new Arm("postgres_fdw", Sharding.FDW_ROUTED_LOOKUP, Sharding.FDW_SCATTER_GATHER, Sharding.ASYNC_APPEND),
            new Arm("Citus", Sharding.CITUS_ROUTED_LOOKUP, Sharding.CITUS_SCATTER_GATHER, null),
            new Arm("mongos", Sharding.MONGOS_ROUTED_LOOKUP, Sharding.MONGOS_SCATTER_GATHER, null));

    private static List<Measured> at(Evidence evidence, BenchmarkName b, String shards) {
        return evidence.of(b, t -> shards.equals(t.param(SHARDS)));
    }

    /** One unsharded server, drawn flat across the swept shard counts: the control every routed line is read against. */
    private static void unshardedLine(Map<ChartData.Key, Map<String, Estimate>> lines, Evidence evidence) {
        evidence.of(Sharding.UNSHARDED, t -> t.conditions().threads() == 1).stream().findFirst().ifPresent(u -> {
            Map<String, Estimate> flat = ChartData.ordered();
            lines.values().forEach(m -> m.keySet().forEach(n -> flat.put(n, u.primaryEstimate())));
            if (!flat.isEmpty()) {
                lines.put(ChartData.Key.named("unsharded"), flat);
            }
        });
    }

    private static void series(Map<ChartData.Key, Map<String, Estimate>> lines, String name, Evidence evidence,
                               BenchmarkName b) {
        Map<String, Estimate> byShards = ChartData.ordered();
        evidence.of(b, t -> t.param(SHARDS) != null && t.conditions().threads() == 1
                        && !"off".equals(t.param(Sharding.ASYNC_APPEND)))
                .forEach(t -> byShards.put(t.param(SHARDS), t.primaryEstimate()));
        if (!byShards.isEmpty()) {
            lines.put(ChartData.Key.named(name), byShards);
        }
    }
}
