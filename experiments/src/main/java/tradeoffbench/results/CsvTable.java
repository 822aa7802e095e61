package tradeoffbench.results;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file of a run folder with a fixed header: written atomically (RFC 4180 through commons-csv), read with every
 * error naming the file and the line it is on.
 *
 * @param <R> the row type
 */
abstract class CsvTable<R> {
    private final String fileName;
    private final List<String> columns;
    private final List<String> required;

    CsvTable(String fileName, List<String> columns) {
        this(fileName, columns, columns);
    }

    /** @param required the columns a file must have to be read (older files lack later columns) */
    CsvTable(String fileName, List<String> columns, List<String> required) {
        this.fileName = fileName;
        this.columns = List.copyOf(columns);
        this.required = List.copyOf(required);
    }

    String fileName() {
        return fileName;
    }

    /** The row's cells, in {@link #columns} order. */
    abstract List<Object> cells(R row);

    /** The row of one record. Throws IllegalArgumentException (e.g. NumberFormatException) for a bad cell. */
    abstract R row(CSVRecord record);

    void write(Path folder, List<R> rows) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new))
                .setRecordSeparator("\n").get();
        AtomicFiles.write(folder.resolve(fileName), out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (CSVPrinter printer = new CSVPrinter(writer, format)) {
                for (R r : rows) {
                    printer.printRecord(cells(r));
                }
            }
        });
    }

    List<R> read(Path folder) throws IOException {
        Path file = folder.resolve(fileName);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            List<String> header = parser.getHeaderNames();
            if (!header.containsAll(required)) {
                List<String> missing = new ArrayList<>(required);
                missing.removeAll(header);
                throw new IOException(file + " is not a tradeoff-bench " + fileName + " (missing columns " + missing
                        + ")");
            }
            List<R> rows = new ArrayList<>();
            var records = parser.iterator();
            while (true) {
                CSVRecord r;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    r = records.next();
                } catch (UncheckedIOException e) {
                    throw new IOException(file + " line " + parser.getCurrentLineNumber() + ": "
                            + oneLine(e.getCause() == null ? e.getMessage() : e.getCause().getMessage()), e);
                }
                try {
                    if (!r.isConsistent()) {
                        throw new IllegalArgumentException("has " + r.size() + " cells, the header " + header.size());
                    }
                    rows.add(row(r));
                } catch (IllegalArgumentException | IllegalStateException e) {
                    throw new IOException(file + " line " + parser.getCurrentLineNumber() + ": " + oneLine(e.getMessage()),
                            e);
                }
            }
            return rows;
        }
    }

    /** A cell that may be absent from older files: empty then. */
    static String cell(CSVRecord r, String column) {
        return r.isMapped(column) && r.isSet(column) ? r.get(column) : "";
    }

    static String number(Double value) {
        return value == null || value.isNaN() || value.isInfinite() ? "" : String.valueOf(value);
    }

    /** A number cell; a bad one is named by its column and value. */
    static double decimal(CSVRecord r, String column) {
        return required(column, optDecimal(r, column));
    }

    /** A number cell that may be empty or absent (older files): null then. */
    static Double optDecimal(CSVRecord r, String column) {
        return parsed(r, column, Double::valueOf, "a number");
    }

    static int integer(CSVRecord r, String column) {
        return Math.toIntExact(required(column, optWhole(r, column)));
    }

    static Long optWhole(CSVRecord r, String column) {
        return parsed(r, column, Long::valueOf, "a whole number");
    }

    /** A count that older files lack: 0 then. */
    static int optCount(CSVRecord r, String column) {
        Long value = optWhole(r, column);
        return value == null ? 0 : Math.toIntExact(value);
    }

    private static <T> T parsed(CSVRecord r, String column, java.util.function.Function<String, T> parse, String what) {
        String text = cell(r, column);
        try {
            return text.isEmpty() ? null : parse.apply(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("column " + column + " is not " + what + ": \"" + text + "\"");
        }
    }

    private static <T> T required(String column, T value) {
        if (value == null) {
            throw new IllegalArgumentException("column " + column + " is empty");
        }
        return value;
    }

    private static String oneLine(String message) {
        return message == null ? "unreadable" : message.replaceAll("\\s+", " ").trim();
    }
}
