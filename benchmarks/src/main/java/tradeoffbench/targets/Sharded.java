package tradeoffbench.targets;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A benchmark method (or every method of a class) that needs N extra PostgreSQL servers, its shards, besides the
 * main {@code pg} endpoint. N is the largest value of the named {@code @Param} among the selected runs (the user's
 * {@code -p} values, else the defaults); a method that does not take that parameter needs no shards. The launcher
 * provisions them like the main server (same mode: N embedded servers, N containers, or the user's
 * {@code --pg-shard-urls}) and names them {@code pg.shard0} .. {@code pg.shard{N-1}} in the endpoints file.
 * Rows of a sharded method name shard 0 as their target (every shard runs the same version and settings).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Sharded {
    /** Endpoint names of the shards are this prefix followed by the shard index (0-based). */
    String ENDPOINT_PREFIX = "pg.shard";

    /** The {@code @Param} holding the shard count. */
    String param() default "shards";
}
