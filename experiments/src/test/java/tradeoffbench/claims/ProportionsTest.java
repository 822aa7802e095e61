package tradeoffbench.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProportionsTest {

    @Test
    void aHigherShareGivesAPositiveZAndEqualSharesGiveZero() {
        // 400 of 6,400 vs 5 of 9,005: pooled p = 405/15,405; z = (0.0625 − 0.000555) / sqrt(p(1−p)(1/6400 + 1/9005))
        double pooled = 405.0 / 15405;
        double expected = (400.0 / 6400 - 5.0 / 9005) / Math.sqrt(pooled * (1 - pooled) * (1.0 / 6400 + 1.0 / 9005));
        assertThat(Proportions.z(400, 6400, 5, 9005)).isCloseTo(expected, within(1e-9)).isGreaterThan(3.29);
        assertThat(Proportions.z(5, 9005, 400, 6400)).isCloseTo(-expected, within(1e-9));
        assertThat(Proportions.z(10, 1000, 10, 1000)).isZero();
        assertThat(Proportions.z(0, 1000, 0, 1000)).isZero();
        assertThat(Proportions.z(1, 0, 1, 10)).isZero();
    }
}
