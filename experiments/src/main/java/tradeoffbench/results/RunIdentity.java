package tradeoffbench.results;

/** What every row of one run shares: its id, when it started, the code's git sha, and the machine it ran on. */
public record RunIdentity(String runId, String startedAt, String gitSha, String machine) {
}
