package tradeoffbench.claims;

/**
 * One claim from a system-design talk, as the seed notes say it, with what measures it and the rule that turns
 * result rows into a {@link Verdict}. A claim is one class in {@code tradeoffbench.claims.seed}; {@link Claims}
 * finds it there, so adding a claim touches nothing else.
 *
 * <p>Rules are defensive: missing rows, rows from a test fake and overlapping error intervals give INCONCLUSIVE
 * with the reason, never an exception.
 */
public interface Claim {

    /** Short kebab-case id used on the command line: {@code run lookup-latency}. */
    String id();

    /** Position in the seed notes; claims are listed and reported in this order. */
    int order();

    /** The claim as the seed writes it, word for word. */
    String quote();

    /** Where the quote comes from, e.g. {@code seed, "Relational database vs Non-relational database"}. */
    String source();

    /** What this harness measures to test the quote, in one sentence, with the rule. */
    String tested();

    Selection selection();

    /** Decides from the rows of one run. Never throws for missing or odd rows. */
    Judgement judge(Rows rows);
}
