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
import tradeoffbench.family.Metric;

/** Golden fixtures: the transfer transaction at READ COMMITTED and SERIALIZABLE, uniform and Zipf keys, with retries. */
class SerializableCostClaimTest {
    @TempDir
    Path dir;

    private final SerializableCostClaim claim = new SerializableCostClaim();

    @Test
    void serializableAsFastWithoutContentionAndAbortingMoreWithItIsSupported() {
        Judgement j = claim.judge(run("supported", 1000, 2, 60));
        assertThat(j.verdict()).as(j.reason()).isEqualTo(Verdict.SUPPORTED);
        assertThat(j.reason()).contains("without contention SERIALIZABLE runs at 1.")
                .contains("aborted attempts 0.33% → 9.09% from uniform keys to zipf0.99");
        assertThat(j.numbers()).anyMatch(n -> n.startsWith("SERIALIZABLE attempts aborted")
                && n.contains("zipf0.99 1,080 of 11,880, uniform 36 of 10,836"));
    }

    @Test
    void serializableWellUnderNinetyPercentOfTheSpeedIsRefuted() {
        Judgement j = claim.judge(run("refuted", 1500, 2, 60));
        assertThat(j.verdict()).as(j.reason()).isEqualTo(Verdict.REFUTED);
        assertThat(j.reason()).contains("without contention SERIALIZABLE runs at 0.6");
    }

    @Test
    void aSpeedIntervalStraddlingNinetyPercentIsInconclusive() {
        Judgement j = claim.judge(run("straddles", 1111, 2, 60));
        assertThat(j.verdict()).as(j.reason()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(j.reason()).contains("(the interval straddles 0.9)");
    }

    /** SERIALIZABLE's latency without contention (READ COMMITTED's is 1,000 µs), and its retries per iteration. */
    private Evidence run(String name, double serializableUniform, double retriesUniform, double retriesContended) {
        FixtureRun run = FixtureRun.in(dir, name);
        transfer(run, Atomicity.READ_COMMITTED, SerializableCostClaim.UNIFORM, 1000, 0);
        transfer(run, Atomicity.READ_COMMITTED, SerializableCostClaim.CONTENDED, 1100, 0);
        transfer(run, Atomicity.SERIALIZABLE, SerializableCostClaim.UNIFORM, serializableUniform, retriesUniform);
        transfer(run, Atomicity.SERIALIZABLE, SerializableCostClaim.CONTENDED, 1400, retriesContended);
        return run.evidence();
    }

    private static void transfer(FixtureRun run, String isolation, String skew, double latency, double retries) {
        run.trial(Atomicity.TWO_STATEMENTS_IN_TRANSACTION, 2, Evidence.SAMPLE, Atomicity.ISOLATION + "=" + isolation,
                        Atomicity.SKEW + "=" + skew, Atomicity.SYNCHRONOUS_COMMIT + "=on", Atomicity.ACCOUNTS + "=1000")
                .metric(Metric.LATENCY, latency, 0.04)
                .constant(Atomicity.COMMITS, 600)
                .constant(Atomicity.RETRIES, retries)
                .constant(Atomicity.ABORTS, 0);
    }
}
