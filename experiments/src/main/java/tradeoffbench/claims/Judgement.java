package tradeoffbench.claims;

import java.util.ArrayList;
import java.util.List;

/**
 * A claim's verdict with what decided it: a one-line reason, the numbers (Markdown list items), an optional
 * Markdown block (e.g. a table), and the charts.
 */
public record Judgement(Verdict verdict, String reason, List<String> numbers, String details, List<ChartSpec> charts) {

    public Judgement {
        numbers = List.copyOf(numbers);
        details = details == null ? "" : details;
        charts = List.copyOf(charts);
    }

    public Judgement(Verdict verdict, String reason, List<String> numbers, List<ChartSpec> charts) {
        this(verdict, reason, numbers, "", charts);
    }

    public static Judgement inconclusive(String reason) {
        return new Judgement(Verdict.INCONCLUSIVE, reason, List.of(), List.of());
    }

    /** The same verdict with more numbers and charts attached (e.g. evidence gathered before a rule gave up). */
    public Judgement with(List<String> moreNumbers, List<ChartSpec> moreCharts) {
        List<String> n = new ArrayList<>(moreNumbers);
        n.addAll(numbers);
        List<ChartSpec> c = new ArrayList<>(charts);
        c.addAll(moreCharts);
        return new Judgement(verdict, reason, n, details, c);
    }
}
