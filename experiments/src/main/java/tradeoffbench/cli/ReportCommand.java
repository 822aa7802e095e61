package tradeoffbench.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tradeoffbench.catalog.UsageException;
import tradeoffbench.claims.Claim;
import tradeoffbench.claims.Claims;
import tradeoffbench.report.RunFolder;
import tradeoffbench.report.VerdictsReport;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Recompute verdicts.md and charts/ from a saved run folder alone (results.csv and run.json).",
                "Judges the claims the run was made for (claims.txt), else every claim, unless --claims says."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:verdicts written", "2:the folder is missing, incomplete or from another schema"})
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run folder, e.g. results/20261129T101500Z-1a2b3c4.")
    Path runDir;

    @Option(names = "--claims", split = ",", paramLabel = "CLAIM", description = "Claims to judge (ids, or all).")
    List<String> claimNames = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        RunFolder run = RunFolder.open(runDir);
        Claims catalog = Claims.load();
        List<Claim> claims;
        Path recorded = runDir.resolve(ClaimRun.CLAIMS_FILE);
        if (!claimNames.isEmpty()) {
            claims = catalog.select(claimNames);
        } else if (Files.isRegularFile(recorded)) {
            List<String> ids = Files.readAllLines(recorded, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
            try {
                claims = catalog.select(ids);
            } catch (UsageException e) {
                throw new UsageException(recorded + ": " + e.getMessage());
            }
        } else {
            claims = catalog.all();
        }
        var verdicts = VerdictsReport.write(run, claims);
        System.out.print(VerdictsReport.summary(verdicts));
        System.out.println("verdicts: " + runDir.resolve(VerdictsReport.FILE_NAME) + " and "
                + runDir.resolve(tradeoffbench.report.HtmlReport.FILE_NAME));
        return 0;
    }
}
