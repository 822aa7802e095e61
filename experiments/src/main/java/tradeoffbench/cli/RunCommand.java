package tradeoffbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tradeoffbench.catalog.BenchmarkCatalog;
import tradeoffbench.catalog.UsageException;
import tradeoffbench.claims.Claim;
import tradeoffbench.claims.ClaimPlan;
import tradeoffbench.claims.Claims;
import tradeoffbench.run.JmhSettings;
import tradeoffbench.run.Profile;
import tradeoffbench.run.RunRequest;
import tradeoffbench.run.RunSession;
import tradeoffbench.targets.DockerProbe;
import tradeoffbench.targets.Secrets;

@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Provision the databases once, run the selected benchmarks with JMH, and write "
                + "results/<run-id>/ (results.csv, jmh.json, run.json).",
                "Name claims (see 'list', or 'all') to run only what they need and get results/<run-id>/verdicts.md "
                        + "with charts; or select benchmarks with --family / -b. With no selection every benchmark runs.",
                "JMH's own options pass through (-p -f -wi -w -i -r -t -prof) and win over a claim's values."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:completed", "1:a benchmark failed (completed rows are kept)",
                "2:bad input, or a target that cannot be reached", "130:interrupted (Ctrl-C; completed rows are kept)"})
final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "CLAIM", arity = "0..*",
            description = "Claims to test (ids from 'list'), or all. Writes verdicts.md and charts/ into the run folder.")
    List<String> claimNames = new ArrayList<>();

    @Option(names = {"-F", "--family"}, split = ",", paramLabel = "FAMILY",
            description = "Benchmark families to run (see 'list'), comma-separated.")
    List<String> families = new ArrayList<>();

    @Option(names = {"-b", "--benchmark"}, paramLabel = "REGEX",
            description = "Run benchmarks whose full name matches this regex (repeatable).")
    List<String> benchmarks = new ArrayList<>();

    @Option(names = "--profile", defaultValue = "quick", paramLabel = "PROFILE",
            description = "quick (1 fork, short iterations, 1 and 2 threads) or full (3 forks, longer). Default: ${DEFAULT-VALUE}.")
    String profile;

    @Option(names = "-p", paramLabel = "NAME=V1,V2", description = "Benchmark parameter values (repeatable).")
    List<String> params = new ArrayList<>();

    @Option(names = "-f", paramLabel = "N", description = "Forks (JMH -f).")
    Integer forks;

    @Option(names = "-wi", paramLabel = "N", description = "Warmup iterations (JMH -wi).")
    Integer warmupIterations;

    @Option(names = "-w", paramLabel = "SECONDS", description = "Warmup iteration time in seconds (JMH -w).")
    Integer warmupSeconds;

    @Option(names = "-i", paramLabel = "N", description = "Measurement iterations (JMH -i).")
    Integer iterations;

    @Option(names = "-r", paramLabel = "SECONDS", description = "Measurement iteration time in seconds (JMH -r).")
    Integer measurementSeconds;

    @Option(names = "-t", split = ",", paramLabel = "N", description = "Thread counts; one JMH pass each (e.g. -t 1,2).")
    List<Integer> threads;

    @Option(names = "-prof", paramLabel = "PROFILER", description = "JMH profiler, e.g. gc (repeatable).")
    List<String> profilers = new ArrayList<>();

    @Option(names = "--results-dir", defaultValue = "results", paramLabel = "DIR",
            description = "Where run folders are created. Default: ${DEFAULT-VALUE}.")
    Path resultsDir;

    @Mixin
    TargetArgs targets;

    private final String[] rawArgs;

    RunCommand(String[] rawArgs) {
        this.rawArgs = rawArgs;
    }

    @Override
    public Integer call() {
        Profile chosen = Profile.parse(profile);
        List<Claim> claims = claimNames.isEmpty() ? List.of() : Claims.load().select(claimNames);
        if (!claims.isEmpty() && !families.isEmpty()) {
            throw new UsageException("name claims or --family, not both (claims choose their own benchmarks; add "
                    + "others with -b)");
        }
        ClaimPlan plan = claims.isEmpty() ? null : ClaimPlan.of(claims, BenchmarkCatalog.load(), chosen);
        if (plan != null) {
            plan.notes().forEach(n -> System.out.println("note: " + n));
        }
        JmhSettings base = JmhSettings.of(chosen);
        Map<String, List<String>> parsedParams = new LinkedHashMap<>();
        if (plan != null) {
            parsedParams.putAll(plan.params());
        }
        params.forEach(p -> {
            var entry = JmhSettings.parseParam(p);
            parsedParams.put(entry.getKey(), entry.getValue());
        });
        List<Integer> threadCounts = threads != null ? threads
                : plan != null && !plan.threads().isEmpty() ? plan.threads() : base.threads();
        JmhSettings jmh = new JmhSettings(
                forks != null ? forks : base.forks(),
                warmupIterations != null ? warmupIterations : base.warmupIterations(),
                warmupSeconds != null ? warmupSeconds : base.warmupSeconds(),
                iterations != null ? iterations : base.iterations(),
                measurementSeconds != null ? measurementSeconds : base.measurementSeconds(),
                threadCounts, parsedParams, profilers);
        List<String> masked = Arrays.stream(rawArgs).map(Secrets::mask).toList();
        if (plan != null && !plan.measures() && benchmarks.isEmpty()) {
            return ClaimRun.arithmeticOnly(claims, chosen, jmh, resultsDir, masked, System.out);
        }
        List<String> patterns = new ArrayList<>(benchmarks);
        if (plan != null) {
            patterns.addAll(plan.benchmarks());
        }
        RunRequest request = new RunRequest(families, patterns, chosen, jmh, targets.toOptions(), resultsDir, masked);
        RunSession session = new RunSession(request, DockerProbe.testcontainers(), System.out);
        int exit = session.execute();
        if (plan != null && session.folder() != null) {
            ClaimRun.verdicts(session.folder(), claims, System.out);
        }
        return exit;
    }
}
