package tradeoffbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.stat.descriptive.StatisticalSummaryValues;
import org.apache.commons.math3.stat.inference.TTest;
import tradeoffbench.claims.Measure;
import tradeoffbench.claims.Relation;
import tradeoffbench.results.TidyRow;

/**
 * Two runs side by side: every row measured in both (same benchmark, target, params, threads, mode and metric) with
 * both scores, the ratio B/A, and whether the difference is significant. Welch's t-test (commons-math3) is used when
 * both rows carry an error and a sample count: JMH's error is the 99.9% confidence half-width t·s/√n, from which each
 * run's mean, variance and n are rebuilt. Otherwise the error intervals decide (apart = significant).
 */
public final class Comparison {
    /** Two-sided significance level of the Welch test. */
    public static final double ALPHA = 0.05;
    private static final double JMH_CONFIDENCE = 0.999;

    public record Line(String key, TidyRow a, TidyRow b, Double ratio, Significance significance) {
    }

    public record Significance(boolean significant, String how) {
    }

    private Comparison() {
    }

    public static List<Line> lines(RunFolder a, RunFolder b) {
        Map<String, TidyRow> left = index(a.rows());
        Map<String, TidyRow> right = index(b.rows());
        List<Line> lines = new ArrayList<>();
        left.forEach((key, ra) -> {
            TidyRow rb = right.get(key);
            if (rb == null) {
                lines.add(new Line(key, ra, null, null, null));
            } else {
                lines.add(new Line(key, ra, rb, rb.score() / ra.score(), significance(ra, rb)));
            }
        });
        right.forEach((key, rb) -> {
            if (!left.containsKey(key)) {
                lines.add(new Line(key, null, rb, null, null));
            }
        });
        return lines;
    }

    public static String markdown(RunFolder a, RunFolder b) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(b.runId()).append(" (B) vs ").append(a.runId()).append(" (A)\n\n");
        md.append("Significant: Welch's t-test at p < ").append(ALPHA).append(" rebuilt from each row's 99.9% error and ")
                .append("sample count, or, without them, error intervals that do not overlap.\n\n");
        List<Line> lines = new ArrayList<>(lines(a, b));
        long both = lines.stream().filter(l -> l.a() != null && l.b() != null).count();
        long significant = lines.stream().filter(l -> l.significance() != null && l.significance().significant()).count();
        md.append(both).append(" row(s) in both runs, ").append(significant).append(" significantly different; ")
                .append(lines.stream().filter(l -> l.b() == null).count()).append(" only in A, ")
                .append(lines.stream().filter(l -> l.a() == null).count()).append(" only in B (listed last).\n\n");
        // Rows measured in both first, then those only one run has.
        lines.sort(java.util.Comparator.comparingInt(l -> l.a() != null && l.b() != null ? 0 : l.b() == null ? 1 : 2));
        md.append("| benchmark | params | threads | mode | metric | unit | A | B | B/A | significant |\n");
        md.append("| --- | --- | ---: | --- | --- | --- | ---: | ---: | ---: | --- |\n");
        for (Line l : lines) {
            TidyRow any = l.a() != null ? l.a() : l.b();
            md.append("| ").append(any.benchmark()).append(target(any)).append(" | ")
                    .append(any.params().isEmpty() ? "-" : any.params().replace(";", ", ")).append(" | ")
                    .append(any.threads()).append(" | ").append(any.mode()).append(" | ").append(any.metric())
                    .append(" | ").append(any.unit()).append(" | ")
                    .append(l.a() == null ? "(not in A)" : score(l.a())).append(" | ")
                    .append(l.b() == null ? "(not in B)" : score(l.b())).append(" | ")
                    .append(l.ratio() == null ? "" : Measure.ratioText(l.ratio())).append(" | ")
                    .append(l.significance() == null ? "" : (l.significance().significant() ? "**yes** " : "no ")
                            + "(" + l.significance().how() + ")")
                    .append(" |\n");
        }
        return md.toString();
    }

    public static Significance significance(TidyRow a, TidyRow b) {
        Double p = welchP(a, b);
        if (p != null) {
            return new Significance(p < ALPHA, String.format(Locale.ROOT, "Welch p=%.3g", p));
        }
        Relation r = Measure.of(b).against(Measure.of(a));
        if (!Measure.of(a).hasInterval() || !Measure.of(b).hasInterval()) {
            return new Significance(false, "no error interval");
        }
        return new Significance(r != Relation.OVERLAP, r == Relation.OVERLAP ? "intervals overlap" : "intervals apart");
    }

    /** Welch's two-sided p-value, or null when a row lacks what the test needs. */
    static Double welchP(TidyRow a, TidyRow b) {
        StatisticalSummaryValues sa = summary(a);
        StatisticalSummaryValues sb = summary(b);
        if (sa == null || sb == null || (sa.getVariance() == 0 && sb.getVariance() == 0)) {
            return null;
        }
        try {
            return new TTest().tTest(sa, sb);
        } catch (MathIllegalArgumentException e) {
            return null;
        }
    }

    private static StatisticalSummaryValues summary(TidyRow r) {
        if (r.scoreError() == null || r.samples() == null || r.samples() < 2 || r.scoreError().isNaN()) {
            return null;
        }
        long n = r.samples();
        double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - JMH_CONFIDENCE) / 2);
        double standardError = r.scoreError() / t;
        double variance = standardError * standardError * n;
        return new StatisticalSummaryValues(r.score(), variance, n, Double.NaN, Double.NaN, r.score() * n);
    }

    private static Map<String, TidyRow> index(List<TidyRow> rows) {
        Map<String, TidyRow> byKey = new LinkedHashMap<>();
        rows.forEach(r -> byKey.put(String.join("|", r.benchmark(), r.target(), r.params(),
                String.valueOf(r.threads()), r.mode(), r.metric()), r));
        return byKey;
    }

    private static String target(TidyRow r) {
        return r.target() == null || r.target().isEmpty() ? "" : " (" + r.target() + ")";
    }

    private static String score(TidyRow r) {
        return Measure.number(r.score()) + (r.scoreError() == null ? "" : " ± " + Measure.number(r.scoreError()));
    }
}
