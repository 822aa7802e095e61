package tradeoffbench.claims.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tradeoffbench.claims.ChartData;
import tradeoffbench.claims.ChartSpec;
import tradeoffbench.claims.Claim;
import tradeoffbench.claims.Judgement;
import tradeoffbench.claims.Measure;
import tradeoffbench.claims.Relation;
import tradeoffbench.claims.Rows;
import tradeoffbench.claims.Selection;
import tradeoffbench.claims.Verdict;
import tradeoffbench.claims.Verdicts;
import tradeoffbench.results.TidyRow;

/** Point lookup by primary key, PostgreSQL vs MongoDB: mean latency with its interval decides; p50/p99 shown. */
public final class LookupLatencyClaim implements Claim {
    static final String POSTGRES = "PointLookupBenchmark.postgresPrimaryKey";
    static final String MONGO = "PointLookupBenchmark.mongoFindById";
    static final String REGEX = "\\.PointLookupBenchmark\\.(postgresPrimaryKey|mongoFindById)$";

    @Override
    public String id() {
        return "lookup-latency";
    }

    @Override
    public int order() {
        return 2;
    }

    @Override
    public String quote() {
        return "no-relational has low latency, easier for replication/sharding, good for strong availability";
    }

    @Override
    public String source() {
        return "seed, \"Relational database vs Non-relational database\"";
    }

    @Override
    public String tested() {
        return "A point lookup by primary key, same clients for both engines: SUPPORTED when MongoDB's mean latency interval lies below "
                + "PostgreSQL's under every measured condition, REFUTED when it lies above; p50 and p99 are reported.";
    }

    @Override
    public Selection selection() {
        return new Selection(List.of(REGEX), Map.of("users", List.of("10000")), List.of());
    }

    @Override
    public Judgement judge(Rows rows) {
        List<TidyRow> postgres = rows.find(POSTGRES, Rows.SAMPLE, Rows.LATENCY);
        List<TidyRow> mongo = rows.find(MONGO, Rows.SAMPLE, Rows.LATENCY);
        List<String> numbers = new ArrayList<>();
        postgres.forEach(r -> numbers.add("PostgreSQL (" + Rows.conditions(r) + "): " + latencies(r)));
        if (!Rows.isFakeAny(mongo)) {
            mongo.forEach(r -> numbers.add("MongoDB (" + Rows.conditions(r) + "): " + latencies(r)));
        }
        List<Rows.Pair> pairs = Rows.pairs(mongo, postgres);
        List<ChartSpec> charts;
        if (!pairs.isEmpty() && !Rows.isFakeAny(mongo)) {
            charts = List.of(chart(pairs.get(0).b(), pairs.get(0).a()));
        } else {
            charts = postgres.isEmpty() ? List.of() : List.of(chart(postgres.get(0), null));
        }
        var unusable = rows.unusable(POSTGRES, MONGO);
        if (unusable.isPresent()) {
            return unusable.get().with(numbers, charts);
        }
        if (pairs.isEmpty()) {
            return new Judgement(Verdict.INCONCLUSIVE, "no PostgreSQL and MongoDB latency rows measured under the "
                    + "same conditions (sample mode)", numbers, charts);
        }
        List<Verdict> cases = new ArrayList<>();
        List<String> why = new ArrayList<>();
        for (Rows.Pair p : pairs) {
            Relation r = p.measureA().against(p.measureB());
            cases.add(Verdicts.expect(Relation.BELOW, r));
            why.add(p.conditions() + ": MongoDB " + Measure.ratioText(p.measureA().ratio(p.measureB()))
                    + " of PostgreSQL's mean" + (r == Relation.OVERLAP ? " (intervals overlap)" : ""));
        }
        return new Judgement(Verdicts.unanimous(cases), String.join("; ", why), numbers, charts);
    }

    private static String latencies(TidyRow r) {
        return "mean " + Measure.of(r).text() + ", p50 " + Measure.number(orNaN(r.p50())) + ", p99 "
                + Measure.number(orNaN(r.p99())) + " " + r.unit();
    }

    private static Map<String, Measure> statistics(TidyRow r) {
        Map<String, Measure> values = ChartData.ordered();
        values.put("mean", Measure.of(r));
        values.put("p50", new Measure(orNaN(r.p50()), 0, r.unit()));
        values.put("p99", new Measure(orNaN(r.p99()), 0, r.unit()));
        return values;
    }

    private static double orNaN(Double d) {
        return d == null ? Double.NaN : d;
    }

    private static ChartSpec chart(TidyRow postgres, TidyRow mongo) {
        Map<String, Map<String, Measure>> series = ChartData.ordered();
        series.put("PostgreSQL", statistics(postgres));
        if (mongo != null) {
            series.put("MongoDB", statistics(mongo));
        }
        String when = Rows.conditions(postgres);
        String title = mongo == null ? "Point lookup latency, PostgreSQL only (" + when + ")"
                : "Point lookup latency (" + when + ")";
        return ChartData.bars("lookup-latency", title, "statistic",
                "latency (µs per lookup)", series);
    }
}
