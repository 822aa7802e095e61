package tradeoffbench.claims.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tradeoffbench.claims.ChartData;
import tradeoffbench.claims.Claim;
import tradeoffbench.claims.Judgement;
import tradeoffbench.claims.ClaimInfo;
import tradeoffbench.claims.Evidence;
import tradeoffbench.claims.Selection;
import tradeoffbench.claims.Verdict;
import tradeoffbench.stats.Estimate;

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
    public ClaimInfo info() {
        return new ClaimInfo("nines", 9, "99.99% = 53 minutes down time per year", "seed, \"Numbers\", \"High availability\"",
                "Checked arithmetic, nothing measured: downtime = (1 − availability) × period, for a 365-day year; "
                        + "SUPPORTED when 99.99% gives 53 minutes per year to the minute (|computed − 53| ≤ 0.5), "
                        + "else REFUTED.");
    }

    @Override
    public Selection selection() {
        return Selection.none();
    }

    public static double downtimeMinutesPerYear(double availabilityPercent) {
        return (1 - availabilityPercent / 100) * MINUTES_PER_YEAR;
    }

    @Override
    public Judgement judge(Evidence evidence) {
        return judge(SEED_MINUTES_PER_YEAR);
    }

    /** The rule, for any stated downtime (the seed states 53 minutes). */
    static Judgement judge(double statedMinutesPerYear) {
        StringBuilder table = new StringBuilder("| availability | downtime per year | per month | per week |\n"
                + "| --- | ---: | ---: | ---: |\n");
        Map<String, Estimate> perYear = ChartData.ordered();
        for (double a : AVAILABILITIES) {
            double year = downtimeMinutesPerYear(a);
            table.append("| ").append(percent(a)).append(" | ").append(duration(year)).append(" | ")
                    .append(duration(year / 12)).append(" | ").append(duration(year * 7 / 365)).append(" |\n");
            perYear.put(percent(a), Estimate.exact(year, "min"));
        }
        double checked = downtimeMinutesPerYear(CHECKED);
        List<String> numbers = new ArrayList<>();
        numbers.add(String.format(Locale.ROOT, "99.99%%: (1 − 0.9999) × 525,600 min = %.2f min per year (seed: %s)",
                checked, Estimate.number(statedMinutesPerYear)));
        Map<ChartData.Key, Map<String, Estimate>> series = ChartData.ordered();
        series.put(ChartData.Key.named("downtime per year"), perYear);
        var chart = ChartData.logBars("nines", "Downtime allowed per year by availability (arithmetic)",
                "availability", "downtime per year (minutes, log scale)", series);
        boolean matches = Math.abs(checked - statedMinutesPerYear) <= TOLERANCE_MINUTES;
        return new Judgement(matches ? Verdict.SUPPORTED : Verdict.REFUTED, String.format(Locale.ROOT,
                "99.99%% allows %.2f minutes of downtime per year, which %s the seed's %s", checked,
                matches ? "rounds to" : "does not match", Estimate.number(statedMinutesPerYear)), numbers,
                table.toString(), List.of(chart), List.of(), Judgement.Basis.ARITHMETIC);
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
