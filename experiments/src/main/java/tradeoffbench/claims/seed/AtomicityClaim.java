package tradeoffbench.claims.seed;

import static tradeoffbench.atomicity.Atomicity.AUDITS;
import static tradeoffbench.atomicity.Atomicity.COMMITS;
import static tradeoffbench.atomicity.Atomicity.INCONSISTENT_READS;
import static tradeoffbench.atomicity.Atomicity.ISOLATION;
import static tradeoffbench.atomicity.Atomicity.LOST_UPDATES;
import static tradeoffbench.atomicity.Atomicity.MONEY_DRIFT;
import static tradeoffbench.atomicity.Atomicity.PARTIAL_TRANSFERS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import tradeoffbench.family.BenchmarkName;
import tradeoffbench.stats.Bootstrap;
import tradeoffbench.stats.Estimate;

/**
 * Money transfers under contention, every variant watched by the same detector (lost updates, half-done transfers,
 * the total after every iteration, an auditor summing all balances while transfers run). PostgreSQL's protected
 * variants must keep every transfer whole and lose nothing; the unprotected controls must show what they do not
 * prevent, or the test had no power to see a violation. A protected variant that loses money refutes the claim.
 */
public final class AtomicityClaim implements Claim {
    static final String READ_COMMITTED = Atomicity.READ_COMMITTED;
    /** The contended economy every variant of both engines runs on. */
    static final Map<String, List<String>> CONTENDED = Map.of(Atomicity.SKEW, List.of("zipf0.99"),
            Atomicity.ACCOUNTS, List.of("1000"));
    /** PostgreSQL's commits are durable (the default): the variants differ only in their statements. */
    static final Map<String, List<String>> DURABLE = Map.of(Atomicity.SYNCHRONOUS_COMMIT, List.of("on"));

    /** A variant the verdict reads: its benchmark, the isolation level it runs at, and its name in the text. */
    record Variant(BenchmarkName benchmark, String isolation, String label, String shortLabel) {
    }

    static final Variant TWO_AUTOCOMMITS = new Variant(Atomicity.TWO_AUTOCOMMITS, READ_COMMITTED,
            "two autocommits", "2 autocommits");
    static final Variant TRANSACTION = new Variant(Atomicity.TWO_STATEMENTS_IN_TRANSACTION, READ_COMMITTED,
            "the same two statements in a transaction",
            "BEGIN; 2 UPDATEs");
    static final Variant ONE_STATEMENT = new Variant(Atomicity.ONE_STATEMENT, READ_COMMITTED, "one statement", "1 UPDATE");
    static final Variant READ_THEN_WRITE = new Variant(Atomicity.READ_THEN_WRITE, READ_COMMITTED,
            "read-then-write in a READ COMMITTED transaction",
            "read-then-write (RC)");
    static final Variant FOR_UPDATE = new Variant(Atomicity.READ_FOR_UPDATE_THEN_WRITE, READ_COMMITTED,
            "SELECT … FOR UPDATE then write", "FOR UPDATE");
    static final Variant REPEATABLE_READ = new Variant(Atomicity.READ_THEN_WRITE, Atomicity.REPEATABLE_READ,
            "read-then-write at REPEATABLE READ (retried)",
            "REPEATABLE READ");
    static final Variant SERIALIZABLE = new Variant(Atomicity.READ_THEN_WRITE, Atomicity.SERIALIZABLE,
            "read-then-write at SERIALIZABLE (retried)",
            "SERIALIZABLE");
    /** What PostgreSQL promises to keep whole and exact. */
    static final List<Variant> PROTECTED = List.of(TRANSACTION, ONE_STATEMENT, FOR_UPDATE, REPEATABLE_READ, SERIALIZABLE);

    @Override
    public ClaimInfo info() {
        return new ClaimInfo("atomicity", 1,
                "relational database naturally enforce atomicity, good for strong consistency.",
                "seed, \"Relational database vs Non-relational database\"",
                "Concurrent money transfers on PostgreSQL (2 threads, Zipf 0.99 over 1,000 accounts), every variant "
                        + "watched by the same detector: lost updates (row versions), half-done transfers, the total "
                        + "after every iteration, and an auditor summing all balances every millisecond. SUPPORTED when "
                        + "the protected variants (a transaction, one statement, FOR UPDATE, REPEATABLE READ and "
                        + "SERIALIZABLE with retries) lose nothing and are never seen half done, while the controls "
                        + "show what they prevent (two autocommits seen with money in flight; a READ COMMITTED "
                        + "read-then-write losing updates); REFUTED when a protected variant loses money or is seen "
                        + "half done; INCONCLUSIVE when a control shows nothing (no power) or rows are missing.");
    }

