package tradeoffbench.results;

/** What every row of one run shares. */
public record RowContext(String runId, String startedAt, String gitSha, String machine) {
}
