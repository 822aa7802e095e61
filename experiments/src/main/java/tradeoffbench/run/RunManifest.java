package tradeoffbench.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import tradeoffbench.results.AtomicFiles;
import tradeoffbench.targets.Endpoint;
import tradeoffbench.targets.Resolution;

/**
 * {@code run.json}: what was run, how, against what, and how it ended. Holds no password: URLs are masked and
 * the command line is masked before it gets here.
 */
public final class RunManifest {
    public static final String FILE_NAME = "run.json";
    /** 2: iterations.csv and forks.csv beside results.csv; intervals from forks and iterations. */
    public static final int SCHEMA = 2;

    public enum Status { RUNNING, COMPLETED, FAILED, INTERRUPTED }

    private final Map<String, Object> root = new LinkedHashMap<>();
    private final List<Map<String, String>> skipped = new ArrayList<>();
    private final List<Map<String, String>> failures = new ArrayList<>();
    private final Map<String, Object> targets = new LinkedHashMap<>();
    private final Map<String, Object> shards = new LinkedHashMap<>();

    public RunManifest(String runId, String startedAt, String gitSha, List<String> maskedCommand, String profile,
                       JmhSettings jmh, List<String> benchmarks, int trials) {
        root.put("schema", SCHEMA);
        root.put("run_id", runId);
        root.put("status", Status.RUNNING.name().toLowerCase());
        root.put("started_at", startedAt);
        root.put("finished_at", null);
        root.put("git_sha", gitSha);
        root.put("command", maskedCommand);
        root.put("profile", profile);
        if (jmh != null) {
            root.put("jmh", jmhSection(jmh));
        }
        root.put("benchmarks", benchmarks);
        root.put("trials", trials);
        root.put("targets", targets);
        root.put("servers", shards);
        root.put("skipped", skipped);
        root.put("failures", failures);
        Map<String, Object> environment = new LinkedHashMap<>();
        environment.put("machine", RunEnvironment.machine());
        environment.put("launcher_jvm", RunEnvironment.jvm());
        root.put("environment", environment);
    }

    private static Map<String, Object> jmhSection(JmhSettings jmh) {
        Map<String, Object> jmhMap = new LinkedHashMap<>();
        jmhMap.put("forks", jmh.forks());
        jmhMap.put("warmup_iterations", jmh.warmupIterations());
        jmhMap.put("warmup_time", jmh.warmupTime().toString());
        jmhMap.put("iterations", jmh.iterations());
        jmhMap.put("iteration_time", jmh.measurementTime().toString());
        jmhMap.put("schedule", "interleaved rounds: one fork of every trial per round, alternating direction");
        jmhMap.put("profilers", jmh.profilers());
        jmhMap.put("jvm_args", jmh.jvmArgs());
        return jmhMap;
    }

    /** Runs that are not JMH runs (the {@code cap} experiment): what they ran instead of JMH settings. */
    public synchronized void experiment(String name, Map<String, Object> settings) {
        Map<String, Object> experiment = new LinkedHashMap<>();
        experiment.put("name", name);
        experiment.put("settings", settings);
        root.put("experiment", experiment);
    }

    public synchronized void target(Resolution resolution, Endpoint endpoint) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("available", endpoint != null);
        t.put("mode", endpoint == null ? null : endpoint.mode().label());
        t.put("reason", resolution.reason());
        if (endpoint != null) {
            t.putAll(identity(endpoint));
        }
        targets.put(resolution.engine().label(), t);
    }

    /** A server besides an engine's main one ({@code pg.shard0}, a replica): its identity, as for the targets. */
    public synchronized void server(String name, Endpoint endpoint) {
        shards.put(name, identity(endpoint));
    }

    /** The share of the run's forks measured while processes outside the run used the CPU (see forks.csv). */
    public synchronized void disturbedForks(long disturbed, long forks) {
        root.put("disturbed_forks", disturbed);
        root.put("forks_measured", forks);
    }

    /** A server's identity as run.json records it: mode, version, URL (password masked) and settings. */
    public static Map<String, Object> identity(Endpoint endpoint) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("mode", endpoint.mode().label());
        identity.put("version", endpoint.version());
        identity.put("url", endpoint.maskedUrl());
        identity.put("settings", endpoint.settings());
        return identity;
    }

    public synchronized void skipped(String benchmark, String reason) {
        skipped.add(Map.of("benchmark", benchmark, "reason", reason));
    }

    /** A benchmark (short name, as rows name it) failed during {@code step} (its conditions and fork). */
    public synchronized void failed(String benchmark, String step, String reason) {
        failures.add(Map.of("benchmark", benchmark, "step", step, "reason", reason));
    }

    public synchronized void finish(Status status, String finishedAt) {
        root.put("status", status.name().toLowerCase());
        root.put("finished_at", finishedAt);
    }

    public synchronized void rows(int count) {
        root.put("result_rows", count);
    }

    public synchronized void write(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        byte[] json = mapper.writeValueAsBytes(root);
        AtomicFiles.write(file, out -> out.write(json));
    }
}
