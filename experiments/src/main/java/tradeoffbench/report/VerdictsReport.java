package tradeoffbench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import tradeoffbench.claims.ChartSpec;
import tradeoffbench.claims.Claim;
import tradeoffbench.claims.Judgement;
import tradeoffbench.claims.Evidence;
import tradeoffbench.claims.Verdict;
import tradeoffbench.family.BenchmarkName;
import tradeoffbench.results.AtomicFiles;
import tradeoffbench.results.ForkRow;
import tradeoffbench.results.TidyRow;

/**
 * Judges claims on a run folder and writes {@code verdicts.md} with the charts under {@code charts/}: per claim the
 * quote, the verdict, the numbers that decided it, the environment caveats and the chart. Everything comes from the
 * folder alone, so {@code report} on a saved folder writes the same file again.
 */
public final class VerdictsReport {
    public static final String FILE_NAME = "verdicts.md";
    public static final String CHARTS = "charts";

    public record Verdicted(Claim claim, Judgement judgement) {
    }

    private VerdictsReport() {
    }

    /**
     * Judges each claim; a rule that throws becomes INCONCLUSIVE with the error, never a crash. A run that did not
     * complete decides nothing: its verdicts are INCONCLUSIVE, with the failure as the reason (the numbers it did
     * measure are still shown).
     */
    public static List<Verdicted> judge(RunFolder run, List<Claim> claims) {
        Evidence evidence = run.evidence();
        List<Verdicted> out = new ArrayList<>();
        for (Claim c : claims) {
            Judgement j;
            try {
                j = c.judge(evidence);
            } catch (RuntimeException e) {
                j = Judgement.inconclusive("the rule could not read these rows: " + e);
            }
            if (!"completed".equals(run.status()) && j.basis() == Judgement.Basis.MEASURED && j.verdict() != Verdict.INCONCLUSIVE) {
                j = new Judgement(Verdict.INCONCLUSIVE, "the run " + run.status()
                        + (evidence.failures().isEmpty() ? "" : " (" + String.join("; ", evidence.failures()) + ")")
                        + ", so nothing it measured decides; what it measured said: " + j.verdict() + " — " + j.reason(),
                        j.numbers(), j.details(), j.charts(), j.caveats(), j.basis());
            }
            out.add(new Verdicted(c, j));
        }
        return out;
    }

    public static List<Verdicted> write(RunFolder run, List<Claim> claims) throws IOException {
        List<Verdicted> verdicts = judge(run, claims);
        Path chartDir = run.path().resolve(CHARTS);
        StringBuilder md = new StringBuilder();
        md.append("# Verdicts — run ").append(run.runId()).append("\n\n");
        md.append("Judged from this folder's `results.csv`, `iterations.csv` and `run.json` alone (`tradeoff-bench report <this folder>` ")
                .append("writes this file again). Run status: **").append(run.status()).append("**. ").append(profileLine(run))
                .append("\n\n");
        run.notes().forEach(n -> md.append("Note: ").append(n).append("\n\n"));
        md.append("| claim | verdict | why |\n| --- | --- | --- |\n");
        for (Verdicted v : verdicts) {
            md.append("| [").append(v.claim().id()).append("](#").append(v.claim().id()).append(") | **")
                    .append(word(v.judgement())).append("** | ").append(cell(v.judgement().reason())).append(" |\n");
        }
        for (Verdicted v : verdicts) {
            Claim c = v.claim();
            Judgement j = v.judgement();
            md.append("\n## ").append(c.id()).append("\n\n");
            md.append("> ").append(c.info().quote()).append("\n>\n> — ").append(c.info().source()).append("\n\n");
            md.append("**Tested:** ").append(c.info().tested()).append("\n\n");
            md.append("**Verdict: ").append(word(j)).append("** — ").append(j.reason()).append("\n\n");
            if (!j.numbers().isEmpty()) {
                md.append("Numbers:\n\n");
                j.numbers().forEach(n -> md.append("- ").append(n).append('\n'));
                md.append('\n');
            }
            if (!j.details().isBlank()) {
                md.append(j.details().strip()).append("\n\n");
            }
            md.append("Caveats: ").append(caveats(run, c, j)).append("\n\n");
            for (ChartSpec chart : j.charts()) {
                if (chart.series().isEmpty()) {
                    continue;
                }
                try {
                    Charts.write(chart, chartDir);
                    md.append("![").append(chart.title()).append("](").append(CHARTS).append('/')
                            .append(chart.name()).append(".png) ([SVG](").append(CHARTS).append('/')
                            .append(chart.name()).append(".svg))\n\n");
                } catch (IOException | RuntimeException e) {
                    md.append("(chart ").append(chart.name()).append(" could not be drawn: ")
                            .append(RunFolder.oneLine(e.getMessage())).append(")\n\n");
                }
            }
        }
        byte[] bytes = md.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(run.path().resolve(FILE_NAME), out -> out.write(bytes));
        HtmlReport.write(run, verdicts);
        return verdicts;
    }

    /** One line per verdict, for the console. */
    public static String summary(List<Verdicted> verdicts) {
        StringBuilder s = new StringBuilder();
        for (Verdicted v : verdicts) {
            s.append(String.format("%-20s %-13s %s%n", v.claim().id(), word(v.judgement()), v.judgement().reason()));
        }
        return s.toString();
    }

    /** The verdict as shown: an arithmetic claim's says so, so it is never read as a measurement. */
    public static String word(Judgement j) {
        return j.basis() == Judgement.Basis.ARITHMETIC ? j.verdict() + " (checked arithmetic)" : j.verdict().name();
    }

