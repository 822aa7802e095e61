package tradeoffbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tradeoffbench.claims.ChartSpec;
import tradeoffbench.results.Conditions;

class LegendNamesTest {

    @Test
    void conditionsSharedByEverySeriesMoveToTheAxisTitle() {
        LegendNames legend = LegendNames.of(List.of(
                of(Map.of("accounts", "1000", "isolation", "READ_COMMITTED", "skew", "uniform"), 2),
                of(Map.of("accounts", "1000", "isolation", "SERIALIZABLE", "skew", "uniform"), 2),
                of(Map.of("accounts", "1000", "isolation", "SERIALIZABLE", "skew", "zipf0.99"), 2)));
        assertThat(legend.names()).containsExactly("READ_COMMITTED, uniform", "SERIALIZABLE, uniform",
                "SERIALIZABLE, zipf0.99");
        assertThat(legend.axisTitle("variant"))
                .isEqualTo("variant (series: isolation, skew; all: accounts=1000, threads=2)");
    }

    @Test
    void threadsThatDifferStayInTheLegend() {
        LegendNames legend = LegendNames.of(List.of(of(Map.of("users", "10"), 1), of(Map.of("users", "10"), 2)));
        assertThat(legend.names()).containsExactly("threads=1", "threads=2");
        assertThat(legend.axisTitle("x")).isEqualTo("x (series: threads; all: users=10)");
    }

    @Test
    void plainNamesAndSingleSeriesStayAsTheyAre() {
        assertThat(LegendNames.of(List.of(named("routed by userId"), named("scatter-gather"))).names())
                .containsExactly("routed by userId", "scatter-gather");
        assertThat(LegendNames.of(List.of(of(Map.of("users", "10"), 2))).names())
                .containsExactly("users=10, threads=2");
        assertThat(LegendNames.of(List.of(of(Map.of("a", "1"), 1), of(Map.of("a", "1"), 1))).axisTitle("x"))
                .isEqualTo("x");
    }

    private static ChartSpec.Series of(Map<String, String> params, int threads) {
        Conditions c = Conditions.of(params, threads);
        return new ChartSpec.Series(c.text(), c, List.of("a"), List.of(1.0), List.of(1.0), List.of(1.0));
    }

    private static ChartSpec.Series named(String name) {
        return new ChartSpec.Series(name, null, List.of("a"), List.of(1.0), List.of(1.0), List.of(1.0));
    }
}
