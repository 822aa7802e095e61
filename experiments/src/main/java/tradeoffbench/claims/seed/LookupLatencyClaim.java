package tradeoffbench.claims.seed;

import java.util.ArrayList;
import java.util.List;
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
import tradeoffbench.claims.Verdicts;
import tradeoffbench.lookup.Lookup;
import tradeoffbench.stats.Bootstrap;
import tradeoffbench.stats.Estimate;
import tradeoffbench.stats.Relation;

/**
 * Point lookup by primary key, PostgreSQL vs MongoDB, decided on the median and the tail: the ratios of their p50
 * and p99 latencies (each iteration's own percentiles, intervals from forks and iterations). Only like access paths
 * are compared: a server over loopback against one behind Docker's port proxy would measure the proxy.
 */
public final class LookupLatencyClaim implements Claim {
    static final List<Double> PERCENTILES = List.of(50.0, 99.0);

    @Override
    public ClaimInfo info() {
        return new ClaimInfo("lookup-latency", 2,
                "no-relational has low latency, easier for replication/sharding, good for strong availability",
                "seed, \"Relational database vs Non-relational database\"",
                "A point lookup by primary key, the same generated users and clients for both engines, both reached the "
                        + "same way (both containers, or both servers you named): SUPPORTED when MongoDB's p50 and p99 "
                        + "are both at least 10% lower than PostgreSQL's (the 95% intervals of both ratios below "
                        + "1/1.1), REFUTED when neither is (both intervals above 1/1.1: no lower latency to speak of), "
                        + "INCONCLUSIVE otherwise or when the engines were reached differently.");
    }

    @Override
    public Selection selection() {
        return new Selection(Selection.each(List.of(Lookup.POSTGRES_PRIMARY_KEY, Lookup.MONGO_FIND_BY_ID),
                Map.of(Lookup.USERS, List.of("10000")), List.of(1), Mode.SampleTime), List.of());
    }

    @Override
    public Judgement judge(Evidence evidence) {
        List<String> numbers = new ArrayList<>();
        List<Measured> postgres = evidence.of(Lookup.POSTGRES_PRIMARY_KEY);
        List<Measured> mongo = evidence.of(Lookup.MONGO_FIND_BY_ID).stream().filter(t -> !t.isFake()).toList();
        postgres.forEach(t -> numbers.add("PostgreSQL (" + t.conditions().text() + ", " + t.target().mode() + "): "
                + latencies(t)));
        mongo.forEach(t -> numbers.add("MongoDB (" + t.conditions().text() + ", " + t.target().mode() + "): "
                + latencies(t)));
        List<ChartSpec> charts = postgres.isEmpty() ? List.of() : List.of(chart(postgres.get(0),
                mongo.isEmpty() ? null : mongo.get(0)));
        var unusable = evidence.unusable(Lookup.POSTGRES_PRIMARY_KEY, Lookup.MONGO_FIND_BY_ID);
        if (unusable.isPresent()) {
            return unusable.get().with(numbers, charts);
        }
        List<Verdict> cases = new ArrayList<>();
        List<String> why = new ArrayList<>();
        for (Measured m : mongo) {
            var pg = evidence.twin(Lookup.POSTGRES_PRIMARY_KEY, m);
            if (pg.isEmpty()) {
                continue;
            }
            if (!m.target().mode().equals(pg.get().target().mode())) {
                return new Judgement(Verdict.INCONCLUSIVE, "unlike access paths: MongoDB was reached as "
                        + m.target().mode() + ", PostgreSQL as " + pg.get().target().mode() + " (a container adds "
                        + "Docker's port proxy to every round trip); run both in the same mode, e.g. --pg-mode "
                        + "container with --mongo-mode container", numbers, charts);
            }
            for (double p : PERCENTILES) {
                Estimate ratio = Bootstrap.ratio(m.percentile(p), pg.get().percentile(p));
                Verdict v = Verdicts.materiallyBelow(ratio);
                cases.add(v);
                why.add("MongoDB's p" + (int) p + " is " + ratio.ratioText() + " PostgreSQL's ("
                        + m.conditions().text() + ")");
            }
        }
        if (cases.isEmpty()) {
            return new Judgement(Verdict.INCONCLUSIVE, "no PostgreSQL and MongoDB lookups measured under the same "
                    + "conditions", numbers, charts);
        }
        return new Judgement(Verdicts.unanimous(cases), String.join("; ", why), numbers, charts);
    }

    private static String latencies(Measured t) {
        return "p50 " + Bootstrap.mean(t.percentile(50)).text() + ", p99 " + Bootstrap.mean(t.percentile(99)).text()
                + ", mean " + t.estimate(tradeoffbench.family.Metric.LATENCY).text();
    }

    private static ChartSpec chart(Measured postgres, Measured mongo) {
        Map<ChartData.Key, Map<String, Estimate>> series = ChartData.ordered();
        series.put(ChartData.Key.named("PostgreSQL (" + postgres.target().mode() + ")"), statistics(postgres));
        if (mongo != null) {
            series.put(ChartData.Key.named("MongoDB (" + mongo.target().mode() + ")"), statistics(mongo));
        }
        String title = (mongo == null ? "Point lookup latency, PostgreSQL only" : "Point lookup latency")
                + " (" + postgres.conditions().text() + ")";
        return ChartData.bars("lookup-latency", title, "statistic", "latency (µs per lookup)", series);
    }

    private static Map<String, Estimate> statistics(Measured t) {
        Map<String, Estimate> values = ChartData.ordered();
        values.put("p50", Bootstrap.mean(t.percentile(50)));
        values.put("p99", Bootstrap.mean(t.percentile(99)));
        return values;
    }
}
