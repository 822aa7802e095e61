package tradeoffbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LegendNamesTest {

    @Test
    void conditionsSharedByEverySeriesMoveToTheAxisTitle() {
        LegendNames legend = LegendNames.of(List.of(
                "accounts=1000, isolation=READ_COMMITTED, skew=uniform, threads=2",
                "accounts=1000, isolation=SERIALIZABLE, skew=uniform, threads=2",
                "accounts=1000, isolation=SERIALIZABLE, skew=zipf0.99, threads=2"));
        assertThat(legend.names()).containsExactly("READ_COMMITTED, uniform", "SERIALIZABLE, uniform",
                "SERIALIZABLE, zipf0.99");
        assertThat(legend.axisTitle("variant"))
                .isEqualTo("variant (series: isolation, skew; all: accounts=1000, threads=2)");
    }

    @Test
    void plainNamesAndSingleSeriesStayAsTheyAre() {
        assertThat(LegendNames.of(List.of("routed by userId", "scatter-gather")).names())
                .containsExactly("routed by userId", "scatter-gather");
        assertThat(LegendNames.of(List.of("users=10, threads=2")).names()).containsExactly("users=10, threads=2");
        assertThat(LegendNames.of(List.of("a=1", "a=1")).axisTitle("x")).isEqualTo("x");
    }
}
