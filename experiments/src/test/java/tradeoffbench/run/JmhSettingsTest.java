package tradeoffbench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tradeoffbench.catalog.UsageException;

class JmhSettingsTest {

    @Test
    void profilesHaveTheDocumentedShape() {
        JmhSettings quick = JmhSettings.of(Profile.QUICK);
        assertThat(quick.forks()).isEqualTo(1);
        assertThat(quick.threads()).containsExactly(1, 2);
        assertThat(JmhSettings.of(Profile.FULL).forks()).isEqualTo(3);
        assertThat(Profile.parse("FULL")).isEqualTo(Profile.FULL);
        assertThatThrownBy(() -> Profile.parse("fast")).isInstanceOf(UsageException.class)
                .hasMessage("unknown profile 'fast'; valid profiles: quick, full");
    }

    @Test
    void absurdCountsAreOneLineUsageErrors() {
        assertThatThrownBy(() -> settings(0, List.of(1))).isInstanceOf(UsageException.class)
                .hasMessage("forks (-f) must be between 1 and 20, got 0");
        assertThatThrownBy(() -> settings(1, List.of(-2))).hasMessage("threads (-t) must be between 1 and 256, got -2");
        assertThatThrownBy(() -> settings(1, List.of(100_000))).hasMessageContaining("threads (-t)");
        assertThatThrownBy(() -> settings(1, List.of())).hasMessageContaining("at least one");
    }

    @Test
    void paramsAreParsedAndCheckedAgainstTheBenchmarks() {
        assertThat(JmhSettings.parseParam("users=10,20")).isEqualTo(Map.entry("users", List.of("10", "20")));
        assertThatThrownBy(() -> JmhSettings.parseParam("users")).hasMessageContaining("malformed -p 'users'");
        assertThatThrownBy(() -> JmhSettings.parseParam("=5")).isInstanceOf(UsageException.class);

        JmhSettings s = new JmhSettings(1, 0, 1, 1, 1, List.of(1), Map.of("usres", List.of("5")), List.of());
        assertThatThrownBy(() -> s.checkParams(Map.of("users", List.of("10000"))))
                .hasMessage("unknown parameter 'usres' in -p; the selected benchmarks take: users");
        JmhSettings blank = new JmhSettings(1, 0, 1, 1, 1, List.of(1), Map.of("users", List.of("5", "")), List.of());
        assertThatThrownBy(() -> blank.checkParams(Map.of("users", List.of("10000")))).hasMessageContaining("needs values");
    }

    private static JmhSettings settings(int forks, List<Integer> threads) {
        return new JmhSettings(forks, 1, 1, 1, 1, threads, Map.of(), List.of());
    }
}
