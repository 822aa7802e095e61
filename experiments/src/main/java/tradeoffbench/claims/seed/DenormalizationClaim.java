package tradeoffbench.claims.seed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * Denormalization's two sides: a read from one table beats a join, and changing one fact costs K copies. The
 * break-even ratio says how many reads per write make it pay: with per-operation costs 1/throughput,
 * R* = (1/w_denormalized − 1/w_normalized) / (1/r_joined − 1/r_denormalized).
 */
public final class DenormalizationClaim implements Claim {
    static final String JOINED = "PostReadBenchmark.joined";
    static final String DENORMALIZED = "PostReadBenchmark.denormalized";
    static final String RENAME_NORMALIZED = "RenameWriteBenchmark.renameNormalized";
    static final String RENAME_DENORMALIZED = "RenameWriteBenchmark.renameDenormalized";
    static final String COPIES = "copies";
    static final List<String> OTHER_READS = List.of("PostReadBenchmark.jsonbDocument", "PostReadBenchmark.mongoLookup",
            "PostReadBenchmark.mongoEmbedded");
    static final List<String> OTHER_WRITES = List.of("RenameWriteBenchmark.renameJsonb",
            "RenameWriteBenchmark.renameMongoNormalized", "RenameWriteBenchmark.renameMongoEmbedded");

