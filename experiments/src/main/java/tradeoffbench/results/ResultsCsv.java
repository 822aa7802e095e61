package tradeoffbench.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import tradeoffbench.family.BenchmarkName;
import tradeoffbench.family.Metric;

/** Reads and writes the tidy {@code results.csv}: the only place its text form is known. */
public final class ResultsCsv {
    public static final String FILE_NAME = "results.csv";
    /** What a results file must have; the rest (intervals, repetitions) came with schema 2 and may be absent. */
    static final List<String> REQUIRED = List.of("run_id", "started_at", "git_sha", "family", "benchmark", "target",
            "target_mode", "server_version", "settings", "params", "threads", "mode", "metric", "score", "unit");
    private static final Table TABLE = new Table();

    private ResultsCsv() {
    }

    public static void write(Path folder, List<TidyRow> rows) throws IOException {
        TABLE.write(folder, rows);
    }

    /** Reads a results file; fails with the file and line when a row does not have the tidy schema. */
    public static List<TidyRow> read(Path folder) throws IOException {
        return TABLE.read(folder);
    }

    private static final class Table extends CsvTable<TidyRow> {
        Table() {
            super(FILE_NAME, TidyRow.COLUMNS, REQUIRED);
        }

        @Override
        List<Object> cells(TidyRow r) {
            Summary s = r.summary();
            List<Object> cells = new ArrayList<>();
            cells.add(r.run().runId());
            cells.add(r.run().startedAt());
            cells.add(r.run().gitSha());
            cells.add(r.family());
            cells.add(r.benchmark().shortName());
            cells.add(r.target().name());
            cells.add(r.target().mode());
            cells.add(r.target().version());
            cells.add(KeyValues.join(r.target().settings()));
            cells.add(KeyValues.join(r.conditions().params()));
            cells.add(r.threads());
            cells.add(r.mode());
            cells.add(r.metric().name());
            cells.add(number(s.score()));
            cells.add(number(s.error()));
            cells.add(number(s.low()));
            cells.add(number(s.high()));
            cells.add(s.unit());
            cells.add(s.forks());
            cells.add(s.iterations());
            cells.add(s.samples() == null ? "" : s.samples());
            cells.add(number(s.total()));
            cells.add(number(s.p50()));
            cells.add(number(s.p90()));
            cells.add(number(s.p99()));
            cells.add(number(s.p999()));
            cells.add(s.steady() == null ? "" : s.steady());
            cells.add(r.jvm());
            cells.add(r.run().machine());
            return cells;
        }

        @Override
        TidyRow row(CSVRecord r) {
            RunIdentity run = new RunIdentity(r.get("run_id"), r.get("started_at"), r.get("git_sha"), cell(r, "machine"));
            Target target = new Target(r.get("target"), r.get("target_mode"), r.get("server_version"),
                    KeyValues.parse(r.get("settings")));
            Conditions conditions = new Conditions(KeyValues.parse(r.get("params")), integer(r, "threads"));
            String steady = cell(r, "steady");
            Summary summary = new Summary(decimal(r, "score"), optDecimal(r, "ci_low"),
                    optDecimal(r, "ci_high"), r.get("unit"), optCount(r, "forks"), optCount(r, "iterations"), optWhole(r, "samples"),
                    optDecimal(r, "total"), optDecimal(r, "p50"), optDecimal(r, "p90"),
                    optDecimal(r, "p99"), optDecimal(r, "p999"), steady.isEmpty() ? null : Boolean.valueOf(steady));
            return new TidyRow(run, BenchmarkName.of(r.get("family"), r.get("benchmark")), target, conditions,
                    r.get("mode"), Metric.of(r.get("metric")), summary, cell(r, "jvm"));
        }
    }
}
