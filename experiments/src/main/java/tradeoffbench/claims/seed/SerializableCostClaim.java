package tradeoffbench.claims.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tradeoffbench.claims.ChartData;
import tradeoffbench.claims.ChartSpec;
import tradeoffbench.claims.Claim;
import tradeoffbench.claims.Judgement;
import tradeoffbench.claims.Measure;
import tradeoffbench.claims.Proportions;
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
    /** EVENTS totals over the measurement: committed transfers, attempts aborted and retried, attempts given up. */
    static final String COMMITS = "commits";
    static final String RETRIES = "retries";
    static final String ABORTS = "aborts";
    static final String RETRY_RATE = "retryRate";
    /** |z| of a two-sided test at 99.9%, JMH's confidence level. */
    static final double Z_999 = 3.29;
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
        return "Explicit-transaction transfers on PostgreSQL: SUPPORTED when at skew=uniform SERIALIZABLE's speed "
                + "relative to READ COMMITTED (mean latency, else throughput) stays ≥ 0.9 across both error intervals "
                + "AND the share of SERIALIZABLE attempts aborted (retries + aborts over all attempts, from the run's "
                + "totals) is significantly higher at the most skewed keys than at uniform (two-proportion z-test, "
                + "99.9%); REFUTED when the speed ratio lies wholly below 0.9 or the aborted share significantly falls.";
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
        Rows.Primary scores = rows.primary(TRANSACTION);
        List<Verdict> cost = new ArrayList<>();
        for (Rows.Pair p : Rows.pairs(at(scores.rows(), SERIALIZABLE, UNIFORM), at(scores.rows(), READ_COMMITTED,
                UNIFORM), ISOLATION)) {
            Measure ser = p.measureA();
            Measure rc = p.measureB();
            double[] bounds = scores.speedBounds(ser, rc);
            Verdict v = !ser.hasInterval() || !rc.hasInterval() ? Verdict.INCONCLUSIVE
                    : bounds[0] >= 1 - LITTLE ? Verdict.SUPPORTED
                    : bounds[1] < 1 - LITTLE ? Verdict.REFUTED : Verdict.INCONCLUSIVE;
            cost.add(v);
            numbers.add("no contention (" + p.conditions() + "): SERIALIZABLE " + ser.text() + ", READ_COMMITTED "
                    + rc.text());
            why.add("without contention SERIALIZABLE runs at " + Measure.ratioText(scores.speed(ser, rc))
                    + " the speed of READ COMMITTED (" + Measure.ratioText(bounds[0]) + "–"
                    + (Double.isInfinite(bounds[1]) ? "∞" : Measure.ratioText(bounds[1])) + ")");
        }
        List<Verdict> aborts = new ArrayList<>();
        List<TidyRow> serializable = rows.find(TRANSACTION, Rows.THRPT, COMMITS, Map.of(ISOLATION, SERIALIZABLE));
        List<String> skews = Rows.values(serializable, SKEW).stream().filter(s -> !s.equals(UNIFORM)).toList();
        if (!skews.isEmpty()) {
            String most = skews.get(skews.size() - 1);
            for (Rows.Pair p : Rows.pairs(at(serializable, SERIALIZABLE, most), at(serializable, SERIALIZABLE, UNIFORM),
                    SKEW)) {
                var contended = attempts(rows, p.a());
                var calm = attempts(rows, p.b());
                if (contended == null || calm == null) {
                    continue;
                }
                double z = Proportions.z(contended[0], contended[1], calm[0], calm[1]);
                aborts.add(Math.abs(z) < Z_999 ? Verdict.INCONCLUSIVE : z > 0 ? Verdict.SUPPORTED : Verdict.REFUTED);
                numbers.add("SERIALIZABLE aborted attempts (" + p.conditions() + "): " + most + " "
                        + Measure.number(contended[0]) + " of " + Measure.number(contended[1]) + ", uniform "
                        + Measure.number(calm[0]) + " of " + Measure.number(calm[1]) + String.format(Locale.ROOT,
                        " (two-proportion z = %.1f)", z));
                why.add("aborted attempts " + percent(calm) + " → " + percent(contended) + " from uniform to " + most
                        + (Math.abs(z) < Z_999 ? " (not significant)" : ""));
            }
        }
        List<ChartSpec> charts = List.of(
                chart(scores.rows(), "serializable-cost", "Transfers by isolation level and key skew",
                        scores.axis("transfers")),
                chart(rows.find(TRANSACTION, Rows.THRPT, RETRY_RATE), "serializable-aborts",
                        "Aborted and retried transfers by isolation level and key skew", "retries per second"));
        if (cost.isEmpty() || aborts.isEmpty()) {
            return new Judgement(Verdict.INCONCLUSIVE, cost.isEmpty()
                    ? "no SERIALIZABLE and READ_COMMITTED rows at skew=uniform under the same conditions"
                    : "no SERIALIZABLE '" + COMMITS + "' and '" + RETRIES + "' totals at skew=uniform and a contended "
                    + "skew", numbers, charts);
        }
        Verdict verdict = Verdicts.allOf(List.of(Verdicts.unanimous(cost), Verdicts.unanimous(aborts)));
        return new Judgement(verdict, String.join("; ", why), numbers, charts);
    }

    private static List<TidyRow> at(List<TidyRow> rows, String isolation, String skew) {
        return rows.stream().filter(r -> isolation.equals(r.param(ISOLATION)) && skew.equals(r.param(SKEW))).toList();
    }

    /** {aborted attempts, all attempts} of the parameter set of a {@code commits} row, or null when a total is missing. */
    private static double[] attempts(Rows rows, TidyRow commits) {
        double aborted = 0;
        for (String metric : List.of(RETRIES, ABORTS)) {
            var same = Rows.pairs(List.of(commits), rows.find(TRANSACTION, Rows.THRPT, metric));
            if (same.isEmpty()) {
                if (metric.equals(RETRIES)) {
                    return null;
                }
                continue;
            }
            aborted += same.get(0).b().score();
        }
        return new double[] {aborted, aborted + commits.score()};
    }

    private static String percent(double[] attempts) {
        return attempts[1] == 0 ? "?" : String.format(Locale.ROOT, "%.2f%%", 100 * attempts[0] / attempts[1]);
    }

    private static ChartSpec chart(List<TidyRow> all, String name, String title, String yTitle) {
        Map<String, Map<String, Measure>> bars = ChartData.ordered();
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
