package tradeoffbench.catalog;

import java.util.List;
import java.util.Map;
import java.util.Set;

import tradeoffbench.targets.Engine;

/**
 * One {@code @Benchmark} method as JMH's generated list describes it, with what the harness adds: its family
 * (the package under {@code tradeoffbench}) and the engines it {@link tradeoffbench.targets.Needs needs}.
 *
 * @param params the method's {@code @Param} names with their default values
 */
public record BenchmarkMethod(String className, String method, String family, Set<Engine> needs,
                              Map<String, List<String>> params) {

    /** {@code tradeoffbench.lookup.PointLookupBenchmark.postgresPrimaryKey}, as JMH names it. */
    public String fullName() {
        return className + "." + method;
    }

    /** {@code PointLookupBenchmark.postgresPrimaryKey}, as result rows name it. */
    public String shortName() {
        return className.substring(className.lastIndexOf('.') + 1) + "." + method;
    }
}
