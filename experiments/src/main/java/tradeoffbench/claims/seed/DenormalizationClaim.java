package tradeoffbench.claims.seed;

import static tradeoffbench.joins.Joins.COPIES;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import tradeoffbench.family.Metric;
import tradeoffbench.joins.Joins;
import tradeoffbench.stats.Bootstrap;
import tradeoffbench.stats.Estimate;
import tradeoffbench.stats.Relation;

/**
 * Denormalization's two sides on one data model: the read of a post with its comments from one table against the
 * join, and the rename of a user whose name has K copies against renaming one row — both renames in a transaction
 * of their own, so they differ only in the statements the layout needs. The break-even reads per rename (with its
 * interval) pairs a read and a rename measured under the same dataset and threads:
 * R* = (w_denormalized − w_normalized) / (r_joined − r_denormalized), per-operation costs in µs.
 */
public final class DenormalizationClaim implements Claim {
    static final String K = "100";
    static final Map<String, List<String>> DATASET = Map.of(Joins.POSTS, List.of("1000"), Joins.FANOUT, List.of("10"));

    @Override
    public ClaimInfo info() {
        return new ClaimInfo("denormalization", 5,
                "common workaround is to de-normalize so queries can be performed in a single table",
                "seed, \"Sharding\"",
                "PostgreSQL, one data model stored normalized and denormalized (speed from mean latency, 95% "
                        + "intervals): SUPPORTED when reading a post with its comments from one table is at least 10% "
                        + "faster than the join AND renaming a user with K=" + K + " copies of the name is at least 10% "
                        + "slower than renaming one row (both renames one transaction; whole intervals beyond 1.1×); "
                        + "REFUTED when either interval lies wholly short of that; the break-even "
                        + "reads per rename is reported with its interval.");
    }

    @Override
    public Selection selection() {
        List<Selection.Wanted> wanted = new ArrayList<>(Selection.each(List.of(Joins.JOINED, Joins.DENORMALIZED,
                Joins.JSONB_DOCUMENT), DATASET, List.of(1), Mode.SampleTime));
        Map<String, List<String>> renames = new java.util.TreeMap<>(DATASET);
        renames.put(COPIES, List.of(K));
        wanted.addAll(Selection.each(List.of(Joins.RENAME_NORMALIZED, Joins.RENAME_DENORMALIZED, Joins.RENAME_JSONB),
                renames, List.of(1), Mode.SampleTime));
        return new Selection(wanted, List.of());
    }

    @Override
    public Judgement judge(Evidence evidence) {
        var unusable = evidence.unusable(Joins.JOINED, Joins.DENORMALIZED, Joins.RENAME_NORMALIZED,
                Joins.RENAME_DENORMALIZED);
        if (unusable.isPresent()) {
            return unusable.get();
        }
        List<String> numbers = new ArrayList<>();
        List<String> why = new ArrayList<>();
        List<Verdict> reads = new ArrayList<>();
        List<Verdict> writes = new ArrayList<>();
        for (Measured denormalized : evidence.of(Joins.DENORMALIZED)) {
            Optional<Measured> joined = evidence.twin(Joins.JOINED, denormalized);
            if (joined.isEmpty()) {
                continue;
            }
            Estimate read = Speed.of(denormalized, joined.get());
            reads.add(Verdicts.materiallyAbove(read));
            why.add(Speed.text("the one-table read", read, "the join") + " (" + denormalized.conditions().text() + ")");
            for (Measured renameD : evidence.of(Joins.RENAME_DENORMALIZED, t -> sameDataset(t, denormalized))) {
                Optional<Measured> renameN = evidence.twin(Joins.RENAME_NORMALIZED, renameD);
                if (renameN.isEmpty()) {
                    continue;
                }
                Estimate write = Speed.of(renameD, renameN.get());
                String k = renameD.param(COPIES);
                if (K.equals(k)) {
                    writes.add(Verdicts.materiallyBelow(write));
                    why.add(Speed.text("renaming K=" + k + " copies", write, "renaming one row"));
                }
                numbers.add("rename, K=" + k + " (" + renameD.conditions().without(COPIES).text() + "): denormalized "
                        + renameD.primaryEstimate().text() + ", normalized " + renameN.get().primaryEstimate().text()
                        + "; " + breakEven(joined.get(), denormalized, renameN.get(), renameD));
            }
            numbers.add("read (" + denormalized.conditions().text() + "): one table "
                    + denormalized.primaryEstimate().text() + ", joined " + joined.get().primaryEstimate().text());
        }
        List<ChartSpec> charts = List.of(chart(evidence, "denormalization-reads",
                "Reading a post with its author and comments", List.of(Joins.JOINED, Joins.DENORMALIZED,
                        Joins.JSONB_DOCUMENT, Joins.MONGO_LOOKUP, Joins.MONGO_EMBEDDED), "reads"),
                chart(evidence, "denormalization-writes", "Renaming a user: one row vs K copies",
                        List.of(Joins.RENAME_NORMALIZED, Joins.RENAME_DENORMALIZED, Joins.RENAME_JSONB,
                                Joins.RENAME_MONGO_NORMALIZED, Joins.RENAME_MONGO_EMBEDDED), "renames"));
        if (reads.isEmpty() || writes.isEmpty()) {
            return new Judgement(Verdict.INCONCLUSIVE, "no " + (reads.isEmpty() ? "read" : "rename at K=" + K)
                    + " rows of both layouts under the same conditions", numbers, charts);
        }
        return new Judgement(Verdicts.allOf(List.of(Verdicts.unanimous(reads), Verdicts.unanimous(writes))),
                String.join("; ", why), numbers, charts);
    }

