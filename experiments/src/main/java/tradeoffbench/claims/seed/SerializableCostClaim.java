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

/**
 * Strong consistency's price: SERIALIZABLE vs READ COMMITTED on the explicit-transaction transfer. Without contention
 * (uniform keys) the cost must be "little" — the whole ratio interval at or above 0.9 — and with contention (the most
 * skewed keys measured) SERIALIZABLE's aborts must grow significantly.
 */
public final class SerializableCostClaim implements Claim {
    static final String TRANSACTION = "PostgresTransferBenchmark.explicitTransaction";
    static final String ISOLATION = "isolation";
    static final String READ_COMMITTED = "READ_COMMITTED";
    static final String SERIALIZABLE = "SERIALIZABLE";
    static final String SKEW = "skew";
    static final String UNIFORM = "uniform";
    /** OPERATIONS counter: a rate with an error interval (the EVENTS total "aborts" has none). */
    static final String ABORTS = "abortRate";
    /** "Costs little": SERIALIZABLE keeps at least 90% of READ COMMITTED's throughput. */
    static final double LITTLE = 0.10;

    @Override
    public String id() {
        return "serializable-cost";
    }

    @Override
    public int order() {
        return 8;
    }

    @Override
    public String quote() {
        return "relational database naturally enforce atomicity, good for strong consistency.";
    }

    @Override
    public String source() {
        return "seed, \"Relational database vs Non-relational database\" (the strongest isolation's price, as talks add)";
    }

    @Override
    public String tested() {
        return "Explicit-transaction transfers on PostgreSQL: SUPPORTED when at skew=uniform the SERIALIZABLE / READ "
                + "COMMITTED throughput ratio stays ≥ 0.9 across both error intervals AND SERIALIZABLE's aborts/s at the "
                + "most skewed keys lie significantly above uniform; REFUTED when the ratio lies wholly below 0.9 or "
                + "aborts significantly fall.";
    }

    @Override
    public Selection selection() {
        return new Selection(List.of("\\.PostgresTransferBenchmark\\.explicitTransaction$"),
                Map.of(ISOLATION, List.of(READ_COMMITTED, SERIALIZABLE), SKEW, List.of(UNIFORM, "zipf0.99"),
                        "synchronousCommit", List.of("on")), List.of(2));
    }

    @Override
    public Judgement judge(Rows rows) {
        var unusable = rows.unusable(TRANSACTION);
        if (unusable.isPresent()) {
            return unusable.get();
        }
        List<String> numbers = new ArrayList<>();
        List<String> why = new ArrayList<>();
        List<Verdict> cost = new ArrayList<>();
        for (Rows.Pair p : Rows.pairs(
                rows.find(TRANSACTION, Rows.THRPT, Rows.THROUGHPUT, Map.of(ISOLATION, SERIALIZABLE, SKEW, UNIFORM)),
                rows.find(TRANSACTION, Rows.THRPT, Rows.THROUGHPUT, Map.of(ISOLATION, READ_COMMITTED, SKEW, UNIFORM)),
                ISOLATION)) {
            Measure ser = p.measureA();
            Measure rc = p.measureB();
            double worst = ser.low() / rc.high();
            double best = ser.high() / rc.low();
            Verdict v = !ser.hasInterval() || !rc.hasInterval() ? Verdict.INCONCLUSIVE
                    : worst >= 1 - LITTLE ? Verdict.SUPPORTED : best < 1 - LITTLE ? Verdict.REFUTED : Verdict.INCONCLUSIVE;
            cost.add(v);
            numbers.add("no contention (" + p.conditions() + "): SERIALIZABLE " + ser.text() + ", READ_COMMITTED "
                    + rc.text());
            why.add("without contention SERIALIZABLE keeps " + Measure.ratioText(ser.ratio(rc)) + " of READ COMMITTED"
                    + (ser.hasInterval() && rc.hasInterval() ? " (" + Measure.ratioText(worst) + "–"
                    + Measure.ratioText(best) + ")" : ""));
        }
        List<TidyRow> serializableAborts = rows.find(TRANSACTION, Rows.THRPT, ABORTS, Map.of(ISOLATION, SERIALIZABLE));
        List<String> skews = Rows.values(serializableAborts, SKEW).stream().filter(s -> !s.equals(UNIFORM)).toList();
        List<Verdict> aborts = new ArrayList<>();
        if (!skews.isEmpty()) {
            String most = skews.get(skews.size() - 1);
            List<TidyRow> contended = serializableAborts.stream().filter(r -> most.equals(r.param(SKEW))).toList();
            List<TidyRow> calm = serializableAborts.stream().filter(r -> UNIFORM.equals(r.param(SKEW))).toList();
            for (Rows.Pair p : Rows.pairs(contended, calm, SKEW)) {
                aborts.add(Verdicts.expect(Relation.ABOVE, p.measureA().against(p.measureB())));
                numbers.add("SERIALIZABLE aborts (" + p.conditions() + "): " + most + " " + p.measureA().text()
                        + ", uniform " + p.measureB().text());
                why.add("aborts " + Measure.number(p.measureB().value()) + " → " + Measure.number(p.measureA().value())
                        + " " + p.a().unit() + " from uniform to " + most);
            }
        }
        List<ChartSpec> charts = List.of(
                chart(rows, Rows.THROUGHPUT, "serializable-cost", "Transfers by isolation level and key skew",
                        "throughput (transfers/s)"),
                chart(rows, ABORTS, "serializable-aborts", "Aborted transfers by isolation level and key skew",
                        "aborts per second"));
        if (cost.isEmpty() || aborts.isEmpty()) {
            return new Judgement(Verdict.INCONCLUSIVE, cost.isEmpty()
                    ? "no SERIALIZABLE and READ_COMMITTED throughput rows at skew=uniform under the same conditions"
                    : "no SERIALIZABLE '" + ABORTS + "' rows at skew=uniform and a contended skew", numbers, charts);
        }
        Verdict verdict = Verdicts.allOf(List.of(Verdicts.unanimous(cost), Verdicts.unanimous(aborts)));
        return new Judgement(verdict, String.join("; ", why), numbers, charts);
    }

    private static ChartSpec chart(Rows rows, String metric, String name, String title, String yTitle) {
        Map<String, Map<String, Measure>> bars = ChartData.ordered();
        List<TidyRow> all = rows.find(TRANSACTION, Rows.THRPT, metric);
        int threads = Rows.maxThreads(all);
        for (String isolation : List.of(READ_COMMITTED, "REPEATABLE_READ", SERIALIZABLE)) {
            Map<String, Measure> bySkew = ChartData.ordered();
            all.stream().filter(r -> isolation.equals(r.param(ISOLATION)) && r.threads() == threads)
                    .sorted((a, b) -> Rows.compareValues(a.param(SKEW), b.param(SKEW)))
                    .forEach(r -> bySkew.putIfAbsent(r.param(SKEW), Measure.of(r)));
            if (!bySkew.isEmpty()) {
                bars.put(isolation, bySkew);
            }
        }
        return ChartData.bars(name, title + " (threads=" + threads + ")", "key skew", yTitle, bars);
    }
}
