package tradeoffbench.results;

/**
 * A metric of one trial summarized over its repetitions: the score (the mean of the forks' means of their measured
 * iterations), its 95% interval from forks and iterations (see {@code tradeoffbench.stats}), how many forks and
 * iterations it rests on, and for a latency distribution the mean of the iterations' percentiles. Numbers that do
 * not apply are {@code null} and written as empty cells.
 *
 * @param samples latency samples (sample mode) or operations over all measured iterations
 * @param total   the sum over all measured iterations of all forks (what a counter counted in the whole run)
 * @param steady  false when the measured iterations trend (see {@code tradeoffbench.stats.SteadyState})
 */
public record Summary(double score, Double low, Double high, String unit, int forks, int iterations, Long samples,
                      Double total, Double p50, Double p90, Double p99, Double p999, Boolean steady) {

    /** Half the interval's width, or null without one. */
    public Double error() {
        return low == null || high == null ? null : (high - low) / 2;
    }
}
