package tradeoffbench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;
import tradeoffbench.catalog.BenchmarkCatalog;
import tradeoffbench.catalog.UsageException;
import tradeoffbench.lookup.Lookup;
import tradeoffbench.targets.TargetMode;

/** A dataset that cannot fit is refused with the estimate before any server starts. */
class DiskSpaceTest {
    private static final BenchmarkCatalog CATALOG = BenchmarkCatalog.load();

    @Test
    void eachDistinctDatasetCountsOnceAndAHugeOneIsRefusedWithItsEstimate() {
        List<Trial> trials = TrialPlan.expand(List.of(new MethodRequest(CATALOG.find(Lookup.POSTGRES_PRIMARY_KEY)
                .orElseThrow(), Map.of("users", List.of("10000", "999999999")), List.of(1, 2),
                Set.of(Mode.SampleTime, Mode.Throughput))), Map.of(), List.of(), Set.of());
        long need = DiskSpace.estimate(trials);
        // 2 sizes × 2 thread counts × 2 modes = 8 trials, but two datasets: 10,000 and 999,999,999 users.
        assertThat(need).isEqualTo((10_000L + 999_999_999L) * 300);

        assertThatThrownBy(() -> DiskSpace.refuseIfTooBig(need, 79_000_000_000L, Path.of("/tmp"), TargetMode.EMBEDDED,
                "PointLookupBenchmark -p users=999999999"))
                .isInstanceOf(UsageException.class)
                .hasMessage("the datasets of this run need about 300.0 GB (largest: PointLookupBenchmark -p "
                        + "users=999999999) but only 79.0 GB are free in /tmp, where the embedded server keeps its "
                        + "data: choose smaller -p values, or name a server with --pg-url");
        assertThatCode(() -> DiskSpace.refuseIfTooBig(10_000L * 300, 79_000_000_000L, Path.of("/tmp"),
                TargetMode.EMBEDDED, "x")).doesNotThrowAnyException();
    }
}
