package tradeoffbench.claims;

/** The two-proportion z statistic, for counts JMH sums without an error (e.g. aborted attempts out of all attempts). */
public final class Proportions {
    private Proportions() {
    }

    /**
     * z of {@code hitsA/totalA − hitsB/totalB} with the pooled standard error; positive when A's share is higher.
     * 0 when either total is 0 or nothing happened at all.
     */
    public static double z(double hitsA, double totalA, double hitsB, double totalB) {
        if (totalA <= 0 || totalB <= 0) {
            return 0;
        }
        double pooled = (hitsA + hitsB) / (totalA + totalB);
        double se = Math.sqrt(pooled * (1 - pooled) * (1 / totalA + 1 / totalB));
        if (se == 0) {
            return 0;
        }
        return (hitsA / totalA - hitsB / totalB) / se;
    }
}
