package tradeoffbench.claims.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tradeoffbench.claims.ChartData;
import tradeoffbench.claims.Claim;
import tradeoffbench.claims.Judgement;
import tradeoffbench.claims.Measure;
import tradeoffbench.claims.Rows;
import tradeoffbench.claims.Selection;
import tradeoffbench.claims.Verdict;

/**
 * The nines table, computed (a 365-day year; a month is a twelfth of it; a week is 7 days), and the seed's
 * "99.99% = 53 minutes" checked against it. Pure arithmetic: always decidable, nothing to run.
 */
public final class NinesClaim implements Claim {
    static final List<Double> AVAILABILITIES = List.of(99.0, 99.9, 99.95, 99.99, 99.999);
    static final double CHECKED = 99.99;
    static final double SEED_MINUTES_PER_YEAR = 53;
    /** The seed states whole minutes: the computed value must round to them. */
    static final double TOLERANCE_MINUTES = 0.5;
    static final double MINUTES_PER_YEAR = 365 * 24 * 60;

    @Override
    public String id() {
        return "nines";
    }

    @Override
    public int order() {
        return 9;
    }

    @Override
    public String quote() {
        return "99.99% = 53 minutes down time per year";
    }

    @Override
    public String source() {
        return "seed, \"Numbers\", \"High availability\"";
    }

    @Override
    public String tested() {
        return "Downtime = (1 − availability) × period, for a 365-day year: SUPPORTED when 99.99% gives 53 minutes "
                + "per year to the minute (|computed − 53| ≤ 0.5), else REFUTED.";
    }

    @Override
    public Selection selection() {
        return Selection.none();
    }

    public static double downtimeMinutesPerYear(double availabilityPercent) {
        return (1 - availabilityPercent / 100) * MINUTES_PER_YEAR;
    }

    @Override
    public Judgement judge(Rows rows) {
        StringBuilder table = new StringBuilder("| availability | downtime per year | per month | per week |\n"
                + "| --- | ---: | ---: | ---: |\n");
        Map<String, Measure> perYear = ChartData.ordered();
        for (double a : AVAILABILITIES) {
            double year = downtimeMinutesPerYear(a);
            table.append("| ").append(percent(a)).append(" | ").append(duration(year)).append(" | ")
                    .append(duration(year / 12)).append(" | ").append(duration(year * 7 / 365)).append(" |\n");
            perYear.put(percent(a), Measure.exact(year, "min"));
        }
        double checked = downtimeMinutesPerYear(CHECKED);
        List<String> numbers = new ArrayList<>();
        numbers.add(String.format(Locale.ROOT, "99.99%%: (1 − 0.9999) × 525,600 min = %.2f min per year (seed: 53)",
                checked));
        var chart = ChartData.bars("nines", "Downtime allowed per year by availability", "availability",
                "downtime per year (minutes, log scale)", Map.of("downtime per year", perYear), true);
        boolean matches = Math.abs(checked - SEED_MINUTES_PER_YEAR) <= TOLERANCE_MINUTES;
        return new Judgement(matches ? Verdict.SUPPORTED : Verdict.REFUTED, String.format(Locale.ROOT,
                "99.99%% allows %.2f minutes of downtime per year, which %s the seed's 53", checked,
                matches ? "rounds to" : "does not match"), numbers, table.toString(), List.of(chart));
    }

    static String percent(double a) {
        return (a == Math.rint(a) ? String.format(Locale.ROOT, "%.0f", a) : String.valueOf(a)) + "%";
    }

    /** {@code 3.65 days}, {@code 8.77 hours}, {@code 52.56 minutes}, {@code 6.05 seconds}. */
    static String duration(double minutes) {
        if (minutes >= 24 * 60) {
            return String.format(Locale.ROOT, "%.2f days", minutes / (24 * 60));
        }
        if (minutes >= 60) {
            return String.format(Locale.ROOT, "%.2f hours", minutes / 60);
        }
        if (minutes >= 1) {
            return String.format(Locale.ROOT, "%.2f minutes", minutes);
        }
        return String.format(Locale.ROOT, "%.2f seconds", minutes * 60);
    }
}
