package tradeoffbench.claims.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tradeoffbench.claims.ChartData;
import tradeoffbench.claims.ChartSpec;
import tradeoffbench.claims.Claim;
import tradeoffbench.claims.Judgement;
import tradeoffbench.claims.Measure;
import tradeoffbench.claims.Rows;
import tradeoffbench.claims.Selection;
import tradeoffbench.claims.Verdict;
import tradeoffbench.results.TidyRow;

/**
 * Transfers between accounts: the transactional variants must lose nothing, and the deliberately unsafe
 * read-modify-write must lose updates (else the test had no power to show what atomicity prevents). The cost of a
 * transaction over a single statement is reported beside the verdict.
 */
public final class AtomicityClaim implements Claim {
    static final String SINGLE = "PostgresTransferBenchmark.singleStatement";
    static final String TRANSACTION = "PostgresTransferBenchmark.explicitTransaction";
    static final String UNSAFE = "PostgresTransferBenchmark.unsafeReadModifyWrite";
    static final String ANOMALIES = "anomalies";
    static final String REGEX = "\\.PostgresTransferBenchmark\\.(singleStatement|explicitTransaction|unsafeReadModifyWrite)$";

    @Override
    public String id() {
        return "atomicity";
    }

    @Override
    public int order() {
        return 1;
    }

    @Override
    public String quote() {
        return "relational database naturally enforce atomicity, good for strong consistency.";
    }

    @Override
    public String source() {
        return "seed, \"Relational database vs Non-relational database\"";
    }

    @Override
    public String tested() {
        return "Concurrent money transfers on PostgreSQL: SUPPORTED when the single-statement and explicit-transaction "
                + "variants count zero anomalies (money lost or created) in every trial while the unsafe "
                + "read-modify-write variant counts some; REFUTED when a transactional variant counts any; the "
                + "throughput cost of a transaction over a single statement is reported.";
    }

    @Override
    public Selection selection() {
        return new Selection(List.of(REGEX), Map.of("isolation", List.of("READ_COMMITTED"),
                "skew", List.of("zipf0.99"), "synchronousCommit", List.of("on")), List.of(2));
    }

    @Override
    public Judgement judge(Rows rows) {
        var unusable = rows.unusable(SINGLE, TRANSACTION, UNSAFE);
        if (unusable.isPresent()) {
            return unusable.get();
        }
        List<String> numbers = new ArrayList<>();
        List<TidyRow> safe = new ArrayList<>();
        for (String b : List.of(SINGLE, TRANSACTION, UNSAFE)) {
            List<TidyRow> anomalies = rows.find(b, Rows.THRPT, ANOMALIES);
            if (anomalies.isEmpty()) {
                return Judgement.inconclusive("no '" + ANOMALIES + "' rows for " + b
                        + ": the benchmark must count lost or created money");
            }
            anomalies.forEach(r -> numbers.add(b + " anomalies (" + Rows.conditions(r) + "): "
                    + Measure.of(r).text()));
            if (!b.equals(UNSAFE)) {
                safe.addAll(anomalies);
            }
        }
        Rows.Primary scores = rows.primary(TRANSACTION);
        Map<String, Map<String, Measure>> speed = ChartData.ordered();
        for (String b : List.of(SINGLE, TRANSACTION, UNSAFE)) {
            for (TidyRow r : rows.find(b, scores.higherIsBetter() ? Rows.THRPT : Rows.SAMPLE,
                    scores.higherIsBetter() ? Rows.THROUGHPUT : Rows.LATENCY)) {
                speed.computeIfAbsent(Rows.conditions(r), k -> ChartData.ordered())
                        .put(b.substring(b.indexOf('.') + 1), Measure.of(r));
            }
        }
        for (Rows.Pair p : Rows.pairs(scores.rows(), rows.primary(SINGLE).rows())) {
            numbers.add("cost of a transaction (" + p.conditions() + "): explicitTransaction "
                    + p.measureA().text() + " vs singleStatement " + p.measureB().text() + ": "
                    + Measure.ratioText(scores.speed(p.measureA(), p.measureB())) + " the speed");
        }
        speed.values().removeIf(variants -> variants.size() < 3);
        List<ChartSpec> charts = speed.isEmpty() ? List.of() : List.of(ChartData.bars("atomicity",
                "Transfers: what atomicity costs (PostgreSQL)", "variant", scores.axis("transfers"), speed));

        List<TidyRow> lost = safe.stream().filter(r -> r.score() > 0).toList();
        if (!lost.isEmpty()) {
            TidyRow r = lost.get(0);
            return new Judgement(Verdict.REFUTED, r.benchmark() + " lost or created money: " + Measure.of(r).text()
                    + " anomalies (" + Rows.conditions(r) + ")", numbers, charts);
        }
        List<TidyRow> unsafe = rows.find(UNSAFE, Rows.THRPT, ANOMALIES);
        List<TidyRow> unsafeLost = unsafe.stream().filter(r -> r.score() > 0).toList();
        if (unsafeLost.isEmpty()) {
            return new Judgement(Verdict.INCONCLUSIVE, "the unsafe variant lost nothing either: contention was too "
                    + "low to show what atomicity prevents (run with more threads or more skew)", numbers, charts);
        }
        TidyRow worst = unsafeLost.stream().max(java.util.Comparator.comparingDouble(TidyRow::score)).orElseThrow();
        return new Judgement(Verdict.SUPPORTED, "the transactional variants lost nothing in " + safe.size()
                + " trial(s); the unsafe variant lost money in " + unsafeLost.size() + " of " + unsafe.size()
                + " (up to " + Measure.number(worst.score()) + " anomalies" + ("#".equals(worst.unit()) ? "" : " " + worst.unit())
                + ")", numbers, charts);
    }
}
