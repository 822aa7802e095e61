package tradeoffbench.report;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import tradeoffbench.claims.ChartSpec;
import tradeoffbench.claims.Judgement;
import tradeoffbench.results.AtomicFiles;

/**
 * {@code report.html}: the verdicts as one self-contained page — the verdict table, each claim's quote, rule,
 * numbers with their intervals, caveats and charts (inline SVG), the run's identity and how to reproduce it. Filled
 * from the same judgements as {@code verdicts.md}, through one escaped template ({@code report.html.mustache}).
 */
public final class HtmlReport {
    public static final String FILE_NAME = "report.html";
    private static final Mustache TEMPLATE = new DefaultMustacheFactory().compile("report.html.mustache");

    record Page(String runId, String status, String profile, String startedAt, String gitSha, String machine,
                String method, List<String> notes, List<ClaimView> claims, String command, List<String> servers) {
    }

    record ClaimView(String id, String verdict, String word, String reason, String quote, String source,
                     String tested, List<String> numbers, String details, String caveats, List<Figure> charts) {
        public boolean hasNumbers() {
            return !numbers.isEmpty();
        }
    }

    record Figure(String title, String svg) {
    }

    private HtmlReport() {
    }

    /** Writes {@code report.html} beside the charts {@link VerdictsReport} drew; returns its path. */
    public static Path write(RunFolder run, List<VerdictsReport.Verdicted> verdicts) throws IOException {
        List<ClaimView> claims = new ArrayList<>();
        for (VerdictsReport.Verdicted v : verdicts) {
            Judgement j = v.judgement();
            List<Figure> figures = new ArrayList<>();
            for (ChartSpec chart : j.charts()) {
                Path svg = run.path().resolve(VerdictsReport.CHARTS).resolve(chart.name() + ".svg");
                if (!chart.series().isEmpty() && Files.isRegularFile(svg)) {
                    figures.add(new Figure(chart.title(), inline(Files.readString(svg, StandardCharsets.UTF_8))));
                }
            }
            claims.add(new ClaimView(v.claim().id(), j.verdict().name(), VerdictsReport.word(j), j.reason(),
                    v.claim().info().quote(), v.claim().info().source(), v.claim().info().tested(), j.numbers(),
                    j.details().isBlank() ? null : j.details().strip(), VerdictsReport.caveats(run, v.claim(), j),
                    figures));
        }
        var m = run.manifest();
        List<String> command = new ArrayList<>(List.of("java", "-jar", "experiments/target/tradeoff-bench.jar"));
        m.path("command").forEach(c -> command.add(c.asText()));
        Set<String> servers = new LinkedHashSet<>();
        run.rows().forEach(r -> servers.add(r.target().name() + " " + r.target().version() + " ("
                + r.target().mode() + (r.target().settings().isEmpty() ? "" : "; "
                + VerdictsReport.durability(r.target().settings())) + ")"));
        Page page = new Page(run.runId(), run.status(), run.profile(), m.path("started_at").asText(""),
                m.path("git_sha").asText(""), m.path("environment").path("machine").asText(""),
                VerdictsReport.profileLine(run).replace("**", "").replace("`", ""), run.notes(), claims, String.join(" ", command),
                List.copyOf(servers));
        StringWriter html = new StringWriter();
        TEMPLATE.execute(html, page).flush();
        byte[] bytes = html.toString().getBytes(StandardCharsets.UTF_8);
        Path file = run.path().resolve(FILE_NAME);
        AtomicFiles.write(file, out -> out.write(bytes));
        return file;
    }

    /** An SVG file as an element of the page: without its XML declaration and DOCTYPE. */
    static String inline(String svgFile) {
        int start = svgFile.indexOf("<svg");
        return start < 0 ? "" : svgFile.substring(start);
    }
}
