package tradeoffbench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import tradeoffbench.claims.ChartSpec;
import tradeoffbench.claims.Claim;
import tradeoffbench.claims.Judgement;
import tradeoffbench.claims.Verdict;
import tradeoffbench.results.AtomicFiles;
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

    /** Judges each claim; a rule that throws becomes INCONCLUSIVE with the error, never a crash. */
    public static List<Verdicted> judge(RunFolder run, List<Claim> claims) {
        List<Verdicted> out = new ArrayList<>();
        for (Claim c : claims) {
            Judgement j;
            try {
                j = c.judge(run.claimRows());
            } catch (RuntimeException e) {
                j = Judgement.inconclusive("the rule could not read these rows: " + e);
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
        md.append("Judged from this folder's `results.csv` and `run.json` alone (`tradeoff-bench report <this folder>` ")
                .append("writes this file again). Run status: **").append(run.status()).append("**. ").append(profileLine(run))
                .append("\n\n");
        md.append("| claim | verdict | why |\n| --- | --- | --- |\n");
        for (Verdicted v : verdicts) {
            md.append("| [").append(v.claim().id()).append("](#").append(v.claim().id()).append(") | **")
                    .append(v.judgement().verdict()).append("** | ").append(cell(v.judgement().reason())).append(" |\n");
        }
        for (Verdicted v : verdicts) {
            Claim c = v.claim();
            Judgement j = v.judgement();
            md.append("\n## ").append(c.id()).append("\n\n");
            md.append("> ").append(c.quote()).append("\n>\n> — ").append(c.source()).append("\n\n");
            md.append("**Tested:** ").append(c.tested()).append("\n\n");
            md.append("**Verdict: ").append(j.verdict()).append("** — ").append(j.reason()).append("\n\n");
            if (!j.numbers().isEmpty()) {
                md.append("Numbers:\n\n");
                j.numbers().forEach(n -> md.append("- ").append(n).append('\n'));
                md.append('\n');
            }
            if (!j.details().isBlank()) {
                md.append(j.details().strip()).append("\n\n");
            }
            md.append("Caveats: ").append(caveats(run, c)).append("\n\n");
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
        return verdicts;
    }

    /** One line per verdict, for the console. */
    public static String summary(List<Verdicted> verdicts) {
        StringBuilder s = new StringBuilder();
        for (Verdicted v : verdicts) {
            s.append(String.format("%-20s %-13s %s%n", v.claim().id(), v.judgement().verdict(),
                    v.judgement().reason()));
        }
        return s.toString();
    }

    static String profileLine(RunFolder run) {
        JsonNode jmh = run.manifest().path("jmh");
        String line = "Profile **" + run.profile() + "**";
        if (!jmh.isMissingNode()) {
            line += " (" + jmh.path("forks").asInt() + " fork(s), " + jmh.path("warmup_iterations").asInt() + "×"
                    + jmh.path("warmup_seconds").asInt() + " s warmup, " + jmh.path("iterations").asInt() + "×"
                    + jmh.path("iteration_seconds").asInt() + " s measurement, threads " + jmh.path("threads") + ")";
        }
        return line + ("quick".equals(run.profile())
                ? ": a rehearsal's numbers with wide error bars; use `--profile full` for numbers to publish." : ".");
    }

    /** Targets (mode, version, durability settings) of the rows this claim reads, this machine, and known limits. */
    static String caveats(RunFolder run, Claim claim) {
        if (!claim.selection().measures()) {
            return "pure arithmetic; nothing measured, independent of this machine.";
        }
        List<Pattern> patterns = claim.selection().benchmarks().stream().map(Pattern::compile).toList();
        List<TidyRow> used = run.rows().stream().filter(r -> patterns.stream()
                .anyMatch(p -> p.matcher("tradeoffbench." + r.family() + "." + r.benchmark()).find())).toList();
        Set<String> parts = new LinkedHashSet<>();
        for (TidyRow r : used) {
            String durability = durability(r.settings());
            parts.add(r.target() + " " + r.targetMode() + " " + r.serverVersion()
                    + (durability.isEmpty() ? "" : " (" + durability + ")"));
        }
        java.util.Map<String, List<String>> skippedByReason = new java.util.LinkedHashMap<>();
        run.skipped().forEach((benchmark, reason) -> {
            if (patterns.stream().anyMatch(p -> p.matcher("." + benchmark).find())) {
                skippedByReason.computeIfAbsent(reason, r -> new ArrayList<>()).add(benchmark);
            }
        });
        skippedByReason.forEach((reason, benchmarks) -> parts.add("skipped " + String.join(", ", benchmarks) + " ("
                + reason + ")"));
        String machine = used.isEmpty() ? run.manifest().path("environment").path("machine").asText("")
                : used.get(0).machine();
        if (!machine.isEmpty()) {
            parts.add("this machine: " + machine + "; client and server share its cores, and a single connection's "
                    + "round trip includes waking an idle vCPU (~0.1 ms), so absolute latencies measure the VM more "
                    + "than the database while ratios between variants stay meaningful");
        }
        if (used.isEmpty()) {
            parts.add("no rows of this claim's benchmarks in this run");
        }
        return String.join("; ", parts) + ".";
    }

    /** The settings a reader of commit costs needs: durability and isolation, not every server knob. */
    static String durability(String settings) {
        if (settings == null || settings.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String entry : settings.split(";")) {
            String key = entry.contains("=") ? entry.substring(0, entry.indexOf('=')).toLowerCase() : entry;
            if (DURABILITY.stream().anyMatch(key::contains)) {
                kept.add(entry);
            }
        }
        return String.join(", ", kept);
    }

    private static final List<String> DURABILITY = List.of("fsync", "synchronous_commit", "full_page_writes",
            "transaction_isolation", "concern", "journal");

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
