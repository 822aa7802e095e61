package tradeoffbench.results;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/** Reads and writes the tidy {@code results.csv} (RFC 4180 through commons-csv; written atomically). */
public final class ResultsCsv {
    public static final String FILE_NAME = "results.csv";

    private static final CSVFormat WRITE = CSVFormat.RFC4180.builder()
            .setHeader(TidyRow.COLUMNS.toArray(String[]::new)).setRecordSeparator("\n").get();
    private static final CSVFormat READ = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).get();

    private ResultsCsv() {
    }

    public static void write(Path file, List<TidyRow> rows) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (CSVPrinter printer = new CSVPrinter(writer, WRITE)) {
                for (TidyRow r : rows) {
                    printer.printRecord(r.runId(), r.startedAt(), r.gitSha(), r.family(), r.benchmark(), r.target(),
                            r.targetMode(), r.serverVersion(), r.settings(), r.params(), r.threads(), r.mode(),
                            r.metric(), number(r.score()), number(r.scoreError()), r.unit(), r.samples(),
                            number(r.p50()), number(r.p90()), number(r.p99()), number(r.p999()), r.jvm(), r.machine());
                }
            }
        });
    }

    /** Reads a results file; fails with the file and line when a row does not have the tidy schema. */
    public static List<TidyRow> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            var parser = READ.parse(reader);
            List<String> header = parser.getHeaderNames();
            if (!header.containsAll(TidyRow.COLUMNS)) {
                List<String> missing = new ArrayList<>(TidyRow.COLUMNS);
                missing.removeAll(header);
                throw new IOException(file + " is not a tradeoff-bench results file (missing columns " + missing + ")");
            }
            List<TidyRow> rows = new ArrayList<>();
            for (CSVRecord r : parser) {
                try {
                    rows.add(new TidyRow(r.get("run_id"), r.get("started_at"), r.get("git_sha"), r.get("family"),
                            r.get("benchmark"), r.get("target"), r.get("target_mode"), r.get("server_version"),
                            r.get("settings"), r.get("params"), Integer.parseInt(r.get("threads")), r.get("mode"),
                            r.get("metric"), Double.parseDouble(r.get("score")), optDouble(r.get("score_error")),
                            r.get("unit"), optLong(r.get("samples")), optDouble(r.get("p50")), optDouble(r.get("p90")),
                            optDouble(r.get("p99")), optDouble(r.get("p999")), r.get("jvm"), r.get("machine")));
                } catch (IllegalArgumentException e) {
                    throw new IOException(file + " line " + r.getRecordNumber() + 1 + ": " + e.getMessage(), e);
                }
            }
            return rows;
        }
    }

    private static String number(Double value) {
        return value == null || value.isNaN() || value.isInfinite() ? "" : String.valueOf(value);
    }

    private static Double optDouble(String s) {
        return s == null || s.isEmpty() ? null : Double.valueOf(s);
    }

    private static Long optLong(String s) {
        return s == null || s.isEmpty() ? null : Long.valueOf(s);
    }
}
