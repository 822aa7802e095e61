package tradeoffbench.targets;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The engines a benchmark method (or every method of a benchmark class) needs. The launcher runs a method only
 * when all of them resolved to a target, and records a one-line reason for every method it skips.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Needs {
    Engine[] value();
}
