package tradeoffbench.sharding;

import java.util.Arrays;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Per-shard load, as JMH secondary results (one row each in results.csv, metric = the field name).
 *
 * <p>JMH sums an EVENTS counter over client threads, measurement iterations and forks (warmup iterations are
 * not counted), so a row's score is a total over the whole measurement of that parameter set.
 *
 * <p>{@code shard0} .. {@code shard7}: requests routed to that shard during the measurement. Shards beyond the
 * run's shard count stay 0. Their sum is every request measured.
 *
 * <p>{@code hottestShareOverMean}: the hottest shard's requests divided by the mean requests per shard
 * ({@code max_k count_k / (sum_k count_k / shards)}), 1.0 = perfectly even, {@code shards} = everything on one.
 * Each thread computes it from its own counts in each iteration and contributes
 * {@code ratio / (threads x iterations x forks)}, so the summed row is the mean of those per-thread, per-iteration
 * ratios (every thread draws keys from the same distribution).
 */
@AuxCounters(AuxCounters.Type.EVENTS)
@State(Scope.Thread)
public class ShardLoadCounters {
    static final int MAX_SHARDS = 8;

    public long shard0;
    public long shard1;
    public long shard2;
    public long shard3;
    public long shard4;
    public long shard5;
    public long shard6;
    public long shard7;
    public double hottestShareOverMean;

    private final long[] counts = new long[MAX_SHARDS];
    private long total;
    /** threads x measurement iterations x forks: how many contributions JMH sums into one row. */
    private int contributions = 1;

    @Setup(Level.Trial)
    public void contributions(BenchmarkParams params) {
        contributions = params.getThreads() * params.getMeasurement().getCount() * Math.max(1, params.getForks());
    }

    @Setup(Level.Iteration)
    public void reset() {
        Arrays.fill(counts, 0);
        total = 0;
        shard0 = shard1 = shard2 = shard3 = shard4 = shard5 = shard6 = shard7 = 0;
        hottestShareOverMean = 0;
    }

    /** Counts one request routed to {@code shard} of {@code shards} (at most {@link #MAX_SHARDS}). */
    void record(int shard, int shards) {
        if (shards > MAX_SHARDS) {
            throw new IllegalArgumentException("per-shard counters cover at most " + MAX_SHARDS + " shards, got " + shards);
        }
        counts[shard]++;
        total++;
        switch (shard) {
            case 0 -> shard0++;
            case 1 -> shard1++;
            case 2 -> shard2++;
            case 3 -> shard3++;
            case 4 -> shard4++;
            case 5 -> shard5++;
            case 6 -> shard6++;
            default -> shard7++;
        }
        long max = 0;
        for (int i = 0; i < shards; i++) {
            max = Math.max(max, counts[i]);
        }
        hottestShareOverMean = (double) max * shards / total / contributions;
    }

    long total() {
        return total;
    }

    long count(int shard) {
        return counts[shard];
    }
}