    @Override
    public Selection selection() {
        List<Selection.Wanted> wanted = new ArrayList<>();
        for (BenchmarkName b : List.of(Atomicity.TWO_AUTOCOMMITS, Atomicity.TWO_STATEMENTS_IN_TRANSACTION,
                Atomicity.ONE_STATEMENT, Atomicity.READ_FOR_UPDATE_THEN_WRITE)) {
            wanted.add(new Selection.Wanted(b, postgres(List.of(READ_COMMITTED)), List.of(2), Mode.SampleTime));
        }
        wanted.add(new Selection.Wanted(Atomicity.READ_THEN_WRITE, postgres(List.of(READ_COMMITTED,
                Atomicity.REPEATABLE_READ, Atomicity.SERIALIZABLE)), List.of(2), Mode.SampleTime));
        for (BenchmarkName b : List.of(Atomicity.MONGO_TWO_UPDATES, Atomicity.MONGO_MULTI_DOCUMENT_TRANSACTION,
                Atomicity.MONGO_EMBEDDED_DOCUMENT)) {
            wanted.add(new Selection.Wanted(b, with(Atomicity.WRITE_CONCERN, List.of("majority")), List.of(2),
                    Mode.SampleTime));
        }
        return new Selection(wanted, List.of());
    }

    private static Map<String, List<String>> postgres(List<String> isolations) {
        Map<String, List<String>> params = with(ISOLATION, isolations);
        params.putAll(DURABLE);
        return params;
    }

    private static Map<String, List<String>> with(String name, List<String> values) {
        Map<String, List<String>> params = new java.util.TreeMap<>(CONTENDED);
        params.put(name, values);
        return params;
    }

    @Override
    public Judgement judge(Evidence evidence) {
        var unusable = evidence.unusable(Atomicity.TWO_AUTOCOMMITS, Atomicity.TWO_STATEMENTS_IN_TRANSACTION,
                Atomicity.ONE_STATEMENT, Atomicity.READ_THEN_WRITE, Atomicity.READ_FOR_UPDATE_THEN_WRITE);
        if (unusable.isPresent()) {
            return unusable.get();
        }
        List<String> numbers = new ArrayList<>();
        List<String> caveats = new ArrayList<>();
        Map<ChartData.Key, Map<String, Estimate>> bars = ChartData.ordered();
        Map<String, Estimate> seen = ChartData.ordered();
        Map<String, Estimate> lost = ChartData.ordered();
        List<String> violations = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Anomalies controlAtomic = null;
        Anomalies controlIsolation = null;
        for (Variant v : List.of(TWO_AUTOCOMMITS, TRANSACTION, ONE_STATEMENT, READ_THEN_WRITE, FOR_UPDATE,
                REPEATABLE_READ, SERIALIZABLE)) {
            Optional<Measured> trial = trial(evidence, v);
            if (trial.isEmpty()) {
                missing.add(v.label());
                continue;
            }
            Anomalies a = Anomalies.of(trial.get());
            numbers.add(v.label() + " (" + trial.get().conditions().text() + "): " + a.text());
            seen.put(v.shortLabel(), a.inconsistentShare());
            lost.put(v.shortLabel(), a.lostPerThousand());
            if (!a.detectorConsistent()) {
                caveats.add(v.label() + ": the total drifted by " + Estimate.number(a.drift())
                        + " but no lost update or half-done transfer was counted: the detector missed something");
            }
            if (PROTECTED.contains(v) && a.any()) {
                violations.add(v.label() + " " + a.violation());
            }
            if (v == TWO_AUTOCOMMITS) {
                controlAtomic = a;
            }
            if (v == READ_THEN_WRITE) {
                controlIsolation = a;
            }
        }
        bars.put(ChartData.Key.named("audits that saw a wrong total (%)"), seen);
        bars.put(ChartData.Key.named("lost updates per 1,000 transfers"), lost);
        List<ChartSpec> charts = List.of(ChartData.bars("atomicity",
                "Money seen in flight or lost, by transfer variant", "variant (PostgreSQL, 2 threads, Zipf 0.99 over "
                        + "1,000 accounts)", "anomalies (0 = none seen)", bars));
        cost(evidence, numbers);
        mongo(evidence, numbers);
        if (!violations.isEmpty()) {
            return new Judgement(Verdict.REFUTED, "PostgreSQL did not keep money safe where it promises to: "
                    + String.join("; ", violations), numbers, "", charts, caveats, Judgement.Basis.MEASURED);
        }
        if (!missing.isEmpty()) {
            return new Judgement(Verdict.INCONCLUSIVE, "no rows for " + String.join(", ", missing), numbers, "",
                    charts, caveats, Judgement.Basis.MEASURED);
        }
        if (controlAtomic.inconsistentReads() == 0 || controlIsolation.lostUpdates() == 0) {
            return new Judgement(Verdict.INCONCLUSIVE, "no power: " + (controlAtomic.inconsistentReads() == 0
                    ? "no audit saw two autocommits' money in flight" : "the READ COMMITTED read-then-write lost no "
                    + "update") + ", so this run could not have seen a violation either (run with more threads or "
                    + "more skew)", numbers, "", charts, caveats, Judgement.Basis.MEASURED);
        }
        Anomalies atomic = Anomalies.of(trial(evidence, TRANSACTION).orElseThrow());
        return new Judgement(Verdict.SUPPORTED, "PostgreSQL kept every protected transfer whole and exact: "
                + "0 of " + Estimate.number(atomic.audits()) + " audits saw a transaction half done (two autocommits: "
                + Estimate.number(controlAtomic.inconsistentReads()) + " of " + Estimate.number(controlAtomic.audits())
                + "), and nothing was lost under FOR UPDATE, REPEATABLE READ or SERIALIZABLE; but a read-then-write "
                + "transaction at the default READ COMMITTED lost " + Estimate.number(controlIsolation.lostUpdates())
                + " updates: atomicity is not isolation", numbers, "", charts, caveats, Judgement.Basis.MEASURED);
    }

