package tradeoffbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.TimeValue;
import tradeoffbench.targets.Endpoints;

class JmhLauncherTest {

    @Test
    void theUsersJvmArgsComeAfterTheEndpointsFileAndNeverReplaceIt() {
        System.clearProperty(tradeoffbench.dataset.Announce.RUN_STARTED_PROPERTY);
        JmhSettings settings = new JmhSettings(3, 1, TimeValue.seconds(1), 1, TimeValue.seconds(1), List.of(),
                List.of("-XX:TieredStopAtLevel=1", "-Xmx512m"));
        Path file = Path.of("/tmp/endpoints.json");
        assertThat(JmhLauncher.forkArgs(settings, file)).containsExactly("-D" + Endpoints.PROPERTY + "="
                + file.toAbsolutePath(), "-XX:TieredStopAtLevel=1", "-Xmx512m");
    }
}
