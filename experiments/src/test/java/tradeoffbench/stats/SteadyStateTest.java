package tradeoffbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The trend test: a warm-up that ended too early, or a table filling with dead rows, is flagged; noise is not. */
class SteadyStateTest {

    @Test
    void aLatencyThatStillFallsIsNotSteady() {
        SteadyState s = SteadyState.of(trend(-0.04, 0.01, 1));
        assertThat(s.steady()).isFalse();
        // 4% of the first iteration per step is 4.7% of the mean: -33% over seven steps.
        assertThat(s.driftPercent()).isCloseTo(-32.5, within(3.0));
        assertThat(s.p()).isLessThan(0.01);
    }

    @Test
    void aWriteThatSlowsAsDeadRowsPileUpIsNotSteady() {
        assertThat(SteadyState.of(trend(0.03, 0.01, 2)).steady()).isFalse();
    }

    @Test
    void noiseAroundAFlatLevelIsSteadyAndATinyTrendIsNotMaterial() {
        SplittableRandom random = new SplittableRandom(5);
        int flagged = 0;
        for (int d = 0; d < 200; d++) {
            double[][] values = new double[3][8];
            for (int f = 0; f < 3; f++) {
                double level = 100 + 10 * random.nextGaussian();
                for (int i = 0; i < 8; i++) {
                    values[f][i] = level * (1 + 0.05 * random.nextGaussian());
                }
            }
            if (Boolean.FALSE.equals(SteadyState.of(Repetitions.of("us/op", values)).steady())) {
                flagged++;
            }
        }
        assertThat(flagged).as("flat runs flagged of 200").isLessThanOrEqualTo(6);
        // Significant but small: 0.2% per iteration is 1.4% over the span, not worth a caveat.
        assertThat(SteadyState.of(trend(0.002, 0.0001, 3)).steady()).isTrue();
    }

    @Test
    void tooFewIterationsCannotTell() {
        assertThat(SteadyState.of(Repetitions.of("us/op", new double[] {1, 2}, new double[] {2, 3})).steady()).isNull();
    }

    /** 3 forks × 8 iterations, each at its own level, changing by {@code perIteration} (relative) per iteration. */
    private static Repetitions trend(double perIteration, double noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] values = new double[3][8];
        for (int f = 0; f < 3; f++) {
            double level = 100 * (1 + 0.1 * f);
            for (int i = 0; i < 8; i++) {
                values[f][i] = level * (1 + perIteration * i) * (1 + noise * random.nextGaussian());
            }
        }
        return Repetitions.of("us/op", values);
    }
}
