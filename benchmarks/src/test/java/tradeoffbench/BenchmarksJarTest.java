package tradeoffbench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** `java -jar benchmarks/target/*.jar -b X` repeats the user's options in its advice, not the other jar. */
class BenchmarksJarTest {
    @Test
    void theAdviceRepeatsTheOptionsAndDropsTheJarAGlobPassedAlong() {
        assertThat(BenchmarksJar.given(new String[] {"benchmarks/target/tradeoff-bench-benchmarks.jar", "-b", "Point"}))
                .isEqualTo(" -b Point");
        assertThat(BenchmarksJar.given(new String[0])).isEmpty();
    }
}
