package tradeoffbench.claims;

import java.util.Collection;

import tradeoffbench.stats.Estimate;
import tradeoffbench.stats.Relation;

/** How verdicts of parts combine into one. */
public final class Verdicts {
    private Verdicts() {
    }

    /**
     * The same question asked under several conditions (params, threads): SUPPORTED or REFUTED only when every case
     * agrees; any disagreement or any undecided case leaves it INCONCLUSIVE.
     */
    public static Verdict unanimous(Collection<Verdict> cases) {
        if (cases.isEmpty()) {
            return Verdict.INCONCLUSIVE;
        }
        if (cases.stream().allMatch(v -> v == Verdict.SUPPORTED)) {
            return Verdict.SUPPORTED;
        }
        if (cases.stream().allMatch(v -> v == Verdict.REFUTED)) {
            return Verdict.REFUTED;
        }
        return Verdict.INCONCLUSIVE;
    }

    /** A claim made of parts ("A, and B"): REFUTED when any part is refuted, SUPPORTED when all are supported. */
    public static Verdict allOf(Collection<Verdict> parts) {
        if (parts.contains(Verdict.REFUTED)) {
            return Verdict.REFUTED;
        }
        if (!parts.isEmpty() && parts.stream().allMatch(v -> v == Verdict.SUPPORTED)) {
            return Verdict.SUPPORTED;
        }
        return Verdict.INCONCLUSIVE;
    }

    /**
     * The smallest difference a speaker may call "faster", "slower" or "hotter": 10%. A claim that one thing beats
     * another is tested as "beats it by at least this much", so a difference too small to matter on a slide is never
     * SUPPORTED by a tight interval, and the claim can be REFUTED when the effect is absent (docs/STATISTICS.md).
     */
    public static final double MATERIAL = 1.10;

    /**
     * "a beats b" for a ratio a/b where more is better (a speed, a load share): SUPPORTED when the whole interval is
     * above {@link #MATERIAL}, REFUTED when it is wholly below it (a does not beat b by that much, or loses),
     * INCONCLUSIVE when it straddles it or has no interval.
     */
    public static Verdict materiallyAbove(Estimate ratio) {
        return expect(Relation.ABOVE, ratio.against(MATERIAL));
    }

    /** "a stays below b" for a ratio a/b: the mirror of {@link #materiallyAbove}, at 1 / {@link #MATERIAL}. */
    public static Verdict materiallyBelow(Estimate ratio) {
        return expect(Relation.BELOW, ratio.against(1 / MATERIAL));
    }

    /** SUPPORTED when {@code actual} is the relation the claim expects, REFUTED when it is the opposite. */
    public static Verdict expect(Relation expected, Relation actual) {
        if (actual == Relation.OVERLAP) {
            return Verdict.INCONCLUSIVE;
        }
        return actual == expected ? Verdict.SUPPORTED : Verdict.REFUTED;
    }
}
