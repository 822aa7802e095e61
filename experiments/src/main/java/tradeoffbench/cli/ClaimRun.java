package tradeoffbench.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import tradeoffbench.catalog.UsageException;
import tradeoffbench.claims.Claim;
import tradeoffbench.report.VerdictsReport;
import tradeoffbench.results.AtomicFiles;
import tradeoffbench.results.IterationsCsv;
import tradeoffbench.results.ResultsCsv;
import tradeoffbench.run.JmhSettings;
import tradeoffbench.run.Profile;
import tradeoffbench.run.RunEnvironment;
import tradeoffbench.run.RunFolder;
import tradeoffbench.run.RunManifest;

/** The claim steps of {@code run}: verdicts after the measurement, and runs whose claims need no measurement. */
final class ClaimRun {
    /** The claims a run was asked about, one id a line; {@code report} judges these again. */
    static final String CLAIMS_FILE = "claims.txt";

    private ClaimRun() {
    }

    static void verdicts(Path folder, List<Claim> claims, PrintStream out) {
        try {
            byte[] ids = (String.join("\n", claims.stream().map(Claim::id).toList()) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(folder.resolve(CLAIMS_FILE), o -> o.write(ids));
            var verdicts = VerdictsReport.write(tradeoffbench.report.RunFolder.open(folder), claims);
            out.print(VerdictsReport.summary(verdicts));
            out.println("verdicts: " + folder.resolve(VerdictsReport.FILE_NAME) + " and "
                    + folder.resolve(tradeoffbench.report.HtmlReport.FILE_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write verdicts to " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Claims decided by arithmetic alone (e.g. {@code nines}): a run folder with no rows, then the verdicts. */
    static int arithmeticOnly(List<Claim> claims, Profile profile, JmhSettings jmh, Path resultsDir,
                              List<String> maskedCommand, PrintStream out) {
        Instant startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String gitSha = RunEnvironment.gitSha(Path.of("."));
        RunFolder run = RunFolder.create(resultsDir, startedAt, gitSha);
        Path folder = run.path();
        try {
            RunManifest manifest = new RunManifest(run.runId(), startedAt.toString(), gitSha, maskedCommand,
                    profile.label(), jmh, List.of(), 0);
            manifest.finish(RunManifest.Status.COMPLETED, Instant.now().toString());
            manifest.rows(0);
            ResultsCsv.write(folder, List.of());
            IterationsCsv.write(folder, List.of());
            manifest.write(folder.resolve(RunManifest.FILE_NAME));
        } catch (IOException | SecurityException e) {
            throw new UsageException("cannot create results folder " + folder + ": " + e.getMessage());
        }
        out.println("run " + run.runId() + ": nothing to measure for " + claims.stream().map(Claim::id).toList()
                + "; results in " + folder);
        verdicts(folder, claims, out);
        return 0;
    }
}
