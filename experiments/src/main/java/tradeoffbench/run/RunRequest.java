package tradeoffbench.run;

import java.nio.file.Path;
import java.util.List;

import tradeoffbench.targets.TargetOptions;

/** Everything a run was asked to do, already parsed and validated by the command line. */
public record RunRequest(List<String> families, List<String> benchmarkPatterns, Profile profile, JmhSettings jmh,
                         TargetOptions targets, Path resultsDir, List<String> maskedCommand) {
}
