package tradeoffbench.family;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a benchmark method needs and reports, from its annotations ({@link Introspection}).
 *
 * @param needs    every engine it needs a server of (its shards' engine included)
 * @param shards   the shards it needs, when it is {@code @Sharded} and takes the shard-count parameter
 * @param rules    per {@code @Param} name, what the value must look like
 * @param counters its {@code @AuxCounters} metrics
 */
public record BenchmarkShape(BenchmarkName name, Set<tradeoffbench.targets.Engine> needs, Optional<ShardNeed> shards,
                             Map<String, List<ParamRule>> rules, Set<Metric> counters) {

    public BenchmarkShape {
        needs = Set.copyOf(needs);
        rules = Map.copyOf(rules);
        counters = Set.copyOf(counters);
    }
}
