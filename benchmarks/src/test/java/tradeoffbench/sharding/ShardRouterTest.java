package tradeoffbench.sharding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The router alone: stable, balanced, minimal movement when N grows, and the celebrity override. */
class ShardRouterTest {

    @Test
    void theSameKeyLandsOnTheSameShardInEveryRun() {
        // Pinned values: if these change, every loaded shard's data is in the wrong place (bump ShardRouter.VERSION).
        ShardRouter four = ShardRouter.hashing(4);
        long[] keys = {1, 2, 3, 42, 1_000_000, Long.MAX_VALUE};
        int[] pinned = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            pinned[i] = four.shardOf(keys[i]);
        }
        assertThat(pinned).containsExactly(PINNED_FOUR);
        for (int i = 0; i < keys.length; i++) {
            assertThat(ShardRouter.hashing(4).shardOf(keys[i])).isEqualTo(pinned[i]);
        }
    }

    /** shardOf(1, 2, 3, 42, 1e6, Long.MAX_VALUE) at 4 shards, recorded when the router was written. */
    static final int[] PINNED_FOUR = {0, 3, 0, 0, 1, 2};

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 8})
    void uniformKeysSpreadWithinAFewPercent(int shards) {
        ShardRouter router = ShardRouter.hashing(shards);
        int users = 100_000;
        long[] counts = new long[shards];
        for (long id = 1; id <= users; id++) {
            counts[router.shardOf(id)]++;
        }
        double mean = (double) users / shards;
        for (long c : counts) {
            assertThat(Math.abs(c - mean) / mean).as("shard load %s vs mean %s", c, mean).isLessThan(0.03);
        }
    }

    @Test
    void growingByOneShardMovesOnlyKeysToTheNewShardAndAboutOneInNPlusOne() {
        ShardRouter four = ShardRouter.hashing(4);
        ShardRouter five = ShardRouter.hashing(5);
        int users = 100_000;
        int moved = 0;
        for (long id = 1; id <= users; id++) {
            int before = four.shardOf(id);
            int after = five.shardOf(id);
            if (before != after) {
                moved++;
                assertThat(after).as("user %s moved from %s", id, before).isEqualTo(4);
            }
        }
        assertThat(moved / (double) users).isBetween(0.19, 0.21);
    }

    @Test
    void oneShardHoldsEverybody() {
        ShardRouter one = ShardRouter.hashing(1);
        for (long id = 1; id <= 1000; id++) {
            assertThat(one.shardOf(id)).isZero();
        }
    }

    @Test
    void theCelebrityGetsTheLastShardToItselfAndEveryoneElseKeepsAHashedPlace() {
        ShardRouter router = ShardRouter.hashing(4).withDedicatedShard(1);
        assertThat(router.shardOf(1)).isEqualTo(3);
        long[] counts = new long[4];
        for (long id = 2; id <= 30_000; id++) {
            counts[router.shardOf(id)]++;
        }
        assertThat(counts[3]).isZero();
        for (int s = 0; s < 3; s++) {
            assertThat(counts[s] / (29_999 / 3.0)).isBetween(0.97, 1.03);
        }
        assertThat(router.layout()).isEqualTo("j1n4c1");
        assertThat(ShardRouter.hashing(4).layout()).isEqualTo("j1n4");
    }

    @Test
    void badShardCountsAreRejected() {
        assertThatThrownBy(() -> ShardRouter.hashing(0)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> ShardRouter.hashing(1).withDedicatedShard(1)).hasMessageContaining("at least 2");
    }
}
