package tradeoffbench.dataset;

/**
 * A line from inside a JMH fork meant for the person running it (a long load's progress, a dataset reused). The
 * launcher keeps JMH's own output in {@code jmh.log} and shows only these lines on the console, once each, on lines
 * of their own.
 */
public final class Announce {
    /** What marks such a line in a fork's output. */
    public static final String PREFIX = "[tradeoff-bench] ";
    /** When the run began (epoch millis), handed to its forks: a dataset loaded since is no news. */
    public static final String RUN_STARTED_PROPERTY = "tradeoffbench.run.started";

    private Announce() {
    }

    public static void line(String text) {
        System.err.println(PREFIX + text);
    }
}