    private static Optional<Measured> trial(Evidence evidence, Variant v) {
        return evidence.of(v.benchmark()).stream()
                .filter(t -> v.isolation().equals(t.param(ISOLATION)) && !t.isFake()).findFirst();
    }

    /** What atomicity costs: the same two statements with and without a transaction, and one statement. */
    private static void cost(Evidence evidence, List<String> numbers) {
        Optional<Measured> tx = trial(evidence, TRANSACTION);
        Optional<Measured> auto = trial(evidence, TWO_AUTOCOMMITS);
        Optional<Measured> one = trial(evidence, ONE_STATEMENT);
        if (tx.isPresent() && auto.isPresent()) {
            numbers.add("the cost of atomicity: " + Speed.text("the transaction", Speed.of(tx.get(), auto.get()),
                    "two autocommits") + " (it also commits once instead of twice: one WAL flush, fsync on)");
        }
        if (tx.isPresent() && one.isPresent()) {
            numbers.add(Speed.text("one statement", Speed.of(one.get(), tx.get()), "the two-statement transaction"));
        }
        for (Variant v : List.of(REPEATABLE_READ, SERIALIZABLE)) {
            trial(evidence, v).ifPresent(t -> numbers.add(v.label() + ": " + Estimate.number(t.total(
                    tradeoffbench.atomicity.Atomicity.RETRIES)) + " retried attempts for " + Estimate.number(
                    t.total(COMMITS)) + " committed transfers"));
        }
    }

    /** The seed's contrast, where a real MongoDB ran (never the fake). */
    private static void mongo(Evidence evidence, List<String> numbers) {
        for (BenchmarkName b : List.of(Atomicity.MONGO_TWO_UPDATES, Atomicity.MONGO_MULTI_DOCUMENT_TRANSACTION,
                Atomicity.MONGO_EMBEDDED_DOCUMENT)) {
            evidence.of(b).stream().filter(t -> !t.isFake()).forEach(t -> numbers.add("MongoDB " + b.shortName()
                    + " (" + t.conditions().text() + ", " + tradeoffbench.atomicity.MongoAccounts.describe(
                    t.param(Atomicity.WRITE_CONCERN)) + "): " + Anomalies.of(t).text()));
        }
    }

    /** One variant's detector counts over the whole measurement. */
    record Anomalies(double lostUpdates, double partial, double drift, double inconsistentReads, double audits,
                     double commits, Estimate inconsistentShare, Estimate lostPerThousand) {
        static Anomalies of(Measured t) {
            return new Anomalies(t.total(LOST_UPDATES), t.total(PARTIAL_TRANSFERS), t.total(MONEY_DRIFT),
                    t.total(INCONSISTENT_READS), t.total(AUDITS), t.total(COMMITS),
                    Bootstrap.mean(t.share(INCONSISTENT_READS, AUDITS, "%").map(x -> 100 * x, "%")),
                    Bootstrap.mean(t.share(LOST_UPDATES, COMMITS, "per 1,000").map(x -> 1000 * x, "per 1,000")));
        }

        boolean any() {
            return lostUpdates > 0 || partial > 0 || drift > 0 || inconsistentReads > 0;
        }

        boolean detectorConsistent() {
            return drift == 0 || lostUpdates > 0 || partial > 0;
        }

        String violation() {
            List<String> what = new ArrayList<>();
            if (lostUpdates > 0) {
                what.add("lost " + Estimate.number(lostUpdates) + " updates");
            }
            if (partial > 0) {
                what.add("left " + Estimate.number(partial) + " transfers half done");
            }
            if (drift > 0) {
                what.add("drifted by " + Estimate.number(drift));
            }
            if (inconsistentReads > 0) {
                what.add("was seen with a wrong total by " + Estimate.number(inconsistentReads) + " audits");
            }
            return String.join(", ", what);
        }

        String text() {
            return Estimate.number(commits) + " transfers; " + Estimate.number(lostUpdates) + " lost updates, "
                    + Estimate.number(partial) + " half-done transfers, total drifted by " + Estimate.number(drift)
                    + "; " + Estimate.number(inconsistentReads) + " of " + Estimate.number(audits)
                    + " audits saw a wrong total";
        }
    }
}