    @Override
    public String id() {
        return "denormalization";
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public String quote() {
        return "common workaround is to de-normalize so queries can be performed in a single table";
    }

    @Override
    public String source() {
        return "seed, \"Sharding\"";
    }

    @Override
    public String tested() {
        return "PostgreSQL, one data model stored twice (mean latency, else throughput): SUPPORTED when the "
                + "denormalized read is significantly faster than the join AND renaming K copies (the largest K "
                + "measured) is significantly slower than renaming one row; REFUTED when either is significantly the "
                + "other way; the break-even reads per rename is reported for each K.";
    }

    @Override
    public Selection selection() {
        return new Selection(List.of("\\.PostReadBenchmark\\.(joined|denormalized|jsonbDocument|mongoLookup|mongoEmbedded)$",
                "\\.RenameWriteBenchmark\\.rename(Normalized|Denormalized|Jsonb|MongoNormalized|MongoEmbedded)$"),
                Map.of(COPIES, List.of("100"), "fanout", List.of("10")), List.of());
    }

    @Override
    public Judgement judge(Rows rows) {
        var unusable = rows.unusable(JOINED, DENORMALIZED, RENAME_NORMALIZED, RENAME_DENORMALIZED);
        if (unusable.isPresent()) {
            return unusable.get();
        }
        List<String> numbers = new ArrayList<>();
        List<String> why = new ArrayList<>();
        Rows.Primary readScores = rows.primary(DENORMALIZED);
        Rows.Primary writeScores = rows.primary(RENAME_DENORMALIZED);
        List<Rows.Pair> reads = Rows.pairs(readScores.rows(), sameMode(rows, JOINED, readScores));
        List<Verdict> readCases = new ArrayList<>();
        for (Rows.Pair p : reads) {
            Relation r = p.measureA().against(p.measureB());
            readCases.add(Verdicts.expect(readScores.faster(), r));
            numbers.add("read (" + p.conditions() + "): denormalized " + p.measureA().text() + ", joined "
                    + p.measureB().text());
            why.add("denormalized reads run at " + Measure.ratioText(readScores.speed(p.measureA(), p.measureB()))
                    + " the speed of joined (" + p.conditions() + ")" + (r == Relation.OVERLAP ? ", intervals overlap" : ""));
        }
        List<TidyRow> renameDenormalized = writeScores.rows();
        List<TidyRow> renameNormalized = sameMode(rows, RENAME_NORMALIZED, writeScores);
        List<String> ks = Rows.values(renameDenormalized, COPIES);
        String largest = ks.isEmpty() ? null : ks.get(ks.size() - 1);
        List<Verdict> writeCases = new ArrayList<>();
        for (Rows.Pair p : Rows.pairs(renameDenormalized, renameNormalized, COPIES)) {
            String k = p.a().param(COPIES);
            numbers.add("rename (K=" + k + ", " + p.conditions() + "): denormalized " + p.measureA().text()
                    + ", normalized " + p.measureB().text() + breakEven(reads, readScores, p, writeScores));
            if (k == null || k.equals(largest)) {
                Relation r = p.measureA().against(p.measureB());
                writeCases.add(Verdicts.expect(writeScores.slower(), r));
                why.add("renames run at " + Measure.ratioText(writeScores.speed(p.measureA(), p.measureB()))
                        + " the speed of normalized with K=" + k + " (" + p.conditions() + ")"
                        + (r == Relation.OVERLAP ? ", intervals overlap" : ""));
            }
        }
        List<ChartSpec> charts = List.of(readChart(rows), writeChart(rows));
        if (readCases.isEmpty() || writeCases.isEmpty()) {
            return new Judgement(Verdict.INCONCLUSIVE, "no " + (readCases.isEmpty() ? "read" : "rename")
                    + " rows of both layouts under the same conditions", numbers, charts);
        }
        Verdict verdict = Verdicts.allOf(List.of(Verdicts.unanimous(readCases), Verdicts.unanimous(writeCases)));
        return new Judgement(verdict, String.join("; ", why), numbers, charts);
    }

    /** The rows of {@code benchmark} measured in the same mode as {@code like}. */
    private static List<TidyRow> sameMode(Rows rows, String benchmark, Rows.Primary like) {
        return like.higherIsBetter() ? rows.find(benchmark, Rows.THRPT, Rows.THROUGHPUT)
                : rows.find(benchmark, Rows.SAMPLE, Rows.LATENCY);
    }

    /** Reads per write above which the denormalized layout costs less in total, for the read pair of equal threads. */
    private static String breakEven(List<Rows.Pair> reads, Rows.Primary readScores, Rows.Pair write,
                                    Rows.Primary writeScores) {
        for (Rows.Pair read : reads) {
            if (read.a().threads() == write.a().threads()) {
                double readSaving = readScores.cost(read.measureB()) - readScores.cost(read.measureA());
                double writeTax = writeScores.cost(write.measureA()) - writeScores.cost(write.measureB());
                if (readSaving <= 0) {
                    return "; break-even: never (denormalized reads are not cheaper)";
                }
                if (writeTax <= 0) {
                    return "; break-even: always (denormalized renames are not dearer)";
                }
                return String.format(Locale.ROOT, "; break-even: denormalizing pays above %s reads per rename",
                        Measure.number(writeTax / readSaving));
            }
        }
        return "";
    }

    private static ChartSpec readChart(Rows rows) {
        Map<String, Map<String, Measure>> bars = ChartData.ordered();
        List<String> readers = new ArrayList<>(List.of(JOINED, DENORMALIZED));
        readers.addAll(OTHER_READS);
        Rows.Primary mode = rows.primary(DENORMALIZED);
        for (String b : readers) {
            for (TidyRow r : sameMode(rows, b, mode)) {
                if (!Rows.isFake(r)) {
                    bars.computeIfAbsent(Rows.conditions(r), c -> new LinkedHashMap<>())
                            .put(b.substring(b.indexOf('.') + 1), Measure.of(r));
                }
            }
        }
        return ChartData.bars("denormalization-reads", "Reading a post with its author and comments", "layout",
                mode.axis("reads"), bars);
    }

    private static ChartSpec writeChart(Rows rows) {
        Map<String, Map<String, Measure>> lines = ChartData.ordered();
        List<String> writers = new ArrayList<>(List.of(RENAME_NORMALIZED, RENAME_DENORMALIZED));
        writers.addAll(OTHER_WRITES);
        Rows.Primary mode = rows.primary(RENAME_DENORMALIZED);
        for (String b : writers) {
            List<TidyRow> of = sameMode(rows, b, mode);
            int threads = Rows.maxThreads(of);
            Map<String, Measure> byK = new LinkedHashMap<>();
            of.stream().filter(r -> r.threads() == threads && r.param(COPIES) != null && !Rows.isFake(r))
                    .forEach(r -> byK.put(r.param(COPIES), Measure.of(r)));
            if (!byK.isEmpty()) {
                lines.put(b.substring(b.indexOf('.') + 1), byK);
            }
        }
        boolean sweep = lines.values().stream().anyMatch(byK -> byK.size() > 1);
        if (!sweep) {
            Map<String, Map<String, Measure>> bars = ChartData.ordered();
            lines.forEach((layout, byK) -> byK.forEach((k, m) ->
                    bars.computeIfAbsent("K=" + k, x -> new LinkedHashMap<>()).put(layout, m)));
            return ChartData.bars("denormalization-writes", "Renaming a user: one row vs K copies", "layout",
                    mode.axis("renames"), bars);
        }
        return ChartData.lines("denormalization-writes", "Renaming a user: one row vs K copies", "copies (K)",
                mode.axis("renames"), lines);
    }
}
