package tradeoffbench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import tradeoffbench.results.IterationRow;
import tradeoffbench.results.Summaries;
import tradeoffbench.results.TidyRow;
import tradeoffbench.stats.Bootstrap;
import tradeoffbench.stats.Estimate;
import tradeoffbench.stats.Relation;

/**
 * Two runs side by side: every metric measured in both (same benchmark, conditions, mode and metric) with both
 * scores, the ratio B/A with its 95% interval from both runs' repetitions (the same hierarchical bootstrap the
 * verdicts use, forks resampled independently since the runs are), and "differs" when that interval excludes 1. Two
 * runs of the same code on a quiet machine should differ in about 5% of rows. Before the table, one line for every
 * condition that differs between the runs (server versions, modes, settings, machine, JVM), and a line when both are
 * the same run.
 */
public final class Comparison {

    public record Line(Summaries.Key key, TidyRow a, TidyRow b, Estimate ratio) {
        /** The interval of B/A excludes 1. */
        public boolean differs() {
            return ratio != null && ratio.against(1.0) != Relation.OVERLAP;
        }
    }

    private Comparison() {
    }

    public static List<Line> lines(RunFolder a, RunFolder b) {
        Map<Summaries.Key, TidyRow> left = index(a.rows());
        Map<Summaries.Key, TidyRow> right = index(b.rows());
        Map<Summaries.Key, List<IterationRow>> itA = Summaries.group(a.iterations());
        Map<Summaries.Key, List<IterationRow>> itB = Summaries.group(b.iterations());
        List<Line> lines = new ArrayList<>();
        left.forEach((key, ra) -> {
            TidyRow rb = right.get(key);
            if (rb == null) {
                lines.add(new Line(key, ra, null, null));
            } else {
                Estimate ratio = itA.containsKey(key) && itB.containsKey(key)
                        ? Bootstrap.independentRatio(Summaries.repetitions(itB.get(key)),
                        Summaries.repetitions(itA.get(key)))
                        : Estimate.pointOnly(rb.score() / ra.score(), "×", 0, 0);
                lines.add(new Line(key, ra, rb, ratio));
            }
        });
        right.forEach((key, rb) -> {
            if (!left.containsKey(key)) {
                lines.add(new Line(key, null, rb, null));
            }
        });
        return lines;
    }

    /** One line per condition the two runs do not share. */
    public static List<String> warnings(RunFolder a, RunFolder b) {
        List<String> warnings = new ArrayList<>();
        if (a.path().toAbsolutePath().normalize().equals(b.path().toAbsolutePath().normalize())
                || a.runId().equals(b.runId())) {
            warnings.add("A and B are the same run (" + a.runId() + "): every ratio is 1 by construction, and "
                    + "nothing here says how much two runs differ");
        }
        differs(warnings, "git sha", a.manifest().path("git_sha").asText(), b.manifest().path("git_sha").asText());
        differs(warnings, "profile", a.profile(), b.profile());
        differs(warnings, "machine", a.manifest().path("environment").path("machine").asText(),
                b.manifest().path("environment").path("machine").asText());
        differs(warnings, "JVM", jvms(a), jvms(b));
        differsIn(warnings, "targets (engine, mode, version)", targets(a), targets(b));
        differsIn(warnings, "server settings", settings(a), settings(b));
        if (a.iterations().isEmpty() || b.iterations().isEmpty()) {
            warnings.add("a folder without iterations.csv: its rows have no repetitions, so no difference is judged");
        }
        return warnings;
    }

