package tradeoffbench.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tradeoffbench.catalog.UsageException;
import tradeoffbench.results.TidyRow;

class ClaimsTest {
    private static final List<String> ARITHMETIC_OR_OWN_COMMAND = List.of("nines", "cap-partition");

    @Test
    void everySeedClaimIsFoundInSeedOrder() {
        assertThat(Claims.load().ids()).containsExactly("atomicity", "lookup-latency", "shard-routing",
                "cross-shard-joins", "denormalization", "celebrity-shard", "twitter-shards", "serializable-cost",
                "nines", "cap-partition");
    }

    @Test
    void eachClaimQuotesTheSeedAndNamesCompilableBenchmarks() {
        for (Claim c : Claims.load().all()) {
            assertThat(c.quote()).as(c.id()).isNotBlank();
            assertThat(c.source()).as(c.id()).startsWith("seed");
            assertThat(c.tested()).as(c.id()).contains("SUPPORTED");
            c.selection().benchmarks().forEach(Pattern::compile);
            // nines is arithmetic; cap-partition is measured by the cap command, not by a JMH selection.
            assertThat(c.selection().measures()).as(c.id()).isEqualTo(!ARITHMETIC_OR_OWN_COMMAND.contains(c.id()));
        }
    }

    @Test
    void theReadmeTableNamesEveryClaim() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        for (Claim c : Claims.load().all()) {
            assertThat(readme).as(c.id()).contains("| `" + c.id() + "` |");
        }
    }

    @Test
    void selectionByIdKeepsSeedOrderAndAllNamesEveryClaim() {
        Claims claims = Claims.load();
        assertThat(claims.select(List.of("nines", "atomicity"))).extracting(Claim::id)
                .containsExactly("atomicity", "nines");
        assertThat(claims.select(List.of("all"))).hasSize(claims.all().size());
        assertThatThrownBy(() -> claims.select(List.of("acid")))
                .isInstanceOf(UsageException.class).hasMessageContaining("unknown claim 'acid'")
                .hasMessageContaining("lookup-latency");
    }

    @Test
    void noRowsNeverCrashAndLeaveEveryMeasuredClaimInconclusive() {
        for (Claim c : Claims.load().all()) {
            Judgement j = c.judge(Rows.of(List.of()));
            assertThat(j.verdict()).as(c.id())
                    .isEqualTo(c.id().equals("nines") ? Verdict.SUPPORTED : Verdict.INCONCLUSIVE);
            assertThat(j.reason()).as(c.id()).isNotBlank();
        }
    }

    @Test
    void rowsWithoutErrorsOrParamsNeverCrashAndNeverDecideAComparison() {
        List<String> benchmarks = List.of("PointLookupBenchmark.postgresPrimaryKey", "PointLookupBenchmark.mongoFindById",
                "ShardedLookupBenchmark.routedLookup", "ShardedLookupBenchmark.scatterGather",
                "CrossShardJoinBenchmark.crossShardJoin", "CrossShardJoinBenchmark.singleServerJoin",
                "HotShardBenchmark.plainHashing", "HotShardBenchmark.dedicatedCelebrityShard",
                "TweetWriteBenchmark.tweetWrite", "PostgresTransferBenchmark.explicitTransaction");
        List<TidyRow> rows = new java.util.ArrayList<>();
        for (String b : benchmarks) {
            for (String mode : List.of("thrpt", "sample")) {
                rows.add(new TidyRow("r", "t", "g", "f", b, "postgresql", "embedded", "17", "", "", 1, mode,
                        mode.equals("thrpt") ? "throughput" : "latency", 100, null, "ops/s", 1L, null, null, null,
                        null, "jvm", "machine"));
            }
        }
        for (Claim c : Claims.load().all()) {
            Judgement j = c.judge(Rows.of(rows));
            if (!c.id().equals("nines")) {
                assertThat(j.verdict()).as(c.id() + ": " + j.reason()).isEqualTo(Verdict.INCONCLUSIVE);
            }
        }
    }
}
