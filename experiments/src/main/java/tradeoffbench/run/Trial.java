package tradeoffbench.run;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.openjdk.jmh.annotations.Mode;
import tradeoffbench.catalog.BenchmarkMethod;
import tradeoffbench.results.Conditions;

/**
 * One JMH trial: a benchmark method with one value for every one of its parameters, a thread count and a mode. A
 * run measures every trial in forks (separate JVMs), one Runner call per fork, so trials of different parameter
 * sets, thread counts and modes interleave freely.
 */
public record Trial(BenchmarkMethod method, SortedMap<String, String> params, int threads, Mode mode) {

    public Trial {
        params = new TreeMap<>(params);
    }

    public Conditions conditions() {
        return Conditions.of(params, threads);
    }

    /** {@code thrpt}, {@code sample}: as rows name the mode. */
    public String modeLabel() {
        return mode.shortLabel();
    }

    /** The number of servers of its shards' engine this trial needs (0 when it is not sharded). */
    public int shardCount() {
        return method.shards().map(s -> Integer.parseInt(params.get(s.param()).trim())).orElse(0);
    }

    /** {@code PostgresTransferBenchmark.readThenWrite (isolation=SERIALIZABLE, threads=2, sample)}. */
    public String describe() {
        return method.shortName() + " (" + conditions().text() + ", " + modeLabel() + ")";
    }

    static Trial of(BenchmarkMethod method, Map<String, String> params, int threads, Mode mode) {
        return new Trial(method, new TreeMap<>(params), threads, mode);
    }
}
