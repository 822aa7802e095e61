package tradeoffbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.openjdk.jmh.annotations.Mode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tradeoffbench.catalog.BenchmarkCatalog;
import tradeoffbench.catalog.BenchmarkMethod;
import tradeoffbench.catalog.UsageException;
import tradeoffbench.claims.Claim;
import tradeoffbench.claims.ClaimPlan;
import tradeoffbench.claims.Claims;
import tradeoffbench.run.Experiment;
import tradeoffbench.run.JmhSettings;
import tradeoffbench.run.MethodRequest;
import tradeoffbench.run.Profile;
import tradeoffbench.run.RunRequest;
import tradeoffbench.run.RunSession;
import tradeoffbench.run.Trial;
import tradeoffbench.run.TrialPlan;
import tradeoffbench.targets.DockerProbe;
import tradeoffbench.targets.Secrets;

@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Provision the databases once, measure the selected benchmarks with JMH — every trial in "
                + "forks, interleaved in rounds — and write results/<run-id>/ (results.csv, iterations.csv, forks.csv, "
                + "jmh.json, run.json).",
                "Name claims (see 'list', or 'all') to run only what they need and get results/<run-id>/verdicts.md "
                        + "with charts; or select benchmarks with --family / -b. With no selection every benchmark runs.",
                "JMH's own options pass through (-p -f -wi -w -i -r -t -bm -prof -jvmArgs) and win over a claim's values."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:completed", "1:a benchmark failed (completed rows are kept)",
                "2:bad input, or a target that cannot be reached", "130:interrupted (Ctrl-C; completed rows are kept)",
                "143:terminated (SIGTERM; completed rows are kept)"})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CLAIM", arity = "0..*",
            description = "Claims to test (ids from 'list', or all). Writes verdicts.md and charts/ into the run folder.")
    List<String> claimNames = new ArrayList<>();

    @Option(names = {"-F", "--family"}, split = ",", paramLabel = "FAMILY",
            description = "Benchmark families to run (see 'list'), comma-separated.")
    List<String> families = new ArrayList<>();

    @Option(names = {"-b", "--benchmark"}, paramLabel = "REGEX",
            description = "Run benchmarks whose full name matches this regex (repeatable).")
    List<String> benchmarks = new ArrayList<>();

    @Option(names = "-l", description = "List the benchmarks the selection matches, and exit (JMH -l).")
    boolean list;

    @Option(names = "-lp", description = "List the benchmarks the selection matches with their parameters, and exit "
            + "(JMH -lp).")
    boolean listWithParams;

    @Option(names = "--profile", defaultValue = "quick", paramLabel = "PROFILE",
            description = "quick (3 forks of short iterations per trial) or full (5 forks, longer iterations). "
                    + "Default: ${DEFAULT-VALUE}.")
    String profile;

    @Option(names = "-p", paramLabel = "NAME=V1,V2", description = "Benchmark parameter values (repeatable).")
    List<String> params = new ArrayList<>();

    @Option(names = "-f", paramLabel = "N", description = "Forks per trial (JMH -f); at least 2 for an interval.")
    Integer forks;

    @Option(names = "-wi", paramLabel = "N", description = "Warmup iterations (JMH -wi).")
    Integer warmupIterations;

    @Option(names = "-w", paramLabel = "TIME", description = "Warmup iteration time (JMH -w): 1s, 500ms, 2min, or seconds.")
    String warmupTime;

    @Option(names = "-i", paramLabel = "N", description = "Measurement iterations (JMH -i).")
    Integer iterations;

    @Option(names = "-r", paramLabel = "TIME", description = "Measurement iteration time (JMH -r): 1s, 500ms, 2min, or seconds.")
    String measurementTime;

    @Option(names = "-t", split = ",", paramLabel = "N", description = "Thread counts (e.g. -t 1,2): one trial each.")
    List<Integer> threads;

    @Option(names = "-bm", split = ",", paramLabel = "MODE",
            description = "Benchmark modes (JMH -bm): thrpt, sample, avgt, ss, all.")
    List<String> modes = new ArrayList<>();

    @Option(names = "-prof", paramLabel = "PROFILER", description = "JMH profiler, e.g. gc (repeatable).")
    List<String> profilers = new ArrayList<>();

    @Option(names = "-jvmArgs", paramLabel = "ARGS", description = "Extra JVM options of every fork (JMH -jvmArgs).")
    String jvmArgs;

    @Option(names = {"-v", "--verbose"}, description = "Show JMH's own output on the console (it is always in the "
            + "run folder's jmh.log).")
    boolean verbose;

    @Option(names = "--results-dir", defaultValue = "results", paramLabel = "DIR",
            description = "Where run folders are created. Default: ${DEFAULT-VALUE}.")
    Path resultsDir;

    private final String[] rawArgs;

    RunCommand(String[] rawArgs) {
        this.rawArgs = rawArgs;
    }

    @Override
    public Integer call() {
        Profile chosen = Profile.parse(profile);
        BenchmarkCatalog catalog = BenchmarkCatalog.load();
        List<Claim> claims = claimNames.isEmpty() ? List.of() : selectClaims(catalog);
        if (!claims.isEmpty() && !families.isEmpty()) {
            throw new UsageException("name claims or --family, not both (claims choose their own benchmarks; add "
                    + "others with -b)");
        }
        List<MethodRequest> requests = new ArrayList<>();
        List<String> experimentNames = new ArrayList<>();
        if (!claims.isEmpty()) {
            ClaimPlan plan = ClaimPlan.of(claims, catalog);
            plan.notes().forEach(n -> System.out.println("note: " + n));
            requests.addAll(plan.requests());
            experimentNames.addAll(plan.experiments());
        }
        if (claims.isEmpty() || !benchmarks.isEmpty()) {
            for (BenchmarkMethod m : catalog.select(families, benchmarks)) {
                if (requests.stream().noneMatch(r -> r.method().equals(m))) {
                    requests.add(new MethodRequest(m, Map.of(), chosen.threads(), m.modes()));
                }
            }
        }
        if (list || listWithParams) {
            System.out.println("Benchmarks:");
            requests.forEach(r -> System.out.print(listing(r.method(), listWithParams)));
            return 0;
        }
        Map<String, List<String>> userParams = new LinkedHashMap<>();
        params.forEach(p -> {
            var entry = JmhSettings.parseParam(p);
            userParams.put(entry.getKey(), entry.getValue());
        });
        JmhSettings.checkThreads(threads);
        List<Trial> trials = requests.isEmpty() ? List.of() : TrialPlan.expand(requests, userParams,
                threads == null ? List.of() : threads, parseModes(modes));
        JmhSettings base = JmhSettings.of(chosen);
        JmhSettings jmh = new JmhSettings(
                forks != null ? forks : base.forks(),
                warmupIterations != null ? warmupIterations : base.warmupIterations(),
                warmupTime != null ? JmhSettings.parseTime("-w", warmupTime) : base.warmupTime(),
                iterations != null ? iterations : base.iterations(),
                measurementTime != null ? JmhSettings.parseTime("-r", measurementTime) : base.measurementTime(),
                profilers, jvmArgs == null || jvmArgs.isBlank() ? List.of() : List.of(jvmArgs.trim().split("\\s+")));
        List<String> masked = Arrays.stream(rawArgs).map(Secrets::mask).toList();
        if (trials.isEmpty() && experimentNames.isEmpty()) {
            return ClaimRun.arithmeticOnly(claims, chosen, jmh, resultsDir, masked, System.out);
        }
        List<Experiment> experiments = experimentNames.stream().map(Experiments::named).toList();
        RunRequest request = new RunRequest(trials, experiments, chosen, jmh, TargetArgs.options(spec), resultsDir,
                masked, verbose);
        RunSession session = new RunSession(request, DockerProbe.testcontainers(), System.out);
        int exit = session.execute();
        if (!claims.isEmpty() && session.folder() != null) {
            ClaimRun.verdicts(session.folder(), claims, System.out);
        }
        return exit;
    }

    /** As JMH's {@code -l} / {@code -lp} print it: the full name, then {@code   param "users" = {10000, 1000000}}. */
    static String listing(BenchmarkMethod method, boolean withParams) {
        StringBuilder out = new StringBuilder(method.fullName()).append('\n');
        if (withParams) {
            method.params().forEach((name, values) -> out.append("  param \"").append(name).append("\" = {")
                    .append(String.join(", ", values)).append("}\n"));
        }
        return out.toString();
    }

    /**
     * The named claims; a word that is no claim but names benchmarks (a JMH user's positional regex) is told to use
     * {@code -b}.
     */
    private List<Claim> selectClaims(BenchmarkCatalog catalog) {
        Claims all = Claims.load();
        for (String name : claimNames) {
            if (!name.equals(Claims.ALL) && !all.ids().contains(name)) {
                List<BenchmarkMethod> matching;
                try {
                    matching = catalog.select(List.of(), List.of(name));
                } catch (UsageException notABenchmarkEither) {
                    matching = List.of();
                }
                if (!matching.isEmpty()) {
                    throw new UsageException("'" + name + "' is no claim, but it matches " + matching.size()
                            + " benchmark(s) (" + matching.get(0).shortName() + (matching.size() > 1 ? ", …" : "")
                            + "): did you mean -b " + name + "?");
                }
            }
        }
        return all.select(claimNames);
    }

    private static Set<Mode> parseModes(List<String> names) {
        Set<Mode> modes = EnumSet.noneOf(Mode.class);
        for (String name : names) {
            if (name.trim().equalsIgnoreCase("all")) {
                modes.addAll(List.of(Mode.Throughput, Mode.AverageTime, Mode.SampleTime, Mode.SingleShotTime));
                continue;
            }
            try {
                modes.add(Mode.deepValueOf(name.trim()));
            } catch (IllegalArgumentException e) {
                throw new UsageException("unknown benchmark mode '" + name + "' in -bm; valid: thrpt, avgt, sample, "
                        + "ss, all");
            }
        }
        return modes;
    }
}
