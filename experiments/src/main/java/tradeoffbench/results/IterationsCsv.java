package tradeoffbench.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import tradeoffbench.family.BenchmarkName;
import tradeoffbench.family.Metric;

/** Reads and writes {@code iterations.csv}, the repetitions behind every interval. */
public final class IterationsCsv {
    public static final String FILE_NAME = "iterations.csv";
    private static final Table TABLE = new Table();

    private IterationsCsv() {
    }

    public static void write(Path folder, List<IterationRow> rows) throws IOException {
        TABLE.write(folder, rows);
    }

    public static boolean exists(Path folder) {
        return Files.isRegularFile(folder.resolve(FILE_NAME));
    }

    public static List<IterationRow> read(Path folder) throws IOException {
        return TABLE.read(folder);
    }

    private static final class Table extends CsvTable<IterationRow> {
        Table() {
            super(FILE_NAME, IterationRow.COLUMNS);
        }

        @Override
        List<Object> cells(IterationRow r) {
            return List.of(r.runId(), r.benchmark().family(), r.benchmark().shortName(),
                    KeyValues.join(r.conditions().params()), r.conditions().threads(), r.mode(), r.metric().name(),
                    r.fork(), r.iteration(), number(r.value()), r.unit(), number(r.p50()), number(r.p90()),
                    number(r.p99()), number(r.p999()));
        }

        @Override
        IterationRow row(CSVRecord r) {
            return new IterationRow(r.get("run_id"), BenchmarkName.of(r.get("family"), r.get("benchmark")),
                    new Conditions(KeyValues.parse(r.get("params")), integer(r, "threads")), r.get("mode"),
                    Metric.of(r.get("metric")), integer(r, "fork"), integer(r, "iteration"),
                    decimal(r, "value"), r.get("unit"), optDecimal(r, "p50"), optDecimal(r, "p90"),
                    optDecimal(r, "p99"), optDecimal(r, "p999"));
        }
    }
}
