package tradeoffbench.atomicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BalanceCheckTest {

    @Test
    void aSafeVariantThatLostMoneyFailsNamingTheBenchmarkAndBothTotals() {
        assertThatThrownBy(() -> new BalanceCheck("PostgresTransferBenchmark.explicitTransaction", true, 1000, 990, 0)
                .verify())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PostgresTransferBenchmark.explicitTransaction")
                .hasMessageContaining("expected total 1000").hasMessageContaining("found 990")
                .hasMessageNotContaining("\n");
    }

    @Test
    void anUnsafeVariantReportsItsDriftButFailsWhenTheDetectorSawNothing() {
        assertThat(new BalanceCheck("X.unsafeReadModifyWrite", false, 1000, 1042, 3).verify())
                .contains("difference 42").contains("anomalies counted this trial: 3");
        assertThatThrownBy(() -> new BalanceCheck("X.unsafeReadModifyWrite", false, 1000, 1042, 0).verify())
                .hasMessageContaining("detector missed");
        assertThat(new BalanceCheck("X.singleStatement", true, 1000, 1000, 0).verify()).contains("difference 0");
    }

    @Test
    void shortNameKeepsClassAndMethod() {
        assertThat(BalanceCheck.shortName("tradeoffbench.atomicity.PostgresTransferBenchmark.singleStatement"))
                .isEqualTo("PostgresTransferBenchmark.singleStatement");
    }
}
