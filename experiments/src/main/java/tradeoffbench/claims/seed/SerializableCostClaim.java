package tradeoffbench.claims.seed;

import static tradeoffbench.atomicity.Atomicity.ABORTS;
import static tradeoffbench.atomicity.Atomicity.COMMITS;
import static tradeoffbench.atomicity.Atomicity.ISOLATION;
import static tradeoffbench.atomicity.Atomicity.READ_COMMITTED;
import static tradeoffbench.atomicity.Atomicity.RETRIES;
import static tradeoffbench.atomicity.Atomicity.SERIALIZABLE;
import static tradeoffbench.atomicity.Atomicity.SKEW;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.openjdk.jmh.annotations.Mode;
import tradeoffbench.atomicity.Atomicity;
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
import tradeoffbench.stats.Bootstrap;
import tradeoffbench.stats.Estimate;
import tradeoffbench.stats.Relation;
import tradeoffbench.stats.Repetitions;

/**
 * Strong consistency's price: the same two-statement transfer transaction at SERIALIZABLE and at READ COMMITTED.
 * Without contention (uniform keys) the cost must be "little" — the speed ratio's interval at or above 0.9 — and with
 * contention the share of SERIALIZABLE's attempts that abort (retried, or given up) must be higher than without.
 */
public final class SerializableCostClaim implements Claim {
    static final String UNIFORM = "uniform";
    static final String CONTENDED = "zipf0.99";
    /** "Costs little": SERIALIZABLE keeps at least 90% of READ COMMITTED's speed. */
    static final double LITTLE = 0.9;

    @Override
    public ClaimInfo info() {
        return new ClaimInfo("serializable-cost", 8,
                "relational database naturally enforce atomicity, good for strong consistency.",
                "seed, \"Relational database vs Non-relational database\" (the strongest isolation's price, as talks add)",
                "The same transfer transaction on PostgreSQL at SERIALIZABLE and READ COMMITTED, 2 threads, measured "
                        + "side by side (95% intervals): SUPPORTED when without contention (uniform keys) SERIALIZABLE "
                        + "keeps at least 0.9× READ COMMITTED's speed (the whole interval) AND the share of its "
                        + "attempts aborted is higher under Zipf 0.99 than under uniform keys; REFUTED when the speed "
                        + "interval lies wholly below 0.9 or the aborted share falls.");
    }

    @Override
    public Selection selection() {
        return Selection.of(new Selection.Wanted(Atomicity.TWO_STATEMENTS_IN_TRANSACTION, Map.of(
                ISOLATION, List.of(READ_COMMITTED, SERIALIZABLE), SKEW, List.of(UNIFORM, CONTENDED),
                Atomicity.SYNCHRONOUS_COMMIT, List.of("on"), Atomicity.ACCOUNTS, List.of("1000")), List.of(2),
                Mode.SampleTime));
    }

