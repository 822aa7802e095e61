package tradeoffbench.run;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import tradeoffbench.catalog.BenchmarkMethod;
import tradeoffbench.catalog.UsageException;
import tradeoffbench.targets.Sharded;

/**
 * How many PostgreSQL shard servers a run needs: the largest value of a {@link Sharded} method's shard-count
 * parameter among the selected methods, taken from the user's {@code -p} values when given, else from the
 * method's {@code @Param} defaults. A {@code @Sharded} method without that parameter needs none (e.g. a class-level
 * annotation over an unsharded baseline method).
 */
public final class ShardDemand {
    private ShardDemand() {
    }

    public static int of(Collection<BenchmarkMethod> methods, Map<String, List<String>> overrides) {
        int max = 0;
        for (BenchmarkMethod m : methods) {
            String param = shardParam(m);
            if (param == null) {
                continue;
            }
            for (String value : overrides.getOrDefault(param, m.params().get(param))) {
                try {
                    int n = Integer.parseInt(value.trim());
                    if (n < 1) {
                        throw new NumberFormatException();
                    }
                    max = Math.max(max, n);
                } catch (NumberFormatException e) {
                    throw new UsageException("parameter '" + param + "' of " + m.shortName()
                            + " is a shard count and must be a whole number >= 1, got '" + value + "'");
                }
            }
        }
        return max;
    }

    /** True when the method's rows should name shard 0 as their target. */
    public static boolean isSharded(BenchmarkMethod m) {
        return shardParam(m) != null;
    }

    /** The method's shard-count parameter, or null when it is not sharded (or does not take that parameter). */
    static String shardParam(BenchmarkMethod m) {
        try {
            Class<?> type = Class.forName(m.className(), false, ShardDemand.class.getClassLoader());
            Sharded sharded = type.getAnnotation(Sharded.class);
            for (Method candidate : type.getMethods()) {
                if (candidate.getName().equals(m.method()) && candidate.getAnnotation(Sharded.class) != null) {
                    sharded = candidate.getAnnotation(Sharded.class);
                }
            }
            return sharded != null && m.params().containsKey(sharded.param()) ? sharded.param() : null;
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("benchmark class " + m.className() + " is not on the class path", e);
        }
    }
}
