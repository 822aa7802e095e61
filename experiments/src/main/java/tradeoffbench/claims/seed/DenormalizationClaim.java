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
        return "PostgreSQL, one data model stored twice: SUPPORTED when the denormalized read's throughput lies "
                + "significantly above the join's AND renaming with K copies (the largest K measured) lies "
                + "significantly below renaming one row; REFUTED when either is significantly the other way; the "
                + "break-even reads-per-write ratio is reported for each K.";
    }

    @Override
    public Selection selection() {
        return new Selection(List.of("\\.PostReadBenchmark\\.(joined|denormalized|jsonbDocument|mongoLookup|mongoEmbedded)$",
                "\\.RenameWriteBenchmark\\.rename(Normalized|Denormalized|Jsonb|MongoNormalized|MongoEmbedded)$"),
                Map.of(COPIES, List.of("1", "100"), "fanout", List.of("10")), List.of());
    }

    @Override
    public Judgement judge(Rows rows) {
        var unusable = rows.unusable(JOINED, DENORMALIZED, RENAME_NORMALIZED, RENAME_DENORMALIZED);
        if (unusable.isPresent()) {
            return unusable.get();
        }
        List<String> numbers = new ArrayList<>();
        List<String> why = new ArrayList<>();
        List<Rows.Pair> reads = Rows.pairs(rows.find(DENORMALIZED, Rows.THRPT, Rows.THROUGHPUT),
                rows.find(JOINED, Rows.THRPT, Rows.THROUGHPUT));
        List<Verdict> readCases = new ArrayList<>();
        for (Rows.Pair p : reads) {
            readCases.add(Verdicts.expect(Relation.ABOVE, p.measureA().against(p.measureB())));
            numbers.add("read (" + p.conditions() + "): denormalized " + p.measureA().text() + ", joined "
                    + p.measureB().text());
            why.add("denormalized reads run at " + Measure.ratioText(p.measureA().ratio(p.measureB()))
                    + " of joined (" + p.conditions() + ")");
        }
        List<TidyRow> renameDenormalized = rows.find(RENAME_DENORMALIZED, Rows.THRPT, Rows.THROUGHPUT);
        List<TidyRow> renameNormalized = rows.find(RENAME_NORMALIZED, Rows.THRPT, Rows.THROUGHPUT);
        List<String> ks = Rows.values(renameDenormalized, COPIES);
        String largest = ks.isEmpty() ? null : ks.get(ks.size() - 1);
        List<Verdict> writeCases = new ArrayList<>();
        for (Rows.Pair p : Rows.pairs(renameDenormalized, renameNormalized, COPIES)) {
            String k = p.a().param(COPIES);
            numbers.add("rename (K=" + k + ", " + p.conditions() + "): denormalized " + p.measureA().text()
                    + ", normalized " + p.measureB().text() + breakEven(reads, p));
            if (k == null || k.equals(largest)) {
                writeCases.add(Verdicts.expect(Relation.BELOW, p.measureA().against(p.measureB())));
                why.add("renames at " + Measure.ratioText(p.measureA().ratio(p.measureB())) + " of normalized with K="
                        + k + " (" + p.conditions() + ")");
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

    /** Reads per write above which the denormalized layout costs less in total, for the read pair of equal threads. */
    private static String breakEven(List<Rows.Pair> reads, Rows.Pair write) {
        for (Rows.Pair read : reads) {
            if (read.a().threads() == write.a().threads()) {
                double readSaving = 1 / read.measureB().value() - 1 / read.measureA().value();
                double writeTax = 1 / write.measureA().value() - 1 / write.measureB().value();
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
        for (String b : readers) {
            for (TidyRow r : rows.find(b, Rows.THRPT, Rows.THROUGHPUT)) {
                if (!Rows.isFake(r)) {
                    bars.computeIfAbsent(Rows.conditions(r), c -> new LinkedHashMap<>())
                            .put(b.substring(b.indexOf('.') + 1), Measure.of(r));
                }
            }
        }
        return ChartData.bars("denormalization-reads", "Reading a post with its author and comments", "layout",
                "throughput (reads/s)", bars);
    }

    private static ChartSpec writeChart(Rows rows) {
        Map<String, Map<String, Measure>> lines = ChartData.ordered();
        List<String> writers = new ArrayList<>(List.of(RENAME_NORMALIZED, RENAME_DENORMALIZED));
        writers.addAll(OTHER_WRITES);
        for (String b : writers) {
            List<TidyRow> of = rows.find(b, Rows.THRPT, Rows.THROUGHPUT);
            int threads = Rows.maxThreads(of);
            Map<String, Measure> byK = new LinkedHashMap<>();
            of.stream().filter(r -> r.threads() == threads && r.param(COPIES) != null && !Rows.isFake(r))
                    .forEach(r -> byK.put(r.param(COPIES), Measure.of(r)));
            if (!byK.isEmpty()) {
                lines.put(b.substring(b.indexOf('.') + 1), byK);
            }
        }
        return ChartData.lines("denormalization-writes", "Renaming a user: one row vs K copies", "copies (K)",
                "throughput (renames/s)", lines);
    }
}
