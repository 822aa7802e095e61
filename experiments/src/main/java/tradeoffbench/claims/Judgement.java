package tradeoffbench.claims;

import java.util.ArrayList;
import java.util.List;

/**
 * A claim's verdict with what decided it: a one-line reason, the numbers (Markdown list items), an optional Markdown
 * block (e.g. a table), the charts, caveats the rule found in the data (a trend, outside load), and on what it rests:
 * measurements, or checked arithmetic (nothing measured).
 */
public record Judgement(Verdict verdict, String reason, List<String> numbers, String details, List<ChartSpec> charts,
                        List<String> caveats, Basis basis) {

    /** What a verdict rests on. */
    public enum Basis {
        MEASURED,
        /** Arithmetic checked, nothing measured: said so beside the verdict, never presented as a measurement. */
        ARITHMETIC
    }

    public Judgement {
        numbers = List.copyOf(numbers);
        details = details == null ? "" : details;
        charts = List.copyOf(charts);
        caveats = List.copyOf(caveats);
    }

    public Judgement(Verdict verdict, String reason, List<String> numbers, List<ChartSpec> charts) {
        this(verdict, reason, numbers, "", charts, List.of(), Basis.MEASURED);
    }

    public static Judgement inconclusive(String reason) {
        return new Judgement(Verdict.INCONCLUSIVE, reason, List.of(), List.of());
    }

    /** The same verdict with more numbers and charts in front (evidence gathered before a rule gave up). */
    public Judgement with(List<String> moreNumbers, List<ChartSpec> moreCharts) {
        List<String> n = new ArrayList<>(moreNumbers);
        n.addAll(numbers);
        List<ChartSpec> c = new ArrayList<>(charts);
        c.addAll(moreCharts);
        return new Judgement(verdict, reason, n, details, c, caveats, basis);
    }

    /** The same verdict with caveats added. */
    public Judgement withCaveats(List<String> more) {
        List<String> c = new ArrayList<>(caveats);
        more.stream().filter(x -> !c.contains(x)).forEach(c::add);
        return new Judgement(verdict, reason, numbers, details, charts, c, basis);
    }

    public Judgement withDetails(String markdown) {
        return new Judgement(verdict, reason, numbers, markdown, charts, caveats, basis);
    }

    public Judgement asArithmetic() {
        return new Judgement(verdict, reason, numbers, details, charts, caveats, Basis.ARITHMETIC);
    }
}
