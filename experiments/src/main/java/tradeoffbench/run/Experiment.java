package tradeoffbench.run;

import java.io.PrintStream;
import java.util.Map;

/**
 * A measurement that is not a JMH benchmark (the CAP timeline): it starts what it needs, measures, and hands its rows
 * to the run's recorder, so its folder is a run folder like any other and {@code report} judges it the same way.
 */
public interface Experiment {
    /** The name claims ask for it by ({@code cap}). */
    String name();

    /** Its settings, recorded in run.json. */
    Map<String, Object> settings();

    /** Runs it; rows go to {@code recorder}, progress to {@code out}. */
    void run(RunRecorder recorder, PrintStream out) throws Exception;
}
