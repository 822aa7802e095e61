package tradeoffbench.run;

import java.nio.file.Path;
import java.util.List;

import tradeoffbench.targets.TargetOptions;

/**
 * Everything a run was asked to do, parsed and validated by the command line: the trials (already expanded, their
 * values already checked) and the experiments that are not JMH benchmarks, how to measure them, where the servers
 * come from and where the folder goes.
 *
 * @param verbose JMH's own console output on the console too (else only in the folder's jmh.log)
 */
public record RunRequest(List<Trial> trials, List<Experiment> experiments, Profile profile, JmhSettings jmh,
                         TargetOptions targets, Path resultsDir, List<String> maskedCommand, boolean verbose) {

    public RunRequest {
        trials = List.copyOf(trials);
        experiments = List.copyOf(experiments);
        maskedCommand = List.copyOf(maskedCommand);
    }
}
