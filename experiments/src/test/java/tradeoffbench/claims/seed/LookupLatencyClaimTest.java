package tradeoffbench.claims.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradeoffbench.claims.Evidence;
import tradeoffbench.claims.FixtureRun;
import tradeoffbench.claims.Judgement;
import tradeoffbench.claims.Verdict;
import tradeoffbench.lookup.Lookup;

/** Golden fixtures: p50 and p99 of both engines, reached the same way or not. */
class LookupLatencyClaimTest {
    @TempDir
    Path dir;

    private final LookupLatencyClaim claim = new LookupLatencyClaim();

    @Test
    void mongoLowerAtTheMedianAndTheTailIsSupported() {
        Judgement j = claim.judge(run("supported", 40, 120, "container", "container"));
        assertThat(j.verdict()).as(j.reason()).isEqualTo(Verdict.SUPPORTED);
        assertThat(j.reason()).contains("MongoDB's p50 is").contains("MongoDB's p99 is");
    }

    @Test
    void mongoHigherAtBothIsRefuted() {
        assertThat(claim.judge(run("refuted", 90, 400, "container", "container")).verdict()).isEqualTo(Verdict.REFUTED);
    }

    @Test
    void unlikeAccessPathsAreInconclusiveWithTheReason() {
        Judgement j = claim.judge(run("unlike", 40, 120, "embedded", "container"));
        assertThat(j.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(j.reason()).contains("unlike access paths").contains("--pg-mode container");
    }

    @Test
    void aMissingEngineIsInconclusiveWithTheRunsReason() {
        FixtureRun run = FixtureRun.in(dir, "missing");
        run.trial(Lookup.POSTGRES_PRIMARY_KEY, 1, Evidence.SAMPLE, "users=10000").latency(60, 0.1, 50, 150);
        run.skipped("PointLookupBenchmark.mongoFindById", "mongodb: not available — --mongo-mode none");
        Judgement j = claim.judge(run.evidence());
        assertThat(j.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(j.reason()).contains("no rows for PointLookupBenchmark.mongoFindById").contains("--mongo-mode none");
        assertThat(j.numbers()).anyMatch(n -> n.startsWith("PostgreSQL"));
    }

    @Test
    void aRowFromTheFakeNeverDecides() {
        FixtureRun run = FixtureRun.in(dir, "fake");
        run.trial(Lookup.POSTGRES_PRIMARY_KEY, 1, Evidence.SAMPLE, "users=10000").latency(60, 0.1, 50, 150);
        run.trial(Lookup.MONGO_FIND_BY_ID, 1, Evidence.SAMPLE, "users=10000").target("mongodb", "fake")
                .latency(30, 0.1, 25, 60);
        Judgement j = claim.judge(run.evidence());
        assertThat(j.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(j.reason()).contains("test fake");
        assertThat(j.numbers()).noneMatch(n -> n.startsWith("MongoDB"));
    }

    private Evidence run(String name, double mongoP50, double mongoP99, String pgMode, String mongoMode) {
        FixtureRun run = FixtureRun.in(dir, name);
        run.trial(Lookup.POSTGRES_PRIMARY_KEY, 1, Evidence.SAMPLE, "users=10000").target("postgresql", pgMode)
                .latency(60, 0.1, 60, 200);
        run.trial(Lookup.MONGO_FIND_BY_ID, 1, Evidence.SAMPLE, "users=10000").target("mongodb", mongoMode)
                .latency(mongoP50, 0.1, mongoP50, mongoP99);
        return run.evidence();
    }
}
