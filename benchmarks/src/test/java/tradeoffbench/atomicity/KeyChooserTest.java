package tradeoffbench.atomicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyChooserTest {
    private static final int KEYS = 1_000;
    private static final int DRAWS = 200_000;

    @ParameterizedTest
    @ValueSource(strings = {"uniform", "zipf0.5", "zipf0.99", "zipf1.2"})
    void drawsStayInRangeAndRepeatForTheSameSeed(String skew) {
        KeyChooser a = KeyChooser.of(skew, KEYS, 42);
        KeyChooser b = KeyChooser.of(skew, KEYS, 42);
        for (int i = 0; i < 10_000; i++) {
            int key = a.next();
            assertThat(key).isBetween(1, KEYS).isEqualTo(b.next());
        }
    }

    @Test
    void theHottestKeyGetsMoreOfTheDrawsAsThetaGrows() {
        double uniform = shareOfKeyOne("uniform");
        double half = shareOfKeyOne("zipf0.5");
        double zipf099 = shareOfKeyOne("zipf0.99");
        double zipf12 = shareOfKeyOne("zipf1.2");
        assertThat(uniform).isLessThan(half);
        assertThat(half).isLessThan(zipf099);
        assertThat(zipf099).isLessThan(zipf12);
        // Expected shares of key 1 over 1000 keys: 1/1000, 1/H(1000, θ) = ~0.016 (θ 0.5), ~0.13 (0.99), ~0.23 (1.2).
        assertThat(uniform).isBetween(0.0005, 0.0015);
        assertThat(zipf099).isBetween(0.11, 0.15);
        assertThat(zipf12).isBetween(0.21, 0.25);
    }

    @Test
    void uniformDrawsAreRoughlyFlat() {
        int[] counts = histogram("uniform");
        int min = IntStream.of(counts).skip(1).min().orElseThrow();
        int max = IntStream.of(counts).max().orElseThrow();
        assertThat(min).isGreaterThan(DRAWS / KEYS / 2);
        assertThat(max).isLessThan(DRAWS / KEYS * 2);
    }

    @Test
    void aPairHoldsTwoDifferentAccountsEvenWithTwoKeysAndHighSkew() {
        KeyChooser chooser = KeyChooser.of("zipf1.2", 2, 1);
        for (int i = 0; i < 1_000; i++) {
            int[] pair = chooser.nextPair();
            assertThat(pair[0]).isNotEqualTo(pair[1]);
            assertThat(pair).containsAnyOf(1, 2);
        }
    }

    @Test
    void anUnknownSkewIsAOneLineErrorListingTheForms() {
        assertThatThrownBy(() -> KeyChooser.of("zipfy", KEYS, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'zipfy'").hasMessageContaining("uniform").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> KeyChooser.of("zipf-1", KEYS, 1)).hasMessageContaining("'zipf-1'");
    }

    private static double shareOfKeyOne(String skew) {
        return histogram(skew)[1] / (double) DRAWS;
    }

    private static int[] histogram(String skew) {
        KeyChooser chooser = KeyChooser.of(skew, KEYS, 7);
        int[] counts = new int[KEYS + 1];
        for (int i = 0; i < DRAWS; i++) {
            counts[chooser.next()]++;
        }
        return counts;
    }
}
