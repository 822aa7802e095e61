package tradeoffbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The hierarchical bootstrap on synthetic runs with a known answer: forks that differ from each other (a JVM's own
 * level: JIT decisions, memory layout) and iterations that scatter inside a fork, as real runs do. Over many seeded
 * draws a 95% interval must contain the true value about 95% of the time — neither the ~50% that pooled samples gave,
 * nor the 100% of resampling iterations inside forks too (their scatter counted twice), which would hide real effects.
 */
class BootstrapTest {
    private static final int DRAWS = 400;
    private static final double TRUE_MEAN = 100;
    private static final double FORK_SD = 6;
    private static final double ITERATION_SD = 4;

    @Test
    void theMeansIntervalCoversTheTrueMeanAboutNinetyFivePercentOfTheTime() {
        for (int forks : new int[] {3, 5}) {
            SplittableRandom random = new SplittableRandom(42 + forks);
            int covered = 0;
            for (int d = 0; d < DRAWS; d++) {
                Estimate e = Bootstrap.mean(run(random, TRUE_MEAN, forks, 6));
                if (e.low() <= TRUE_MEAN && TRUE_MEAN <= e.high()) {
                    covered++;
                }
            }
            assertThat(covered / (double) DRAWS).as("coverage with %d forks", forks).isBetween(0.91, 0.99);
        }
    }

    @Test
    void aPairedRatioCoversTheTrueRatioAndIsNarrowerThanAnUnpairedOne() {
        SplittableRandom random = new SplittableRandom(7);
        int covered = 0;
        double pairedWidth = 0;
        double unpairedWidth = 0;
        for (int d = 0; d < DRAWS; d++) {
            // Both variants measured in the same 4 rounds: a round's background load hits both alike.
            double[][] a = new double[4][6];
            double[][] b = new double[4][6];
            for (int f = 0; f < 4; f++) {
                double round = random.nextGaussian() * FORK_SD;
                for (int i = 0; i < 6; i++) {
                    a[f][i] = 1.2 * (TRUE_MEAN + round) + random.nextGaussian() * ITERATION_SD;
                    b[f][i] = TRUE_MEAN + round + random.nextGaussian() * ITERATION_SD;
                }
            }
            Estimate paired = Bootstrap.ratio(Repetitions.of("us/op", a), Repetitions.of("us/op", b));
            Estimate unpaired = Bootstrap.independentRatio(Repetitions.of("us/op", a), Repetitions.of("us/op", b));
            if (paired.low() <= 1.2 && 1.2 <= paired.high()) {
                covered++;
            }
            pairedWidth += paired.high() - paired.low();
            unpairedWidth += unpaired.high() - unpaired.low();
        }
        assertThat(covered / (double) DRAWS).isBetween(0.91, 0.985);
        assertThat(pairedWidth).isLessThan(unpairedWidth * 0.7);
    }

    @Test
    void oneForkGivesNoIntervalAndTheSameDataGiveTheSameInterval() {
        Repetitions one = Repetitions.of("us/op", new double[] {10, 11, 12});
        assertThat(Bootstrap.mean(one).hasInterval()).isFalse();
        assertThat(Bootstrap.mean(one).value()).isCloseTo(11, within(1e-9));

        Repetitions r = run(new SplittableRandom(3), 50, 3, 5);
        assertThat(Bootstrap.mean(r)).isEqualTo(Bootstrap.mean(r));
    }

    @Test
    void theScoreIsTheMeanOfForkMeansAndAPositiveQuantitysIntervalStaysAboveZero() {
        Repetitions r = Repetitions.of("us/op", new double[] {1, 1, 1, 1}, new double[] {10}, new double[] {2, 2});
        Estimate e = Bootstrap.mean(r);
        assertThat(e.value()).isCloseTo((1 + 10 + 2) / 3.0, within(1e-9));
        assertThat(e.low()).isPositive();
        assertThat(e.forks()).isEqualTo(3);
        assertThat(e.iterations()).isEqualTo(7);

        Repetitions counts = Repetitions.of("#", new double[] {0, 0, 3}, new double[] {0, 0, 0}, new double[] {0, 1, 0});
        assertThat(Bootstrap.mean(counts).low()).isZero();
    }

    @Test
    void anyStatisticOfSeveralTrialsGetsItsInterval() {
        SplittableRandom random = new SplittableRandom(11);
        int covered = 0;
        for (int d = 0; d < DRAWS; d++) {
            Repetitions a = run(random, 30, 4, 6);
            Repetitions b = run(random, 10, 4, 6);
            Estimate difference = Bootstrap.of(List.of(a, b), m -> m[0] - m[1], "us/op");
            if (difference.low() <= 20 && 20 <= difference.high()) {
                covered++;
            }
        }
        assertThat(covered / (double) DRAWS).isBetween(0.91, 0.985);
        Estimate undefined = Bootstrap.of(List.of(run(random, 30, 4, 6)), m -> m[0] / 0.0, "×");
        assertThat(undefined.hasInterval()).isFalse();
    }

    /** {@code forks} forks of {@code iterations} iterations: fork level N(mean, FORK_SD), iterations ± ITERATION_SD. */
    static Repetitions run(SplittableRandom random, double mean, int forks, int iterations) {
        double[][] values = new double[forks][iterations];
        for (int f = 0; f < forks; f++) {
            double level = mean + random.nextGaussian() * FORK_SD * mean / TRUE_MEAN;
            for (int i = 0; i < iterations; i++) {
                values[f][i] = level + random.nextGaussian() * ITERATION_SD * mean / TRUE_MEAN;
            }
        }
        return Repetitions.of("us/op", values);
    }
}