    static String profileLine(RunFolder run) {
        JsonNode jmh = run.manifest().path("jmh");
        String line = "Profile **" + run.profile() + "**";
        if (!jmh.isMissingNode()) {
            line += " (" + jmh.path("forks").asInt() + " fork(s) per trial, interleaved; "
                    + jmh.path("warmup_iterations").asInt() + " × " + jmh.path("warmup_time").asText("?") + " warmup, "
                    + jmh.path("iterations").asInt() + " × " + jmh.path("iteration_time").asText("?") + " measured)";
        }
        return line + ". Intervals are 95%, from forks and iterations (docs/STATISTICS.md)"
                + ("quick".equals(run.profile()) ? "; quick decides large effects: use `--profile full` for narrower "
                + "intervals." : ".");
    }

    /**
     * Targets (mode, version, durability settings) of the rows this claim reads, skipped benchmarks, this machine,
     * outside load during its forks, and what the rule itself found (e.g. a benchmark that did not reach a steady
     * state).
     */
    static String caveats(RunFolder run, Claim claim, Judgement judgement) {
        Set<String> parts = new LinkedHashSet<>(judgement.caveats());
        if (judgement.basis() == Judgement.Basis.ARITHMETIC) {
            parts.add("checked arithmetic: nothing was measured, so it holds on every machine");
            return String.join("; ", parts) + ".";
        }
        Set<BenchmarkName> names = new LinkedHashSet<>();
        claim.selection().benchmarks().forEach(w -> names.add(w.benchmark()));
        Set<String> families = new LinkedHashSet<>(claim.selection().experiments());
        List<TidyRow> used = run.rows().stream().filter(r -> names.contains(r.benchmark())
                || families.contains(r.family())).toList();
        for (TidyRow r : used) {
            String durability = durability(r.target().settings());
            parts.add(r.target().name() + " " + r.target().mode() + " " + r.target().version()
                    + (durability.isEmpty() ? "" : " (" + durability + ")"));
        }
        notSteady(run, used).forEach(parts::add);
        java.util.Map<String, List<String>> skippedByReason = new java.util.LinkedHashMap<>();
        run.skipped().forEach((benchmark, reason) -> {
            if (names.stream().anyMatch(n -> n.shortName().equals(benchmark))) {
                skippedByReason.computeIfAbsent(reason, r -> new ArrayList<>()).add(benchmark);
            }
        });
        skippedByReason.forEach((reason, benchmarks) -> parts.add("skipped " + String.join(", ", benchmarks) + " ("
                + reason + ")"));
        List<ForkRow> forks = run.forks().stream().filter(f -> names.contains(f.benchmark())).toList();
        long disturbed = forks.stream().filter(f -> (f.outsideCores() != null && f.outsideCores() > 0.25)
                || (f.stealPercent() != null && f.stealPercent() > 5)).count();
        if (disturbed > 0) {
            double worst = forks.stream().filter(f -> f.outsideCores() != null).mapToDouble(ForkRow::outsideCores)
                    .max().orElse(0);
            parts.add("measured under outside load: " + disturbed + " of " + forks.size() + " forks ran while other "
                    + "processes used more than a quarter of a core (up to " + String.format(java.util.Locale.ROOT,
                    "%.2f", worst) + " cores) or the hypervisor stole over 5%; intervals include it, but rerun on a "
                    + "quiet machine before quoting");
        }
        String machine = used.isEmpty() ? run.manifest().path("environment").path("machine").asText("")
                : used.get(0).run().machine();
        if (!machine.isEmpty()) {
            parts.add("this machine: " + machine + "; client and server share its cores, and a single connection's "
                    + "round trip includes waking an idle vCPU (~0.1 ms), so absolute latencies measure the VM more "
                    + "than the database while ratios between variants measured side by side stay meaningful");
        }
        if (used.isEmpty()) {
            parts.add("no rows of this claim's benchmarks in this run");
        }
        return String.join("; ", parts) + ".";
    }

    /**
     * A trial whose primary score still moved across its measured iterations (warm-up too short, a table filling
     * with dead rows): shown, with its drift, so nobody quotes it as a steady state.
     */
    static List<String> notSteady(RunFolder run, List<TidyRow> used) {
        java.util.Map<tradeoffbench.results.Summaries.Key, List<tradeoffbench.results.IterationRow>> iterations =
                tradeoffbench.results.Summaries.group(run.iterations());
        List<String> out = new ArrayList<>();
        for (TidyRow r : used) {
            if (!r.metric().isPrimary() || !Boolean.FALSE.equals(r.summary().steady())) {
                continue;
            }
            var key = new tradeoffbench.results.Summaries.Key(r.benchmark(), r.conditions(), r.mode(), r.metric());
            List<tradeoffbench.results.IterationRow> rows = iterations.get(key);
            String drift = rows == null ? "" : String.format(java.util.Locale.ROOT, " (%+.0f%% over its measured "
                    + "iterations)", tradeoffbench.stats.SteadyState.of(tradeoffbench.results.Summaries.repetitions(rows))
                    .driftPercent());
            out.add("not steady: " + r.benchmark().shortName() + " (" + r.conditions().text() + ", " + r.mode() + ") "
                    + r.metric().name() + " still trended" + drift);
        }
        return out;
    }

    /** The settings a reader of commit costs needs: durability and isolation, not every server knob. */
    static String durability(java.util.Map<String, String> settings) {
        List<String> kept = new ArrayList<>();
        settings.forEach((key, value) -> {
            if (DURABILITY.stream().anyMatch(key.toLowerCase()::contains)) {
                kept.add(key + "=" + value);
            }
        });
        return String.join(", ", kept);
    }

    private static final List<String> DURABILITY = List.of("fsync", "synchronous_commit", "full_page_writes",
            "transaction_isolation", "concern", "journal");

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
