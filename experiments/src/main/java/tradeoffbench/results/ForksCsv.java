package tradeoffbench.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import tradeoffbench.family.BenchmarkName;

/** Reads and writes {@code forks.csv}: when each fork ran, and what else the machine was doing meanwhile. */
public final class ForksCsv {
    public static final String FILE_NAME = "forks.csv";
    private static final Table TABLE = new Table();

    private ForksCsv() {
    }

    public static void write(Path folder, List<ForkRow> rows) throws IOException {
        TABLE.write(folder, rows);
    }

    public static boolean exists(Path folder) {
        return Files.isRegularFile(folder.resolve(FILE_NAME));
    }

    public static List<ForkRow> read(Path folder) throws IOException {
        return TABLE.read(folder);
    }

    private static final class Table extends CsvTable<ForkRow> {
        Table() {
            super(FILE_NAME, ForkRow.COLUMNS);
        }

        @Override
        List<Object> cells(ForkRow r) {
            return List.of(r.runId(), r.benchmark().family(), r.benchmark().shortName(),
                    KeyValues.join(r.conditions().params()), r.conditions().threads(), r.mode(), r.fork(), r.position(),
                    r.startedAt(), number(r.seconds()), number(r.load1()), number(r.outsideCores()),
                    number(r.stealPercent()), r.jvm());
        }

        @Override
        ForkRow row(CSVRecord r) {
            return new ForkRow(r.get("run_id"), BenchmarkName.of(r.get("family"), r.get("benchmark")),
                    new Conditions(KeyValues.parse(r.get("params")), integer(r, "threads")), r.get("mode"),
                    integer(r, "fork"), integer(r, "position"), r.get("started_at"),
                    decimal(r, "seconds"), optDecimal(r, "load1"), optDecimal(r, "outside_cores"),
                    optDecimal(r, "steal_percent"), r.get("jvm"));
        }
    }
}
