package tradeoffbench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatasetFingerprintTest {

    @Test
    void namesOneTablePerSizeAndRecordsGeneratorVersionSeedAndSize() {
        DatasetFingerprint fp = DatasetFingerprint.users(42, 10_000);
        assertThat(fp.name()).isEqualTo("users_10000");
        assertThat(fp.value()).isEqualTo("users/v" + UserGenerator.VERSION + "/seed=42/n=10000");
    }

    @Test
    void anyChangeOfSeedSizeOrVersionChangesTheFingerprint() {
        DatasetFingerprint base = DatasetFingerprint.users(42, 10_000);
        assertThat(DatasetFingerprint.users(43, 10_000).value()).isNotEqualTo(base.value());
        assertThat(DatasetFingerprint.users(42, 10_001).value()).isNotEqualTo(base.value());
        assertThat(new DatasetFingerprint("users", UserGenerator.VERSION + 1, 42, 10_000).value())
                .isNotEqualTo(base.value());
    }

    @Test
    void rejectsEmptyOrNegativeSizes() {
        assertThatThrownBy(() -> DatasetFingerprint.users(1, 0)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> DatasetFingerprint.users(1, -5)).hasMessageContaining("at least 1");
    }
}