    public static String markdown(RunFolder a, RunFolder b) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(b.runId()).append(" (B) vs ").append(a.runId()).append(" (A)\n\n");
        List<String> warnings = warnings(a, b);
        warnings.forEach(w -> md.append("Warning: ").append(w).append(".\n"));
        if (!warnings.isEmpty()) {
            md.append('\n');
        }
        md.append("Differs: the 95% interval of B/A, from both runs' forks (bootstrap, docs/STATISTICS.md), ")
                .append("excludes 1. Two runs of the same code differ in about 5% of the rows that have an interval, ")
                .append("by chance.\n\n");
        List<Line> lines = new ArrayList<>(lines(a, b));
        long both = lines.stream().filter(l -> l.a() != null && l.b() != null).count();
        long judged = lines.stream().filter(l -> l.ratio() != null && l.ratio().hasInterval()).count();
        long differing = lines.stream().filter(Line::differs).count();
        md.append(both).append(" row(s) in both runs, ").append(judged).append(" with an interval, of which ")
                .append(differing).append(" differ");
        if (judged > 0) {
            md.append(String.format(java.util.Locale.ROOT, " (%.1f%%)", 100.0 * differing / judged));
        }
        md.append("; ").append(lines.stream().filter(l -> l.b() == null).count()).append(" only in A, ")
                .append(lines.stream().filter(l -> l.a() == null).count()).append(" only in B (listed last).\n\n");
        lines.sort(Comparator.comparingInt(l -> l.a() != null && l.b() != null ? 0 : l.b() == null ? 1 : 2));
        md.append("| benchmark | conditions | mode | metric | unit | A | B | B/A | differs |\n");
        md.append("| --- | --- | --- | --- | --- | ---: | ---: | ---: | --- |\n");
        for (Line l : lines) {
            TidyRow any = l.a() != null ? l.a() : l.b();
            md.append("| ").append(any.benchmark().shortName()).append(" | ").append(any.conditions().text())
                    .append(" | ").append(any.mode()).append(" | ").append(any.metric().name()).append(" | ")
                    .append(any.unit()).append(" | ")
                    .append(l.a() == null ? "(not in A)" : score(l.a())).append(" | ")
                    .append(l.b() == null ? "(not in B)" : score(l.b())).append(" | ")
                    .append(l.ratio() == null ? "" : l.ratio().ratioText()).append(" | ")
                    .append(l.ratio() == null ? "" : l.ratio().hasInterval() ? (l.differs() ? "**yes**" : "no")
                            : "no interval").append(" |\n");
        }
        return md.toString();
    }

    private static void differs(List<String> warnings, String what, String a, String b) {
        if (!Objects.equals(a, b)) {
            warnings.add("the runs differ in " + what + ": A " + (a.isEmpty() ? "-" : a) + ", B " + (b.isEmpty() ? "-" : b));
        }
    }

    /** Sets that differ are shown by what only one side has, not listed whole. */
    private static void differsIn(List<String> warnings, String what, Set<String> a, Set<String> b) {
        if (a.equals(b)) {
            return;
        }
        Set<String> onlyA = new java.util.TreeSet<>(a);
        onlyA.removeAll(b);
        Set<String> onlyB = new java.util.TreeSet<>(b);
        onlyB.removeAll(a);
        warnings.add("the runs differ in " + what + ": only A has " + (onlyA.isEmpty() ? "-" : String.join(", ", onlyA))
                + "; only B has " + (onlyB.isEmpty() ? "-" : String.join(", ", onlyB)));
    }

    private static String jvms(RunFolder run) {
        Set<String> jvms = new LinkedHashSet<>();
        run.rows().forEach(r -> {
            if (r.jvm() != null && !r.jvm().isEmpty()) {
                jvms.add(r.jvm());
            }
        });
        return String.join(", ", jvms);
    }

    private static Set<String> targets(RunFolder run) {
        Set<String> targets = new java.util.TreeSet<>();
        run.rows().forEach(r -> targets.add(r.target().name() + " " + r.target().mode() + " " + r.target().version()));
        return targets;
    }

    private static Set<String> settings(RunFolder run) {
        Set<String> settings = new java.util.TreeSet<>();
        run.rows().forEach(r -> r.target().settings().forEach((k, v) -> settings.add(k + "=" + v)));
        return settings;
    }

    private static Map<Summaries.Key, TidyRow> index(List<TidyRow> rows) {
        Map<Summaries.Key, TidyRow> byKey = new LinkedHashMap<>();
        rows.forEach(r -> byKey.put(new Summaries.Key(r.benchmark(), r.conditions(), r.mode(), r.metric()), r));
        return byKey;
    }

    private static String score(TidyRow r) {
        return Estimate.number(r.score()) + (r.summary().low() == null ? ""
                : " (" + Estimate.number(r.summary().low()) + "–" + Estimate.number(r.summary().high()) + ")");
    }
}
