package tradeoffbench.cap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import tradeoffbench.cap.CapVerdict.Outcome;

/** The verdict rule on hand-made timelines (one steady, one partition, one healed second each). */
class CapVerdictTest {
    private static final TimelineSpec SPEC = new TimelineSpec(1, 1, 1, 500, 5);

    @Test
    void cpRefusingAndApServingStaleIsSupported() {
        assertThat(CapVerdict.judge(cp(0, 2, 100, 0), ap(150, 0, 100, 90)).outcome()).isEqualTo(Outcome.SUPPORTED);
    }

    @Test
    void cpServingStaleReadsIsRefuted() {
        assertThat(CapVerdict.judge(cp(0, 2, 100, 5), ap(150, 0, 100, 90)).outcome()).isEqualTo(Outcome.REFUTED);
    }

    @Test
    void apNeverStaleIsRefuted() {
        assertThat(CapVerdict.judge(cp(0, 2, 100, 0), ap(150, 0, 100, 0)).outcome()).isEqualTo(Outcome.REFUTED);
    }

    @Test
    void noReadsDuringThePartitionIsInconclusive() {
        assertThat(CapVerdict.judge(cp(0, 2, 0, 0), ap(150, 0, 0, 0)).outcome()).isEqualTo(Outcome.INCONCLUSIVE);
    }

    @Test
    void steadyAndHealedSecondsDoNotCount() {
        CapVerdict verdict = CapVerdict.judge(cp(0, 2, 100, 0), ap(150, 0, 100, 90));
        assertThat(verdict.cpWritesTimedOut()).isEqualTo(2);
        assertThat(verdict.apStaleReads()).isEqualTo(90);
    }

    private static TimelineResult cp(long committed, long timedOut, long reads, long stale) {
        return result(ReplicationMode.CP, committed, timedOut, reads, stale);
    }

    private static TimelineResult ap(long committed, long timedOut, long reads, long stale) {
        return result(ReplicationMode.AP, committed, timedOut, reads, stale);
    }

    private static TimelineResult result(ReplicationMode mode, long committed, long timedOut, long reads, long stale) {
        SecondStats steady = new SecondStats(0, Phase.STEADY, 100, 100, 0, 0, 100, 7, 0, 1, 1.0);
        SecondStats partition = new SecondStats(1, Phase.PARTITION, committed + timedOut, committed, timedOut, 0,
                reads, stale, 0, stale, stale);
        SecondStats healed = new SecondStats(2, Phase.HEALED, 100, 100, 0, 0, 100, 9, 0, 1, 1.0);
        return new TimelineResult(mode, SPEC, null, null, List.of(steady, partition, healed), 100, true, 0);
    }
}
