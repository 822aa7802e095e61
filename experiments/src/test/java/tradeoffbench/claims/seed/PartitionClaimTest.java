package tradeoffbench.claims.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradeoffbench.cap.Phase;
import tradeoffbench.cap.ReplicationMode;
import tradeoffbench.cap.TcpRelay;
import tradeoffbench.claims.Evidence;
import tradeoffbench.claims.FixtureRun;
import tradeoffbench.claims.Judgement;
import tradeoffbench.claims.Verdict;
import tradeoffbench.experiment.CapExperiment;

/** Golden fixtures: CP and AP timelines (1 s steady, 2 s partition, 1 s healed), one row per second and count. */
class PartitionClaimTest {
    /** Every count the cap experiment writes per second ({@code CapExperiment.rows}). */
    private static final List<String> COUNTS = List.of("writes_attempted", "writes_acknowledged",
            "writes_acknowledged_started_in_cut", "writes_unacknowledged", "writes_refused", "writes_failed", "reads_b",
            "stale_reads_b", "read_errors_b", "staleness_versions", "staleness_ms", "reads_a", "ahead_reads_a",
            "read_errors_a");
    /** CP in the cut: nothing acknowledged; of 10 writes a second 3 commit on A unacknowledged, 7 are refused. */
    private static final Map<String, Double> CP_CUT = Map.of("writes_attempted", 10.0, "writes_unacknowledged", 3.0,
            "writes_refused", 7.0, "reads_b", 50.0, "reads_a", 50.0, "ahead_reads_a", 2.0);
    private static final Map<String, Double> AP_CUT = Map.of("writes_attempted", 40.0, "writes_acknowledged", 40.0,
            "reads_b", 50.0, "stale_reads_b", 40.0, "staleness_versions", 40.0, "staleness_ms", 1500.0, "reads_a", 50.0);

    @TempDir
    Path dir;

    private final PartitionClaim claim = new PartitionClaim();

    @Test
    void cpRefusingAndApServingStaleIsSupportedFromThePartitionSecondsOnly() {
        Judgement j = claim.judge(run("supported", CP_CUT, AP_CUT));
        assertThat(j.verdict()).as(j.reason()).isEqualTo(Verdict.SUPPORTED);
        assertThat(j.reason()).startsWith("CP acknowledged none of the 20 writes sent during the partition and B "
                        + "served no stale read (but A committed 6 of them")
                .endsWith("AP acknowledged 80 writes while B served 80 stale reads");
        assertThat(j.numbers()).containsExactly("CP during the partition: 0 of 20 writes acknowledged (0 of them sent "
                        + "while cut), 6 committed on A but never acknowledged, 14 refused; B: 0 of 100 reads stale; A: 4 "
                        + "of 100 reads returned an unacknowledged write",
                "AP during the partition: 80 of 80 writes acknowledged; B: 80 of 100 reads stale, up to 1,500 ms behind");
        assertThat(j.charts()).singleElement().satisfies(c -> assertThat(c.name()).isEqualTo("cap-partition"));
    }

    @Test
    void cpAcknowledgingWritesSentWhileCutIsRefuted() {
        Map<String, Double> leaky = Map.of("writes_attempted", 10.0, "writes_acknowledged", 2.0,
                "writes_acknowledged_started_in_cut", 2.0, "writes_refused", 8.0, "reads_b", 50.0);
        Judgement j = claim.judge(run("cp-acks", leaky, AP_CUT));
        assertThat(j.verdict()).isEqualTo(Verdict.REFUTED);
        assertThat(j.reason()).isEqualTo("CP acknowledged 4 writes sent while the replica was cut off");
    }

    @Test
    void apServingNoStaleReadIsRefuted() {
        Map<String, Double> fresh = Map.of("writes_attempted", 40.0, "writes_acknowledged", 40.0, "reads_b", 50.0);
        Judgement j = claim.judge(run("ap-fresh", CP_CUT, fresh));
        assertThat(j.verdict()).isEqualTo(Verdict.REFUTED);
        assertThat(j.reason()).isEqualTo("AP served no stale read during the partition");
    }

    @Test
    void aPartitionWithoutCpWritesIsInconclusive() {
        Judgement j = claim.judge(run("idle", Map.of("reads_b", 50.0), AP_CUT));
        assertThat(j.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(j.reason()).isEqualTo("the partition saw too little: 0 CP writes, 100 CP reads, 80 AP writes "
                + "acknowledged, 80 stale");
    }

    @Test
    void oneTimelineAloneIsInconclusiveAndSaysHowToMeasureBoth() {
        FixtureRun run = FixtureRun.in(dir, "cp-only");
        second(run, ReplicationMode.CP, 1, Phase.PARTITION, CP_CUT);
        Judgement j = claim.judge(run.evidence());
        assertThat(j.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(j.reason()).startsWith("no partition timelines of both setups").contains("`run cap-partition`");
    }

    /**
     * Both timelines with the given counts in each partition second, around a steady second (AP's replica already
     * a little behind) and a healed second (CP acknowledging writes sent in the cut once the replica applied them),
     * neither of which the rule may count.
     */
    private Evidence run(String name, Map<String, Double> cpCut, Map<String, Double> apCut) {
        FixtureRun run = FixtureRun.in(dir, name);
        Map<String, Double> steady = Map.of("writes_attempted", 40.0, "writes_acknowledged", 40.0, "reads_b", 50.0,
                "reads_a", 50.0);
        second(run, ReplicationMode.CP, 0, Phase.STEADY, steady);
        second(run, ReplicationMode.AP, 0, Phase.STEADY, Map.of("writes_attempted", 40.0, "writes_acknowledged", 40.0,
                "reads_b", 50.0, "stale_reads_b", 5.0));
        for (int s = 1; s <= 2; s++) {
            second(run, ReplicationMode.CP, s, Phase.PARTITION, cpCut);
            second(run, ReplicationMode.AP, s, Phase.PARTITION, apCut);
        }
        second(run, ReplicationMode.CP, 3, Phase.HEALED, Map.of("writes_attempted", 40.0, "writes_acknowledged", 43.0,
                "writes_acknowledged_started_in_cut", 3.0, "reads_b", 50.0));
        second(run, ReplicationMode.AP, 3, Phase.HEALED, steady);
        return run.evidence();
    }

    private static void second(FixtureRun run, ReplicationMode mode, int second, Phase phase,
                               Map<String, Double> counts) {
        for (String metric : COUNTS) {
            run.row(CapExperiment.benchmark(mode), CapExperiment.MODE, metric, counts.getOrDefault(metric, 0.0),
                    "second=" + second, "phase=" + phase.label(), "partition_seconds=2", "write_timeout_ms=1000",
                    "pace_ms=10", "cut=" + TcpRelay.Cut.DROP.label());
        }
    }
}
