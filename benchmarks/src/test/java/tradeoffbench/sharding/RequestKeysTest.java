package tradeoffbench.sharding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The request-key streams follow their distributions, and per-shard counters add up. */
class RequestKeysTest {
    private static final int DRAWS = 200_000;

    @Test
    void celebrityGetsItsShareAndEveryoneElseIsUniform() {
        RequestKeys keys = RequestKeys.of("celebrity", 1000, 30, 1);
        int celebrity = 0;
        for (int i = 0; i < DRAWS; i++) {
            long k = keys.next();
            assertThat(k).isBetween(1L, 1000L);
            celebrity += k == RequestKeys.CELEBRITY ? 1 : 0;
        }
        assertThat(celebrity / (double) DRAWS).isBetween(0.29, 0.31);
        assertThat(keys.celebrityProbability()).isEqualTo(0.30);
    }

    @Test
    void zipfMakesUserOneTheHottestWithTheExpectedProbability() {
        RequestKeys keys = RequestKeys.of("zipf0.99", 10_000, 0, 2);
        long[] counts = new long[10_001];
        for (int i = 0; i < DRAWS; i++) {
            counts[(int) keys.next()]++;
        }
        double expected = keys.celebrityProbability();
        assertThat(expected).isBetween(0.09, 0.12);
        assertThat(counts[1] / (double) DRAWS).isBetween(expected * 0.95, expected * 1.05);
        assertThat(counts[1]).isGreaterThan(counts[2]).isGreaterThan(counts[100]);
    }

    @Test
    void uniformCoversEveryUser() {
        RequestKeys keys = RequestKeys.of("uniform", 50, 30, 3);
        long[] counts = new long[51];
        for (int i = 0; i < 50_000; i++) {
            counts[(int) keys.next()]++;
        }
        for (int u = 1; u <= 50; u++) {
            assertThat(counts[u]).isBetween(850L, 1150L);
        }
    }

    @Test
    void unknownSkewIsRejectedWithTheValidNames() {
        assertThatThrownBy(() -> RequestKeys.of("pareto", 100, 0, 1)).hasMessageContaining("uniform, zipf<theta>");
        assertThatThrownBy(() -> RequestKeys.of("zipfX", 100, 0, 1)).hasMessageContaining("zipf0.99");
    }

    @Test
    void perShardCountersAddUpAndReportTheHottestShareOverTheMean() {
        ShardLoadCounters counters = new ShardLoadCounters();
        counters.reset();
        for (int i = 0; i < 60; i++) {
            counters.record(0, 4);
        }
        for (int s = 1; s < 4; s++) {
            for (int i = 0; i < 20; i++) {
                counters.record(s, 4);
            }
        }
        assertThat(counters.shard0 + counters.shard1 + counters.shard2 + counters.shard3).isEqualTo(120);
        assertThat(counters.total()).isEqualTo(120);
        // hottest 60 over a mean of 30
        assertThat(counters.hottestShareOverMean).isEqualTo(2.0);
        counters.reset();
        assertThat(counters.shard0).isZero();
    }
}