    /** A rename measured on the same dataset (posts, fanout) and threads as the read. */
    private static boolean sameDataset(Measured rename, Measured read) {
        return rename.mode().equals(read.mode()) && rename.conditions().without(COPIES).equals(read.conditions());
    }

    /** Reads per rename above which the denormalized layout costs less in total, with its interval. */
    static String breakEven(Measured joined, Measured denormalized, Measured renameN, Measured renameD) {
        Estimate r = Bootstrap.of(List.of(joined.repetitions(Metric.LATENCY), denormalized.repetitions(Metric.LATENCY),
                renameN.repetitions(Metric.LATENCY), renameD.repetitions(Metric.LATENCY)),
                m -> breakEvenReadsPerWrite(m[0], m[1], m[2], m[3]), "reads per rename");
        if (Double.isInfinite(r.value()) || r.value() < 0) {
            return "break-even: never (the one-table read is not cheaper)";
        }
        if (r.value() == 0) {
            return "break-even: always (the denormalized rename is not dearer)";
        }
        return String.format(Locale.ROOT, "break-even: denormalizing pays above %s", r.text());
    }

    /**
     * Reads per write above which the denormalized layout wins overall, from per-operation costs in the same unit:
     * the extra write cost divided by the read saving. Infinite when the denormalized read saves nothing; 0 when its
     * write costs nothing extra.
     */
    static double breakEvenReadsPerWrite(double readJoined, double readDenormalized, double writeNormalized,
                                         double writeDenormalized) {
        double saved = readJoined - readDenormalized;
        double extra = writeDenormalized - writeNormalized;
        if (extra <= 0) {
            return 0;
        }
        return saved <= 0 ? Double.POSITIVE_INFINITY : extra / saved;
    }

    private static ChartSpec chart(Evidence evidence, String name, String title, List<BenchmarkName> layouts,
                                   String operations) {
        Map<ChartData.Key, Map<String, Estimate>> bars = ChartData.ordered();
        for (BenchmarkName b : layouts) {
            for (Measured t : evidence.of(b, m -> !m.isFake() && m.mode().equals(Evidence.SAMPLE))) {
                bars.computeIfAbsent(ChartData.Key.of(t.conditions()), c -> ChartData.ordered())
                        .put(layoutName(b), t.primaryEstimate());
            }
        }
        return ChartData.bars(name, title, "layout", "mean latency (µs per " + operations.replaceAll("s$", "") + ")",
                bars);
    }

    /** What a layout is called on a slide, not its method name. */
    static String layoutName(BenchmarkName b) {
        return switch (b.method()) {
            case "joined" -> "normalized, joined";
            case "denormalized" -> "one table";
            case "jsonbDocument" -> "JSONB document";
            case "mongoLookup" -> "MongoDB $lookup";
            case "mongoEmbedded" -> "MongoDB embedded";
            case "renameNormalized" -> "normalized: 1 row";
            case "renameDenormalized" -> "denormalized: K copies";
            case "renameJsonb" -> "JSONB: K documents";
            case "renameMongoNormalized" -> "MongoDB: 1 document";
            case "renameMongoEmbedded" -> "MongoDB embedded: K";
            default -> b.method();
        };
    }
}
