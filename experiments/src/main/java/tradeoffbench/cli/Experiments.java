package tradeoffbench.cli;

import tradeoffbench.catalog.UsageException;
import tradeoffbench.experiment.CapExperiment;
import tradeoffbench.run.Experiment;

/** The experiments claims can ask for by name, each with its default settings. */
final class Experiments {
    private Experiments() {
    }

    static Experiment named(String name) {
        if (name.equals(CapExperiment.NAME)) {
            return new CapExperiment(CapCommand.defaultSpec(), 0);
        }
        throw new UsageException("unknown experiment '" + name + "'");
    }
}
