package tradeoffbench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one key picker of every family: its distributions, its seeds, its pairs and its errors. */
class KeysTest {
    private static final int KEYS = 1_000;
    private static final int DRAWS = 200_000;

    @ParameterizedTest
    @ValueSource(strings = {"uniform", "zipf0.5", "zipf0.99", "zipf1.2"})
    void drawsStayInRangeAndRepeatForTheSameSeed(String skew) {
        Keys a = Keys.of(skew, KEYS, 42);
        Keys b = Keys.of(skew, KEYS, 42);
        for (int i = 0; i < 10_000; i++) {
            long key = a.next();
            assertThat(key).isBetween(1L, (long) KEYS).isEqualTo(b.next());
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
        long[] counts = histogram("uniform");
        long min = LongStream.of(counts).skip(1).min().orElseThrow();
        long max = LongStream.of(counts).max().orElseThrow();
        assertThat(min).isGreaterThan(DRAWS / KEYS / 2);
        assertThat(max).isLessThan(DRAWS / KEYS * 2);
    }

    @Test
    void celebrityGetsItsShareAndEveryoneElseIsUniform() {
        Keys keys = Keys.of("celebrity", 1000, 30, 1);
        int celebrity = 0;
        for (int i = 0; i < DRAWS; i++) {
            long k = keys.next();
            assertThat(k).isBetween(1L, 1000L);
            celebrity += k == Keys.CELEBRITY ? 1 : 0;
        }
        assertThat(celebrity / (double) DRAWS).isBetween(0.29, 0.31);
        assertThat(keys.celebrityProbability()).isEqualTo(0.30);
    }

    @Test
    void zipfMakesKeyOneTheHottestWithTheExpectedProbability() {
        Keys keys = Keys.of("zipf0.99", 10_000, 2);
        long[] counts = new long[10_001];
        for (int i = 0; i < DRAWS; i++) {
            counts[(int) keys.next()]++;
        }
        double expected = keys.celebrityProbability();
        assertThat(expected).isBetween(0.09, 0.12);
        assertThat(counts[1] / (double) DRAWS).isBetween(expected * 0.95, expected * 1.05);
        assertThat(counts[1]).isGreaterThan(counts[2]).isGreaterThan(counts[100]);
    }

    @Test
    void aPairHoldsTwoDifferentKeysEvenWithTwoKeysAndHighSkew() {
        Keys keys = Keys.of("zipf1.2", 2, 1);
        for (int i = 0; i < 1_000; i++) {
            long[] pair = keys.nextPair();
            assertThat(pair[0]).isNotEqualTo(pair[1]);
            assertThat(pair).containsAnyOf(1L, 2L);
        }
    }

    @Test
    void anUnknownSkewIsAOneLineErrorListingTheForms() {
        assertThatThrownBy(() -> Keys.of("zipfy", KEYS, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'zipfy'").hasMessageContaining("uniform").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> Keys.of("zipf-1", KEYS, 1)).hasMessageContaining("'zipf-1'");
        assertThatThrownBy(() -> Keys.of("pareto", 100, 1)).hasMessageContaining("uniform, zipf<theta>");
        assertThatThrownBy(() -> Keys.of("celebrity", 100, 0, 1)).hasMessageContaining("celebrity share");
    }

    private static double shareOfKeyOne(String skew) {
        return histogram(skew)[1] / (double) DRAWS;
    }

    private static long[] histogram(String skew) {
        Keys keys = Keys.of(skew, KEYS, 7);
        long[] counts = new long[KEYS + 1];
        for (int i = 0; i < DRAWS; i++) {
            counts[(int) keys.next()]++;
        }
        return counts;
    }
}
