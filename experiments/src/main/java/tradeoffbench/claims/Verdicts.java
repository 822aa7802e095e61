package tradeoffbench.claims;

import java.util.Collection;

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

    /** SUPPORTED when {@code relation} is the one the claim expects, REFUTED when it is the opposite. */
    public static Verdict expect(Relation expected, Relation actual) {
        if (actual == Relation.OVERLAP) {
            return Verdict.INCONCLUSIVE;
        }
        return actual == expected ? Verdict.SUPPORTED : Verdict.REFUTED;
    }
}
