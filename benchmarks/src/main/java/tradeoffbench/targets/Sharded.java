package tradeoffbench.targets;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A benchmark method (or every method of a class) that needs N servers of an engine, its shards, besides that
 * engine's main server. N is the value of the named {@code @Param} of each run; a method that does not take that
 * parameter needs none. The launcher provisions the largest N of the selection like the main server (same mode, or
 * the user's {@code --<engine>-shard-urls}); {@link Endpoints#shards} hands them to the benchmark in shard order.
 * Rows of a sharded method name shard 0 as their target (every shard runs the same version and settings).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Sharded {
    /** The {@code @Param} holding the shard count. */
    String param() default "shards";

    /** The engine the shards run. */
    Engine engine() default Engine.POSTGRESQL;
}
