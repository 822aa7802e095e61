package tradeoffbench.claims;

/**
 * @param id     short kebab-case id used on the command line: {@code run lookup-latency}
 * @param order  position in the seed notes; claims are listed and reported in this order
 * @param quote  the claim as the seed writes it, word for word
 * @param source where the quote comes from, e.g. {@code seed, "Relational database vs Non-relational database"}
 * @param tested what this harness measures to test the quote, with the rule, in a few sentences
 */
public record ClaimInfo(String id, int order, String quote, String source, String tested) {
}
