package tradeoffbench.run;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import tradeoffbench.catalog.BenchmarkMethod;
import tradeoffbench.results.AtomicFiles;
import tradeoffbench.results.ResultsCsv;
import tradeoffbench.results.RowContext;
import tradeoffbench.results.TidyRow;
import tradeoffbench.results.TidyRows;
import tradeoffbench.targets.Endpoint;
import tradeoffbench.targets.Endpoints;
import tradeoffbench.targets.Engine;
import tradeoffbench.targets.Sharded;

/**
 * The files of one run folder, kept current: after every completed benchmark {@code results.csv}, {@code jmh.json}
 * and {@code run.json} are rewritten atomically, so an interrupt or a later failure keeps every completed row.
 */
public final class RunRecorder {
    public static final String JMH_JSON = "jmh.json";

    private final Path folder;
    private final RowContext context;
    private final Map<String, BenchmarkMethod> methods;
    private final Endpoints endpoints;
    private final RunManifest manifest;
    private final List<TidyRow> rows = new ArrayList<>();
    private final List<RunResult> jmhResults = new ArrayList<>();
    private String current;

    public RunRecorder(Path folder, RowContext context, Map<String, BenchmarkMethod> methods, Endpoints endpoints,
                       RunManifest manifest) {
        this.folder = folder;
        this.context = context;
        this.methods = methods;
        this.endpoints = endpoints;
        this.manifest = manifest;
    }

    public synchronized void started(String benchmark) {
        current = benchmark;
    }

    /** The benchmark JMH was running when something went wrong (for the failure record). */
    public synchronized String current() {
        return current;
    }

    public synchronized void completed(BenchmarkResult result) {
        String name = result.getParams().getBenchmark();
        BenchmarkMethod method = methods.get(name);
        if (method == null) {
            throw new IllegalStateException("JMH ran " + name + ", which this run did not select");
        }
        List<Endpoint> used = method.needs().stream().map(engine -> rowEndpoint(method, engine)).toList();
        rows.addAll(TidyRows.from(result, method, used, context));
        jmhResults.add(new RunResult(result.getParams(), List.of(result)));
        flush();
    }

    /** The endpoint a row names for an engine: a sharded method's PostgreSQL rows name shard 0. */
    private Endpoint rowEndpoint(BenchmarkMethod method, Engine engine) {
        if (engine == Engine.POSTGRESQL && ShardDemand.isSharded(method)) {
            return endpoints.find(Sharded.ENDPOINT_PREFIX + 0).orElseGet(() -> endpoints.require(engine));
        }
        return endpoints.require(engine);
    }

    public synchronized int rowCount() {
        return rows.size();
    }

    public RunManifest manifest() {
        return manifest;
    }

    public Path folder() {
        return folder;
    }

    /** Rewrites the three files; each either keeps its old content or gets the new one. */
    public synchronized void flush() {
        try {
            ResultsCsv.write(folder.resolve(ResultsCsv.FILE_NAME), rows);
            AtomicFiles.write(folder.resolve(JMH_JSON), out -> {
                PrintStream print = new PrintStream(out, false, StandardCharsets.UTF_8);
                ResultFormatFactory.getInstance(ResultFormatType.JSON, print).writeOut(jmhResults);
                print.flush();
            });
            manifest.rows(rows.size());
            manifest.write(folder.resolve(RunManifest.FILE_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + folder + ": " + e.getMessage(), e);
        }
    }
}
