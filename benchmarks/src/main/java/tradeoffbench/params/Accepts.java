package tradeoffbench.params;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The values a {@code @Param} field accepts, as a regular expression the whole value must match. The launcher
 * checks every {@code -p} value against it before any server starts, so a typo (an isolation level the benchmark
 * does not know, a negative dataset size) is a one-line error with exit 2 instead of a failed fork.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Accepts {
    /** A regular expression matched against the whole value. */
    String value();

    /** What the value means, for the error message: {@code "an isolation level"}. */
    String meaning();

    /**
     * Disk bytes one unit of this value costs in the dataset it makes the benchmark load (rows, indexes, every copy
     * the family keeps), a deliberate over-estimate; 0 when the value is not a size. The launcher refuses a run whose
     * datasets would not fit where the servers it starts keep their data.
     */
    long bytesEach() default 0;

    /** A positive whole number, as sizes and counts are. */
    String POSITIVE = "[1-9][0-9]{0,8}";
}
