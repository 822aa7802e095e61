package tradeoffbench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.TimeValue;
import tradeoffbench.catalog.UsageException;

class JmhSettingsTest {

    @Test
    void everyProfileHasEnoughForksForAnInterval() {
        for (Profile p : Profile.values()) {
            assertThat(JmhSettings.of(p).forks()).as(p.label()).isGreaterThanOrEqualTo(3);
        }
        assertThat(JmhSettings.of(Profile.FULL).iterationSeconds())
                .isGreaterThan(JmhSettings.of(Profile.QUICK).iterationSeconds());
        assertThat(Profile.parse("FULL")).isEqualTo(Profile.FULL);
        assertThatThrownBy(() -> Profile.parse("fast")).isInstanceOf(UsageException.class)
                .hasMessage("unknown profile 'fast'; valid profiles: quick, full");
    }

    @Test
    void timesUseJmhsOwnSpellings() {
        assertThat(JmhSettings.parseTime("-r", "500ms").convertTo(TimeUnit.MILLISECONDS)).isEqualTo(500);
        assertThat(JmhSettings.parseTime("-r", "2s").convertTo(TimeUnit.MILLISECONDS)).isEqualTo(2000);
        assertThat(JmhSettings.parseTime("-w", "1min").convertTo(TimeUnit.SECONDS)).isEqualTo(60);
        assertThat(JmhSettings.parseTime("-r", "3").convertTo(TimeUnit.SECONDS)).isEqualTo(3);
        assertThatThrownBy(() -> JmhSettings.parseTime("iteration time (-r)", "soon"))
                .isInstanceOf(UsageException.class)
                .hasMessage("invalid iteration time (-r) 'soon': expected a time such as 1s, 500ms or 2min");
    }

    @Test
    void absurdCountsAreOneLineUsageErrors() {
        assertThatThrownBy(() -> settings(0, 1)).isInstanceOf(UsageException.class)
                .hasMessage("forks (-f) must be between 1 and 50, got 0");
        assertThatThrownBy(() -> settings(2, 0)).hasMessage("iterations (-i) must be between 1 and 200, got 0");
        assertThatThrownBy(() -> new JmhSettings(2, 1, TimeValue.milliseconds(1), 1, TimeValue.seconds(1), List.of(),
                List.of())).hasMessageStartingWith("warmup time (-w) must be between 10ms and 3600s");
        assertThatThrownBy(() -> JmhSettings.checkThreads(List.of(-2)))
                .hasMessage("threads (-t) must be between 1 and 256, got -2");
        assertThatThrownBy(() -> JmhSettings.checkThreads(List.of(100_000))).hasMessageContaining("threads (-t)");
    }

    @Test
    void paramsAreParsedAsJmhWritesThem() {
        assertThat(JmhSettings.parseParam("users=10,20")).isEqualTo(Map.entry("users", List.of("10", "20")));
        assertThatThrownBy(() -> JmhSettings.parseParam("users")).hasMessageContaining("malformed -p 'users'");
        assertThatThrownBy(() -> JmhSettings.parseParam("=5")).isInstanceOf(UsageException.class);
    }

    private static JmhSettings settings(int forks, int iterations) {
        return new JmhSettings(forks, 1, TimeValue.seconds(1), iterations, TimeValue.seconds(1), List.of(), List.of());
    }
}
