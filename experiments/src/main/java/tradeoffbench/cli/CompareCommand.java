package tradeoffbench.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tradeoffbench.report.Comparison;
import tradeoffbench.report.RunFolder;
import tradeoffbench.results.AtomicFiles;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare two saved runs: a Markdown table with both scores per row, the ratio B/A, and whether "
                + "the difference is significant (Welch's t-test, else error intervals)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:table written", "2:a folder is missing, incomplete or from another schema"})
final class CompareCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_A", description = "The baseline run folder.")
    Path runA;

    @Parameters(index = "1", paramLabel = "RUN_B", description = "The run compared with it.")
    Path runB;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Also write the table to this file.")
    Path output;

    @Override
    public Integer call() throws IOException {
        String table = Comparison.markdown(RunFolder.open(runA), RunFolder.open(runB));
        System.out.print(table);
        if (output != null) {
            byte[] bytes = table.getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(output, out -> out.write(bytes));
        }
        return 0;
    }
}