    @Override
    public Judgement judge(Evidence evidence) {
        var unusable = evidence.unusable(Atomicity.TWO_STATEMENTS_IN_TRANSACTION);
        if (unusable.isPresent()) {
            return unusable.get();
        }
        List<String> numbers = new ArrayList<>();
        List<String> why = new ArrayList<>();
        List<Verdict> cost = new ArrayList<>();
        List<Verdict> aborts = new ArrayList<>();
        for (Measured ser : at(evidence, SERIALIZABLE, UNIFORM)) {
            Optional<Measured> rc = evidence.twin(Atomicity.TWO_STATEMENTS_IN_TRANSACTION,
                    ser.withParam(ISOLATION, READ_COMMITTED));
            if (rc.isEmpty()) {
                continue;
            }
            Estimate speed = Speed.of(ser, rc.get());
            Relation r = speed.against(LITTLE);
            cost.add(r == Relation.ABOVE ? Verdict.SUPPORTED : r == Relation.BELOW ? Verdict.REFUTED : Verdict.INCONCLUSIVE);
            why.add("without contention " + Speed.text("SERIALIZABLE", speed, "READ COMMITTED")
                    + (r == Relation.OVERLAP ? " (the interval straddles 0.9)" : ""));
            numbers.add("no contention (" + ser.conditions().without(ISOLATION).text() + "): SERIALIZABLE "
                    + ser.primaryEstimate().text() + ", READ COMMITTED " + rc.get().primaryEstimate().text());
        }
        for (Measured contended : at(evidence, SERIALIZABLE, CONTENDED)) {
            Optional<Measured> calm = evidence.twin(Atomicity.TWO_STATEMENTS_IN_TRANSACTION,
                    contended.withParam(SKEW, UNIFORM));
            if (calm.isEmpty()) {
                continue;
            }
            Repetitions hot = abortedShare(contended);
            Repetitions cool = abortedShare(calm.get());
            Estimate difference = Bootstrap.of(List.of(hot, cool), m -> 100 * (m[0] - m[1]), "percentage points");
            Relation r = difference.against(0.0);
            aborts.add(Verdicts.expect(Relation.ABOVE, r));
            why.add("aborted attempts " + percent(cool) + " → " + percent(hot) + " from uniform keys to " + CONTENDED
                    + " (difference " + difference.text() + ")");
            numbers.add("SERIALIZABLE attempts aborted (" + contended.conditions().without(SKEW).text() + "): "
                    + CONTENDED + " " + Estimate.number(contended.total(RETRIES) + contended.total(ABORTS)) + " of "
                    + Estimate.number(attempts(contended)) + ", uniform " + Estimate.number(calm.get().total(RETRIES)
                    + calm.get().total(ABORTS)) + " of " + Estimate.number(attempts(calm.get())));
        }
        List<ChartSpec> charts = List.of(chart(evidence, "serializable-cost", "Transfers by isolation level and key "
                        + "skew (2 threads)", "mean latency (µs per transfer)", Measured::primaryEstimate),
                chart(evidence, "serializable-aborts", "Share of attempts aborted and retried, by isolation and skew",
                        "aborted attempts (% of all attempts)", t -> Bootstrap.mean(abortedShare(t).map(x -> 100 * x, "%"))));
        if (cost.isEmpty() || aborts.isEmpty()) {
            return new Judgement(Verdict.INCONCLUSIVE, cost.isEmpty()
                    ? "no SERIALIZABLE and READ_COMMITTED rows at skew=uniform under the same conditions"
                    : "no SERIALIZABLE rows at skew=uniform and " + CONTENDED + " under the same conditions", numbers,
                    charts);
        }
        return new Judgement(Verdicts.allOf(List.of(Verdicts.unanimous(cost), Verdicts.unanimous(aborts))),
                String.join("; ", why), numbers, charts);
    }

    private static List<Measured> at(Evidence evidence, String isolation, String skew) {
        return evidence.of(Atomicity.TWO_STATEMENTS_IN_TRANSACTION,
                t -> isolation.equals(t.param(ISOLATION)) && skew.equals(t.param(SKEW)));
    }

    /** Per iteration: attempts aborted (retried or given up) over all attempts. */
    static Repetitions abortedShare(Measured t) {
        Repetitions retries = t.repetitions(RETRIES);
        Repetitions aborts = t.repetitions(ABORTS);
        Repetitions commits = t.repetitions(COMMITS);
        SortedMap<Integer, double[]> shares = new TreeMap<>();
        commits.forks().forEach((fork, c) -> {
            double[] r = retries.forks().getOrDefault(fork, new double[c.length]);
            double[] a = aborts.forks().getOrDefault(fork, new double[c.length]);
            double[] s = new double[c.length];
            for (int i = 0; i < c.length; i++) {
                double failed = (i < r.length ? r[i] : 0) + (i < a.length ? a[i] : 0);
                s[i] = failed + c[i] == 0 ? 0 : failed / (failed + c[i]);
            }
            shares.put(fork, s);
        });
        return new Repetitions(shares, "share");
    }

    private static double attempts(Measured t) {
        return t.total(RETRIES) + t.total(ABORTS) + t.total(COMMITS);
    }

    private static String percent(Repetitions share) {
        return String.format(java.util.Locale.ROOT, "%.2f%%", 100 * share.mean());
    }

    private static ChartSpec chart(Evidence evidence, String name, String title, String yTitle,
                                   java.util.function.Function<Measured, Estimate> value) {
        Map<ChartData.Key, Map<String, Estimate>> bars = ChartData.ordered();
        for (String isolation : List.of(READ_COMMITTED, Atomicity.REPEATABLE_READ, SERIALIZABLE)) {
            Map<String, Estimate> bySkew = ChartData.ordered();
            evidence.of(Atomicity.TWO_STATEMENTS_IN_TRANSACTION, t -> isolation.equals(t.param(ISOLATION)))
                    .stream().sorted((a, b) -> ChartData.compareValues(a.param(SKEW), b.param(SKEW)))
                    .forEach(t -> bySkew.putIfAbsent(t.param(SKEW), value.apply(t)));
            if (!bySkew.isEmpty()) {
                bars.put(ChartData.Key.named(isolation), bySkew);
            }
        }
        return ChartData.under(ChartData.bars(name, title, "key skew", yTitle, bars),
                evidence.of(Atomicity.TWO_STATEMENTS_IN_TRANSACTION).stream().findFirst()
                        .map(t -> t.conditions().without(ISOLATION, SKEW)).orElse(null));
    }
}
