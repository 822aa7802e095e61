package tradeoffbench.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static tradeoffbench.claims.Verdict.INCONCLUSIVE;
import static tradeoffbench.claims.Verdict.REFUTED;
import static tradeoffbench.claims.Verdict.SUPPORTED;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tradeoffbench.report.RunFixtures;
import tradeoffbench.report.RunFolder;

/**
 * Golden run folders with hand-picked numbers → the verdict each claim must give. The numbers are in
 * {@code src/test/fixtures/make_runs.py}; each fixture moves one side of every comparison across the other's interval.
 */
class GoldenVerdictsTest {

    @TempDir
    Path dir;

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("supported", expect(SUPPORTED, SUPPORTED, SUPPORTED, SUPPORTED, SUPPORTED, SUPPORTED,
                        SUPPORTED, SUPPORTED)),
                // The Twitter arithmetic cannot be refuted by rows: its K is still decided.
                Arguments.of("refuted", expect(REFUTED, REFUTED, REFUTED, REFUTED, REFUTED, REFUTED, SUPPORTED, REFUTED)),
                Arguments.of("overlap", expect(INCONCLUSIVE, INCONCLUSIVE, INCONCLUSIVE, INCONCLUSIVE, INCONCLUSIVE,
                        INCONCLUSIVE, INCONCLUSIVE, INCONCLUSIVE)));
    }

    private static Map<String, Verdict> expect(Verdict atomicity, Verdict lookup, Verdict routing, Verdict joins,
                                               Verdict denormalization, Verdict celebrity, Verdict twitter,
                                               Verdict serializable) {
        Map<String, Verdict> m = new LinkedHashMap<>();
        m.put("atomicity", atomicity);
        m.put("lookup-latency", lookup);
        m.put("shard-routing", routing);
        m.put("cross-shard-joins", joins);
        m.put("denormalization", denormalization);
        m.put("celebrity-shard", celebrity);
        m.put("twitter-shards", twitter);
        m.put("serializable-cost", serializable);
        m.put("nines", SUPPORTED);
        m.put("cap-partition", Verdict.INCONCLUSIVE); // no fixture holds a partition timeline: see PartitionClaimTest
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void eachClaimGivesItsExpectedVerdict(String fixture, Map<String, Verdict> expected) {
        Rows rows = RunFolder.open(RunFixtures.copy(fixture, dir)).claimRows();
        Map<String, Verdict> actual = new LinkedHashMap<>();
        for (Claim c : Claims.load().all()) {
            Judgement j = c.judge(rows);
            actual.put(c.id(), j.verdict());
            assertThat(j.reason()).as(c.id()).isNotBlank();
        }
        assertThat(actual).containsExactlyEntriesOf(expected);
    }

    @Test
    void overlappingIntervalsAreNamedInTheReason() {
        Rows rows = RunFolder.open(RunFixtures.copy("overlap", dir)).claimRows();
        assertThat(judge("lookup-latency", rows).reason()).contains("intervals overlap");
        assertThat(judge("cross-shard-joins", rows).reason()).contains("intervals overlap");
        assertThat(judge("atomicity", rows).reason()).contains("unsafe variant lost nothing");
        assertThat(judge("twitter-shards", rows).reason()).contains("1 to 2 shards");
    }

    @Test
    void aRowFromTheMongoFakeNeverDecides() {
        Rows rows = RunFolder.open(RunFixtures.copy("fake-mongo", dir)).claimRows();
        Judgement j = judge("lookup-latency", rows);
        assertThat(j.verdict()).isEqualTo(INCONCLUSIVE);
        assertThat(j.reason()).contains("test fake").contains("PointLookupBenchmark.mongoFindById");
        assertThat(j.numbers()).noneMatch(n -> n.startsWith("MongoDB"));
        assertThat(judge("atomicity", rows).verdict()).isEqualTo(SUPPORTED);
    }

    @Test
    void aMissingTargetIsInconclusiveWithTheRunsReason() {
        Rows rows = RunFolder.open(RunFixtures.copy("missing-mongo", dir)).claimRows();
        Judgement j = judge("lookup-latency", rows);
        assertThat(j.verdict()).isEqualTo(INCONCLUSIVE);
        assertThat(j.reason()).contains("no rows for PointLookupBenchmark.mongoFindById")
                .contains("--mongo-mode none");
        assertThat(j.numbers()).anyMatch(n -> n.startsWith("PostgreSQL"));
        assertThat(judge("shard-routing", rows).reason())
                .isEqualTo("no rows for ShardedLookupBenchmark.routedLookup, ShardedLookupBenchmark.scatterGather");
    }

    @Test
    void theDecidingNumbersAreReported() {
        Rows rows = RunFolder.open(RunFixtures.copy("supported", dir)).claimRows();
        assertThat(judge("atomicity", rows).numbers()).anyMatch(n -> n.startsWith("cost of a transaction")
                && n.contains("0.60×"));
        // R* = (1/300 − 1/8000) / (1/4000 − 1/9000) = 23.1 reads per rename at K = 100
        assertThat(judge("denormalization", rows).numbers()).anyMatch(n -> n.contains("K=100")
                && n.contains("pays above 23.1 reads per rename"));
        assertThat(judge("twitter-shards", rows).reason()).contains("K = 1 shard(s)").contains("6,944");
        assertThat(judge("lookup-latency", rows).numbers()).anyMatch(n -> n.startsWith("MongoDB")
                && n.contains("p50 27") && n.contains("p99 90"));
    }

    private static Judgement judge(String id, Rows rows) {
        return Claims.load().select(java.util.List.of(id)).get(0).judge(rows);
    }
}
