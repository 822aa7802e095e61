package tradeoffbench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import tradeoffbench.catalog.UsageException;
import tradeoffbench.claims.Evidence;
import tradeoffbench.results.ForkRow;
import tradeoffbench.results.ForksCsv;
import tradeoffbench.results.IterationRow;
import tradeoffbench.results.IterationsCsv;
import tradeoffbench.results.ResultsCsv;
import tradeoffbench.results.TidyRow;
import tradeoffbench.run.RunManifest;

/**
 * A saved run folder, read back: {@code run.json} (schema, profile, targets, skipped benchmarks, how it ended),
 * {@code results.csv}, and the repetitions behind its intervals ({@code iterations.csv}, {@code forks.csv}). A folder
 * of schema 1 (before repetitions were kept) is read with a note and decides nothing; anything missing, unreadable
 * or of an unknown schema is bad input: one line naming the file and what is wrong.
 *
 * @param notes one line each about what the folder lacks
 */
public record RunFolder(Path path, String runId, String status, String profile, JsonNode manifest,
                        List<TidyRow> rows, List<IterationRow> iterations, List<ForkRow> forks,
                        Map<String, String> skipped, List<String> notes) {

    public static RunFolder open(Path path) {
        if (!Files.exists(path)) {
            throw new UsageException("run folder " + path + " does not exist");
        }
        if (!Files.isDirectory(path)) {
            throw new UsageException(path + " is not a run folder (not a directory)");
        }
        Path runJson = path.resolve(RunManifest.FILE_NAME);
        if (!Files.isRegularFile(runJson)) {
            throw new UsageException("run folder " + path + " is incomplete: no " + RunManifest.FILE_NAME);
        }
        JsonNode manifest;
        try {
            manifest = new ObjectMapper().readTree(runJson.toFile());
        } catch (IOException e) {
            throw new UsageException(runJson + " is not valid JSON: " + oneLine(e.getMessage()));
        }
        if (manifest == null || !manifest.isObject()) {
            throw new UsageException(runJson + " is not a tradeoff-bench run manifest");
        }
        JsonNode schema = manifest.get("schema");
        if (schema == null || !schema.canConvertToInt()) {
            throw new UsageException(runJson + " has no schema number: not a tradeoff-bench run folder, or from a "
                    + "version before schema 1; this one reads schemas 1 to " + RunManifest.SCHEMA);
        }
        if (schema.asInt() < 1 || schema.asInt() > RunManifest.SCHEMA) {
            throw new UsageException(runJson + " has schema " + schema.asInt() + "; this tradeoff-bench reads schemas "
                    + "1 to " + RunManifest.SCHEMA + (schema.asInt() > RunManifest.SCHEMA ? " (a newer run: update)" : ""));
        }
        if (!Files.isRegularFile(path.resolve(ResultsCsv.FILE_NAME))) {
            throw new UsageException("run folder " + path + " is incomplete: no " + ResultsCsv.FILE_NAME);
        }
        List<String> notes = new ArrayList<>();
        String status = manifest.path("status").asText("unknown");
        if (status.equals("running") || status.equals("killed")) {
            notes.add("this run's launcher died before it finished (run.json says " + status + "): the folder holds "
                    + "what was measured until then, and nothing it measured decides a claim");
        }
        List<TidyRow> rows;
        List<IterationRow> iterations = List.of();
        List<ForkRow> forks = List.of();
        try {
            rows = ResultsCsv.read(path);
            if (IterationsCsv.exists(path)) {
                iterations = IterationsCsv.read(path);
            } else {
                notes.add("this folder has no " + IterationsCsv.FILE_NAME + " (schema " + schema.asInt()
                        + ", made before repetitions were kept): its numbers are shown, no interval is computed, no measured "
                        + "claim is decided");
            }
            if (ForksCsv.exists(path)) {
                forks = ForksCsv.read(path);
            }
        } catch (IOException | RuntimeException e) {
            throw new UsageException(oneLine(e.getMessage() == null ? path + ": unreadable" : e.getMessage()));
        }
        Map<String, String> skipped = new LinkedHashMap<>();
        manifest.path("skipped").forEach(s -> skipped.put(s.path("benchmark").asText(), s.path("reason").asText()));
        String runId = manifest.path("run_id").asText(path.getFileName().toString());
        return new RunFolder(path, runId, manifest.path("status").asText("unknown"),
                manifest.path("profile").asText("?"), manifest, List.copyOf(rows), List.copyOf(iterations),
                List.copyOf(forks), skipped, notes);
    }

    /** What claims judge. */
    public Evidence evidence() {
        List<String> failures = new ArrayList<>();
        manifest.path("failures").forEach(f -> failures.add(f.path("benchmark").asText() + ": "
                + f.path("reason").asText()));
        return new Evidence(rows, iterations, skipped, status, failures, IterationsCsv.exists(path));
    }

    static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").trim();
    }
}
