package tradeoffbench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitsTest {

    @ParameterizedTest
    @CsvSource({
        "ops/ms, 14.9, ops/s, 14900",
        "ops/us, 0.01, ops/s, 10000",
        "ops/s, 5, ops/s, 5",
        "ms/op, 0.054, us/op, 54",
        "ns/op, 1500, us/op, 1.5",
        "s/op, 0.002, us/op, 2000",
        "MB/sec, 12.5, MB/sec, 12.5",
        "B/op, 48, B/op, 48",
    })
    void normalizesThroughputToOpsPerSecondAndLatencyToMicroseconds(String unit, double value, String expectedUnit,
                                                                     double expected) {
        Units.Normalized n = Units.normalize(unit);
        assertThat(n.unit()).isEqualTo(expectedUnit);
        assertThat(n.apply(value)).isCloseTo(expected, within(1e-9 * Math.max(1, expected)));
    }
}
