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
import tradeoffbench.joins.Joins;
import tradeoffbench.sharding.Sharding;
import tradeoffbench.stats.Estimate;
import tradeoffbench.stats.Relation;

/**
 * The same join answered by one server in SQL and across shards (the application fetches from every shard and joins
 * in memory). The whole bill is crossShardJoin@4 against singleServerJoin; its control, crossShardJoin@1 (the same
 * two rounds of queries against one server), splits it into the application-side join and what more servers add.
 */
public final class CrossShardJoinClaim implements Claim {
    static final String MOST = "4";

    @Override
    public ClaimInfo info() {
        return new ClaimInfo("cross-shard-joins", 4,
                "hard to perform join operations, common workaround is to de-normalize so queries can be performed "
                        + "in a single table", "seed, \"Sharding\"",
                "A user's posts with their comments and the commenters' handles (speed from mean latency, 95% "
                        + "intervals): SUPPORTED when the join across 4 shards (joined in the application) is at least "
                        + "10% slower than the same join in SQL on one server holding everybody (the interval of the "
                        + "speed ratio wholly below 1/1.1), REFUTED when it wholly lies above that; where it ran, "
                        + "PostgreSQL's own sharding (a postgres_fdw coordinator over the same 4 shards) is judged "
                        + "the same way; the part the application-side join costs and the part more shards add are "
                        + "reported apart.");
    }

    @Override
    public Selection selection() {
        return Selection.of(new Selection.Wanted(Sharding.CROSS_SHARD_JOIN, Map.of(SHARDS, List.of("1", MOST),
                        Sharding.USERS, List.of("10000")), List.of(1), Mode.SampleTime),
                new Selection.Wanted(Sharding.SINGLE_SERVER_JOIN, Map.of(Sharding.USERS, List.of("10000")),
                        List.of(1), Mode.SampleTime),
                new Selection.Wanted(Sharding.FDW_JOIN, Map.of(SHARDS, List.of(MOST), Sharding.USERS,
                        List.of("10000")), List.of(1), Mode.SampleTime),
                new Selection.Wanted(Sharding.CITUS_JOIN, Map.of(Sharding.USERS, List.of("10000")), List.of(1),
                        Mode.SampleTime));
    }

    @Override
    public Judgement judge(Evidence evidence) {
        var unusable = evidence.unusable(Sharding.CROSS_SHARD_JOIN, Sharding.SINGLE_SERVER_JOIN);
        if (unusable.isPresent()) {
            return unusable.get();
        }
        List<String> numbers = new ArrayList<>();
        List<String> why = new ArrayList<>();
        List<Verdict> cases = new ArrayList<>();
        Map<ChartData.Key, Map<String, Estimate>> bars = ChartData.ordered();
        for (Measured cross : evidence.of(Sharding.CROSS_SHARD_JOIN, t -> MOST.equals(t.param(SHARDS)))) {
            Optional<Measured> single = evidence.of(Sharding.SINGLE_SERVER_JOIN).stream()
                    .filter(s -> s.mode().equals(cross.mode()) && s.conditions().equals(cross.conditions().without(SHARDS)))
                    .findFirst();
            if (single.isEmpty()) {
                continue;
            }
            Estimate bill = Speed.of(cross, single.get());
            cases.add(Verdicts.materiallyBelow(bill));
            why.add(Speed.text("the join across " + MOST + " shards", bill, "the same join on one server"));
            Map<String, Estimate> series = ChartData.ordered();
            series.put("one server, SQL join", single.get().primaryEstimate());
            Optional<Measured> cross1 = evidence.twin(Sharding.CROSS_SHARD_JOIN, cross.withParam(SHARDS, "1"));
            cross1.ifPresent(c1 -> {
                series.put("1 shard, joined in the application", c1.primaryEstimate());
                numbers.add("the application-side join: " + Speed.text("crossShardJoin at 1 shard",
                        Speed.of(c1, single.get()), "the SQL join"));
                numbers.add("what more shards add: " + Speed.text("crossShardJoin at " + MOST + " shards",
                        Speed.of(cross, c1), "at 1 shard") + " (all shards share this machine's cores)");
            });
            series.put(MOST + " shards, joined in the application", cross.primaryEstimate());
            evidence.twin(Sharding.FDW_JOIN, cross).ifPresent(fdw -> {
                Estimate engine = Speed.of(fdw, single.get());
                cases.add(Verdicts.materiallyBelow(engine));
                why.add(Speed.text("PostgreSQL's own (postgres_fdw) join across " + MOST + " shards", engine,
                        "the join on one server"));
                numbers.add(Speed.text("the postgres_fdw join", Speed.of(fdw, cross), "the application-side join")
                        + " at " + MOST + " shards");
                series.put(MOST + " shards, postgres_fdw coordinator", fdw.primaryEstimate());
            });
            evidence.twin(Sharding.CITUS_JOIN, single.get()).ifPresent(citus -> {
                Estimate engine = Speed.of(citus, single.get());
                cases.add(Verdicts.materiallyBelow(engine));
                why.add(Speed.text("Citus's join across its shards", engine, "the join on one server"));
                series.put("Citus", citus.primaryEstimate());
            });
            bars.put(ChartData.Key.of(cross.conditions().without(SHARDS)), series);
            numbers.add("join (" + cross.conditions().without(SHARDS).text() + "): one server "
                    + single.get().primaryEstimate().text() + ", across " + MOST + " shards " + cross.primaryEstimate().text());
        }
        evidence.of(Joins.DENORMALIZED).stream().filter(t -> !t.isFake()).forEach(d -> evidence.twin(Joins.JOINED, d)
                .ifPresent(j -> numbers.add("the workaround, one table (" + d.conditions().text() + "): "
                        + Speed.text("the denormalized read", Speed.of(d, j), "the joined one"))));
        List<ChartSpec> charts = bars.isEmpty() ? List.of() : List.of(ChartData.bars("cross-shard-joins",
                "The same join: one server vs across shards", "", "mean latency (µs per join)", bars));
        if (cases.isEmpty()) {
            return new Judgement(Verdict.INCONCLUSIVE, "no crossShardJoin at " + MOST + " shards and singleServerJoin "
                    + "rows under the same conditions", numbers, charts);
        }
        return new Judgement(Verdicts.unanimous(cases), String.join("; ", why), numbers, charts);
    }
}
