package tradeoffbench.claims.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tradeoffbench.claims.Judgement;
import tradeoffbench.claims.Rows;
import tradeoffbench.claims.Verdict;
import tradeoffbench.results.TidyRow;

/** The CAP claim judged from timeline rows as the cap command writes them (partition seconds summed). */
class PartitionClaimTest {
    private final PartitionClaim claim = new PartitionClaim();

    @Test
    void cpTimingOutAndApServingStaleIsSupported() {
        List<TidyRow> rows = new ArrayList<>();
        // steady second: CP committed, nothing stale — must not count towards the partition sums
        add(rows, "cp", "steady", 0, 50, 50, 0, 100, 0);
        add(rows, "cp", "partition", 3, 1, 0, 1, 150, 0);
        add(rows, "cp", "partition", 4, 1, 0, 1, 140, 0);
        add(rows, "ap", "partition", 3, 140, 140, 0, 160, 158);
        Judgement j = claim.judge(Rows.of(rows));
        assertThat(j.verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(j.numbers()).anyMatch(n -> n.contains("2 of 2 writes timed out"))
                .anyMatch(n -> n.contains("158 of 160 reads on B stale"));
    }

    @Test
    void aStaleReadUnderCpRefutesIt() {
        List<TidyRow> rows = new ArrayList<>();
        add(rows, "cp", "partition", 3, 1, 0, 1, 150, 3);
        add(rows, "ap", "partition", 3, 140, 140, 0, 160, 158);
        assertThat(claim.judge(Rows.of(rows)).verdict()).isEqualTo(Verdict.REFUTED);
    }

    @Test
    void withoutATimelineItSaysHowToGetOne() {
        Judgement j = claim.judge(Rows.of(List.of()));
        assertThat(j.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(j.reason()).contains("tradeoff-bench cap");
    }

    private static void add(List<TidyRow> rows, String mode, String phase, int second, long attempted, long committed,
                            long timedOut, long reads, long stale) {
        String params = "partition_seconds=5;phase=" + phase + ";second=" + second;
        for (var metric : List.of(
                new Object[] {"writes_attempted", attempted}, new Object[] {"writes_committed", committed},
                new Object[] {"writes_timed_out", timedOut}, new Object[] {"reads", reads},
                new Object[] {"stale_reads", stale})) {
            rows.add(new TidyRow("r", "t", "g", "cap", "PartitionTimeline." + mode, "postgresql", "embedded", "17.7",
                    "", params, 1, "timeline", (String) metric[0], ((Long) metric[1]).doubleValue(), null, "count",
                    null, null, null, null, null, "jvm", "machine"));
        }
    }
}
