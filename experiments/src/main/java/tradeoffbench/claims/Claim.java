package tradeoffbench.claims;

/**
 * One claim from a system-design talk, as the seed notes say it, with what measures it and the rule that turns a run
 * folder's repetitions into a {@link Verdict}. A claim is one class in {@code tradeoffbench.claims.seed}; {@link Claims}
 * finds it there, so adding a claim touches that class (and its golden fixture) only.
 *
 * <p>Rules are defensive: missing rows, rows from a test fake, too few forks and intervals that straddle the
 * claim's threshold give INCONCLUSIVE with the reason, never an exception. Every rule can say REFUTED.
 */
public interface Claim {

    /** Its id, place in the seed, words and test. */
    ClaimInfo info();

    /** What it needs measured. */
    Selection selection();

    /** Decides from one run folder's evidence. Never throws for missing or odd rows. */
    Judgement judge(Evidence evidence);

    default String id() {
        return info().id();
    }
}
