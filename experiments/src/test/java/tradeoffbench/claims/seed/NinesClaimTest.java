package tradeoffbench.claims.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradeoffbench.claims.FixtureRun;
import tradeoffbench.claims.Judgement;
import tradeoffbench.claims.Verdict;

/** Golden fixtures: the nines arithmetic against the seed's 53 minutes and against other stated downtimes. */
class NinesClaimTest {
    @TempDir
    Path dir;

    private final NinesClaim claim = new NinesClaim();

    @Test
    void fiftyThreeMinutesIsWhatFourNinesAllowToTheMinute() {
        Judgement j = claim.judge(FixtureRun.in(dir, "any").evidence());
        assertThat(j.verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(j.basis()).isEqualTo(Judgement.Basis.ARITHMETIC);
        assertThat(j.reason()).isEqualTo("99.99% allows 52.56 minutes of downtime per year, which rounds to the seed's 53");
        assertThat(j.numbers()).containsExactly("99.99%: (1 − 0.9999) × 525,600 min = 52.56 min per year (seed: 53)");
        assertThat(j.details()).contains("| 99.99% | 52.56 minutes | 4.38 minutes | 1.01 minutes |")
                .contains("| 99% | 3.65 days |");
        assertThat(NinesClaim.downtimeMinutesPerYear(99.99)).isCloseTo(52.56, within(0.001));
    }

    @Test
    void aStatedDowntimeOutsideHalfAMinuteIsRefuted() {
        Judgement j = NinesClaim.judge(60);
        assertThat(j.verdict()).isEqualTo(Verdict.REFUTED);
        assertThat(j.reason()).endsWith("which does not match the seed's 60");
        assertThat(NinesClaim.judge(52).verdict()).isEqualTo(Verdict.REFUTED);
        assertThat(NinesClaim.judge(52.5).verdict()).isEqualTo(Verdict.SUPPORTED);
    }

    @Test
    void nothingMeasuredMeansNothingMissingSoItIsNeverInconclusive() {
        FixtureRun failed = FixtureRun.in(dir, "failed").status("failed");
        failed.skipped("PointLookupBenchmark.mongoFindById", "mongodb: not available");
        assertThat(claim.selection().measures()).isFalse();
        assertThat(claim.judge(failed.evidence()).verdict()).isEqualTo(Verdict.SUPPORTED);
    }
}
