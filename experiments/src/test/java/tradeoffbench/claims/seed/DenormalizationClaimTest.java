package tradeoffbench.claims.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradeoffbench.claims.Evidence;
import tradeoffbench.claims.FixtureRun;
import tradeoffbench.claims.Judgement;
import tradeoffbench.claims.Verdict;
import tradeoffbench.family.BenchmarkName;
import tradeoffbench.family.Metric;
import tradeoffbench.joins.Joins;

/** Golden fixtures: mean latencies of the joined and one-table reads and of renaming one row or K copies. */
class DenormalizationClaimTest {
    @TempDir
    Path dir;

    private final DenormalizationClaim claim = new DenormalizationClaim();

    @Test
    void aCheaperReadPaidForByADearerRenameIsSupportedWithItsBreakEven() {
        // 4,000 µs more per rename over 200 µs saved per read: 20 reads per rename.
        Judgement j = claim.judge(run("supported", 300, 100, 200, 4200, DenormalizationClaim.K));
        assertThat(j.verdict()).as(j.reason()).isEqualTo(Verdict.SUPPORTED);
        assertThat(j.reason()).contains("the one-table read runs at 3.").contains("renaming K=100 copies runs at 0.0");
        String rename = j.numbers().stream().filter(n -> n.startsWith("rename, K=100 (fanout=10, posts=1000, threads=1)"))
                .findFirst().orElseThrow();
        Matcher m = Pattern.compile("denormalizing pays above ([0-9.]+) reads per rename").matcher(rename);
        assertThat(m.find()).as(rename).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isCloseTo(20, within(1.0));
    }

    @Test
    void aOneTableReadSlowerThanTheJoinIsRefutedAndNeverBreaksEven() {
        Judgement j = claim.judge(run("refuted", 100, 300, 200, 4200, DenormalizationClaim.K));
        assertThat(j.verdict()).as(j.reason()).isEqualTo(Verdict.REFUTED);
        assertThat(j.reason()).contains("the one-table read runs at 0.3");
        assertThat(j.numbers()).anyMatch(n -> n.endsWith("break-even: never (the one-table read is not cheaper)"));
    }

    @Test
    void renamesOnlyAtAnotherKAreInconclusive() {
        Judgement j = claim.judge(run("other-k", 300, 100, 200, 600, "10"));
        assertThat(j.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(j.reason()).isEqualTo("no rename at K=100 rows of both layouts under the same conditions");
        assertThat(j.numbers()).anyMatch(n -> n.startsWith("rename, K=10 "));
    }

    @Test
    void breakEvenIsTheExtraWriteCostOverTheReadSaving() {
        assertThat(DenormalizationClaim.breakEvenReadsPerWrite(30, 25, 100, 200)).isEqualTo(20.0);
        assertThat(DenormalizationClaim.breakEvenReadsPerWrite(25, 30, 100, 200)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(DenormalizationClaim.breakEvenReadsPerWrite(30, 30, 100, 200)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(DenormalizationClaim.breakEvenReadsPerWrite(30, 25, 200, 100)).isZero();
        assertThat(DenormalizationClaim.breakEvenReadsPerWrite(25, 30, 100, 100)).isZero();
    }

    private Evidence run(String name, double joined, double denormalized, double renameNormalized,
                         double renameDenormalized, String copies) {
        FixtureRun run = FixtureRun.in(dir, name);
        trial(run, Joins.JOINED, joined);
        trial(run, Joins.DENORMALIZED, denormalized);
        trial(run, Joins.RENAME_NORMALIZED, renameNormalized, Joins.COPIES + "=" + copies);
        trial(run, Joins.RENAME_DENORMALIZED, renameDenormalized, Joins.COPIES + "=" + copies);
        return run.evidence();
    }

    private static void trial(FixtureRun run, BenchmarkName b, double latency, String... more) {
        String[] params = java.util.stream.Stream.concat(java.util.stream.Stream.of(Joins.POSTS + "=1000",
                Joins.FANOUT + "=10"), java.util.Arrays.stream(more)).toArray(String[]::new);
        run.trial(b, 1, Evidence.SAMPLE, params).metric(Metric.LATENCY, latency, 0.02);
    }
}
