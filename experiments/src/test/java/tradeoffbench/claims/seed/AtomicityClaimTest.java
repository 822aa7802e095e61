package tradeoffbench.claims.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradeoffbench.atomicity.Atomicity;
import tradeoffbench.claims.Evidence;
import tradeoffbench.claims.FixtureRun;
import tradeoffbench.claims.Judgement;
import tradeoffbench.claims.Verdict;
import tradeoffbench.family.BenchmarkName;
import tradeoffbench.family.Metric;

/** Golden fixtures: each outcome of the atomicity rule from detector counts written as a run writes them. */
class AtomicityClaimTest {
    @TempDir
    Path dir;

    private final AtomicityClaim claim = new AtomicityClaim();

    @Test
    void protectedVariantsLosingNothingWhileTheControlsDoIsSupported() {
        Judgement j = claim.judge(run("supported", 0, 50, 30));
        assertThat(j.verdict()).as(j.reason()).isEqualTo(Verdict.SUPPORTED);
        assertThat(j.reason()).contains("atomicity is not isolation").contains("lost 540 updates");
        assertThat(j.numbers()).anyMatch(n -> n.startsWith("the cost of atomicity: the transaction runs at"));
        assertThat(j.charts()).singleElement().satisfies(c -> assertThat(c.name()).isEqualTo("atomicity"));
    }

    @Test
    void aProtectedVariantThatLosesMoneyRefutesIt() {
        Judgement j = claim.judge(run("refuted", 2, 50, 30));
        assertThat(j.verdict()).isEqualTo(Verdict.REFUTED);
        assertThat(j.reason()).contains("read-then-write at SERIALIZABLE (retried) lost 36 updates");
    }

    @Test
    void controlsThatShowNothingMeanNoPowerAndAreInconclusive() {
        Judgement j = claim.judge(run("no-power", 0, 0, 0));
        assertThat(j.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(j.reason()).contains("no power");
    }

    /**
     * @param serializableLost lost updates per iteration of the SERIALIZABLE read-then-write (a protected variant)
     * @param autocommitSeen   inconsistent audits per iteration of two autocommits (control)
     * @param readCommittedLost lost updates per iteration of the READ COMMITTED read-then-write (control)
     */
    private Evidence run(String name, double serializableLost, double autocommitSeen, double readCommittedLost) {
        FixtureRun run = FixtureRun.in(dir, name);
        variant(run, Atomicity.TWO_AUTOCOMMITS, "READ_COMMITTED", 0, autocommitSeen, 900);
        variant(run, Atomicity.TWO_STATEMENTS_IN_TRANSACTION, "READ_COMMITTED", 0, 0, 1000);
        variant(run, Atomicity.ONE_STATEMENT, "READ_COMMITTED", 0, 0, 1200);
        variant(run, Atomicity.READ_FOR_UPDATE_THEN_WRITE, "READ_COMMITTED", 0, 0, 800);
        variant(run, Atomicity.READ_THEN_WRITE, "READ_COMMITTED", readCommittedLost, readCommittedLost > 0 ? 100 : 0,
                800);
        variant(run, Atomicity.READ_THEN_WRITE, "REPEATABLE_READ", 0, 0, 700);
        variant(run, Atomicity.READ_THEN_WRITE, "SERIALIZABLE", serializableLost, 0, 700);
        return run.evidence();
    }

    private static void variant(FixtureRun run, BenchmarkName b, String isolation, double lost, double seen,
                                double latency) {
        run.trial(b, 2, Evidence.SAMPLE, "isolation=" + isolation, "skew=zipf0.99", "synchronousCommit=on",
                        "accounts=1000")
                .metric(Metric.LATENCY, latency, 0.1)
                .constant(Atomicity.COMMITS, 600)
                .constant(Atomicity.RETRIES, isolation.equals("READ_COMMITTED") ? 0 : 40)
                .constant(Atomicity.ABORTS, 0)
                .constant(Atomicity.LOST_UPDATES, lost)
                .constant(Atomicity.PARTIAL_TRANSFERS, 0)
                .constant(Atomicity.MONEY_DRIFT, lost > 0 ? 12 : 0)
                .constant(Atomicity.INCONSISTENT_READS, seen)
                .constant(Atomicity.AUDITS, 400);
    }
}
