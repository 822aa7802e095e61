package tradeoffbench.sharding;

import java.util.OptionalLong;

/**
 * Decides which shard holds a user: pure Java, no database code, the same answer in every JVM and on every run.
 *
 * <p><b>The hash.</b> {@code shard = jump(mix64(userId), shards)}: the userId is first scrambled with the
 * SplitMix64 finalizer ({@link #mix64}, Steele/Lea/Flood 2014; consecutive ids land far apart), then placed with
 * Lamping and Veach's jump consistent hash ("A Fast, Minimal Memory, Consistent Hash Algorithm", 2014). Why jump
 * rather than {@code hash mod N}: it is equally balanced and table-free, and when N grows to N+1 only 1/(N+1) of the
 * users move (with mod N almost all of them would), which is what a real re-sharding needs. Both steps are fixed
 * integer arithmetic: changing either one changes every shard's data, so {@link #VERSION} is part of every shard
 * table's name.
 *
 * <p><b>The celebrity override.</b> {@link #withDedicatedShard} gives one user the last shard to itself and hashes
 * everyone else over the first {@code shards - 1}: the same number of servers, but the celebrity's load no longer
 * lands on top of a quarter (or half) of everybody else's.
 */
public final class ShardRouter {
    /** Bump when {@link #mix64} or {@link #jump} change: shard tables are named with it. */
    public static final int VERSION = 1;

    private final int shards;
    private final OptionalLong dedicatedUser;

    private ShardRouter(int shards, OptionalLong dedicatedUser) {
        this.shards = shards;
        this.dedicatedUser = dedicatedUser;
    }

    /** Plain hashing of every user over {@code shards} shards. */
    public static ShardRouter hashing(int shards) {
        if (shards < 1) {
            throw new IllegalArgumentException("shard count must be at least 1, got " + shards);
        }
        return new ShardRouter(shards, OptionalLong.empty());
    }

    /** The same servers, but {@code userId} alone on the last shard; everyone else hashed over the others. */
    public ShardRouter withDedicatedShard(long userId) {
        if (shards < 2) {
            throw new IllegalArgumentException("a dedicated celebrity shard needs at least 2 shards, got " + shards);
        }
        return new ShardRouter(shards, OptionalLong.of(userId));
    }

    public int shards() {
        return shards;
    }

    public OptionalLong dedicatedUser() {
        return dedicatedUser;
    }

    /** The shard (0 .. shards-1) holding this user. */
    public int shardOf(long userId) {
        if (dedicatedUser.isPresent()) {
            return userId == dedicatedUser.getAsLong() ? shards - 1 : jump(mix64(userId), shards - 1);
        }
        return jump(mix64(userId), shards);
    }

    /** A short name for this placement, used in table names: {@code j1n4} or {@code j1n4c1} (user 1 dedicated). */
    public String layout() {
        return "j" + VERSION + "n" + shards + (dedicatedUser.isPresent() ? "c" + dedicatedUser.getAsLong() : "");
    }

    /** SplitMix64's finalizer: a bijection on 64-bit values that spreads neighbouring ids across the whole range. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Jump consistent hash (Lamping and Veach 2014), verbatim from the paper's C++ listing. */
    static int jump(long key, int buckets) {
        long b = -1;
        long j = 0;
        while (j < buckets) {
            b = j;
            key = key * 2862933555777941757L + 1;
            j = (long) ((b + 1) * ((double) (1L << 31) / (double) ((key >>> 33) + 1)));
        }
        return (int) b;
    }

    @Override
    public String toString() {
        return "ShardRouter[" + layout() + "]";
    }
}
