package tradeoffbench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import tradeoffbench.catalog.UsageException;
import tradeoffbench.claims.Rows;
import tradeoffbench.results.ResultsCsv;
import tradeoffbench.results.TidyRow;
import tradeoffbench.run.RunManifest;

/**
 * A saved run folder, read back: {@code run.json} (schema, profile, targets, skipped benchmarks, how it ended) and
 * {@code results.csv}. Anything missing, unreadable or from another schema is bad input: one line naming the
 * file and what is wrong.
 */
public record RunFolder(Path path, String runId, String status, String profile, JsonNode manifest,
                        List<TidyRow> rows, Map<String, String> skipped) {

    public static RunFolder open(Path path) {
        if (!Files.exists(path)) {
            throw new UsageException("run folder " + path + " does not exist");
        }
        if (!Files.isDirectory(path)) {
            throw new UsageException(path + " is not a run folder (not a directory)");
        }
        Path runJson = path.resolve(RunManifest.FILE_NAME);
        Path csv = path.resolve(ResultsCsv.FILE_NAME);
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
            throw new UsageException(runJson + " has no schema number: written by an older tradeoff-bench; this one "
                    + "reads schema " + RunManifest.SCHEMA);
        }
        if (schema.asInt() != RunManifest.SCHEMA) {
            throw new UsageException(runJson + " has schema " + schema.asInt() + "; this tradeoff-bench reads schema "
                    + RunManifest.SCHEMA + (schema.asInt() < RunManifest.SCHEMA ? " (an older run: re-run it)" : ""));
        }
        if (!Files.isRegularFile(csv)) {
            throw new UsageException("run folder " + path + " is incomplete: no " + ResultsCsv.FILE_NAME);
        }
        List<TidyRow> rows;
        try {
            rows = ResultsCsv.read(csv);
        } catch (IOException | RuntimeException e) {
            throw new UsageException(oneLine(e.getMessage() == null ? csv + ": unreadable" : e.getMessage()));
        }
        Map<String, String> skipped = new LinkedHashMap<>();
        manifest.path("skipped").forEach(s -> skipped.put(s.path("benchmark").asText(), s.path("reason").asText()));
        String runId = manifest.path("run_id").asText(path.getFileName().toString());
        return new RunFolder(path, runId, manifest.path("status").asText("unknown"),
                manifest.path("profile").asText("?"), manifest, List.copyOf(rows), skipped);
    }

    public Rows claimRows() {
        return new Rows(rows, skipped);
    }

    static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").trim();
    }
}
