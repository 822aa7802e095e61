package tradeoffbench.claims.seed;

import java.util.List;
import java.util.Map;

import tradeoffbench.cap.ReplicationMode;
import tradeoffbench.claims.ChartData;
import tradeoffbench.claims.ChartSpec;
import tradeoffbench.claims.Claim;
import tradeoffbench.claims.ClaimInfo;
import tradeoffbench.claims.Evidence;
import tradeoffbench.claims.Judgement;
import tradeoffbench.claims.Selection;
import tradeoffbench.claims.Verdict;
import tradeoffbench.experiment.CapExperiment;
import tradeoffbench.family.BenchmarkName;
import tradeoffbench.results.TidyRow;
import tradeoffbench.stats.Estimate;

/**
 * The seed's CAP section, measured on real streaming replication by the {@code cap} experiment (not JMH: a timeline
 * of steady → partition → heal, one second per row). Judged from the partition seconds of both setups: what was
 * acknowledged, what was committed on A without acknowledgement, what was refused, and what both sides served.
 */
public final class PartitionClaim implements Claim {
    static final String PARTITION = "partition";

    /** The partition seconds' sums of one setup. */
    record Partition(double attempted, double acknowledged, double acknowledgedInCut, double unacknowledged,
                     double refused, double readsB, double staleB, double readsA, double aheadA, double staleness) {
        static Partition of(Evidence evidence, BenchmarkName timeline) {
            List<TidyRow> rows = evidence.rows().stream().filter(r -> r.benchmark().equals(timeline)
                    && PARTITION.equals(r.param("phase"))).toList();
            return new Partition(sum(rows, "writes_attempted"), sum(rows, "writes_acknowledged"),
                    sum(rows, "writes_acknowledged_started_in_cut"), sum(rows, "writes_unacknowledged"),
                    sum(rows, "writes_refused"), sum(rows, "reads_b"), sum(rows, "stale_reads_b"),
                    sum(rows, "reads_a"), sum(rows, "ahead_reads_a"), max(rows, "staleness_ms"));
        }

        private static double sum(List<TidyRow> rows, String metric) {
            return rows.stream().filter(r -> r.metric().name().equals(metric)).mapToDouble(TidyRow::score).sum();
        }

        private static double max(List<TidyRow> rows, String metric) {
            return rows.stream().filter(r -> r.metric().name().equals(metric)).mapToDouble(TidyRow::score).max()
                    .orElse(0);
        }
    }

    @Override
    public ClaimInfo info() {
        return new ClaimInfo("cap-partition", 10,
                "When a partition happens, you're forced to choose: Choose Consistency (CP): Block/reject requests "
                        + "until partition heals [...] Choose Availability (AP): Accept requests on both sides - Node B "
                        + "returns potentially stale data",
                "seed, \"Distributed System\", \"The Inevitable Choice\"",
                "A PostgreSQL primary (A) and streaming replica (B) behind a relay that drops their traffic for the "
                        + "partition; writes to A, reads on both, counted per second (facts, not estimates). SUPPORTED "
                        + "when during the partition synchronous replication (CP) acknowledged no write sent while cut "
                        + "and B served no stale read, while asynchronous replication (AP) acknowledged writes and B "
                        + "served stale reads; REFUTED when CP acknowledged a write sent during the cut or B served it "
                        + "a stale read, or AP (with writes and reads attempted) acknowledged none or served no stale "
                        + "read; what CP committed on A without acknowledging it is reported.");
    }

    @Override
    public Selection selection() {
        return Selection.experiment(CapExperiment.NAME);
    }

    @Override
    public Judgement judge(Evidence evidence) {
        BenchmarkName cpName = CapExperiment.benchmark(ReplicationMode.CP);
        BenchmarkName apName = CapExperiment.benchmark(ReplicationMode.AP);
        boolean measured = evidence.rows().stream().anyMatch(r -> r.benchmark().equals(cpName))
                && evidence.rows().stream().anyMatch(r -> r.benchmark().equals(apName));
        if (!measured) {
            return Judgement.inconclusive("no partition timelines of both setups in this run: `run cap-partition` "
                    + "(or `tradeoff-bench cap`) measures them");
        }
        Partition cp = Partition.of(evidence, cpName);
        Partition ap = Partition.of(evidence, apName);
        List<String> numbers = List.of(
                String.format("CP during the partition: %s of %s writes acknowledged (%s of them sent while cut), %s "
                                + "committed on A but never acknowledged, %s refused; B: %s of %s reads stale; A: %s of %s reads "
                                + "returned an unacknowledged write", n(cp.acknowledged()), n(cp.attempted()),
                        n(cp.acknowledgedInCut()), n(cp.unacknowledged()), n(cp.refused()), n(cp.staleB()),
                        n(cp.readsB()), n(cp.aheadA()), n(cp.readsA())),
                String.format("AP during the partition: %s of %s writes acknowledged; B: %s of %s reads stale, up to "
                                + "%s ms behind", n(ap.acknowledged()), n(ap.attempted()), n(ap.staleB()), n(ap.readsB()),
                        n(ap.staleness())));
        boolean cpRefuses = cp.attempted() > 0 && cp.acknowledgedInCut() == 0 && cp.readsB() > 0 && cp.staleB() == 0;
        boolean apServesStale = ap.acknowledged() > 0 && ap.staleB() > 0;
        boolean cpContradicts = cp.acknowledgedInCut() > 0 || cp.staleB() > 0;
        boolean apContradicts = ap.readsB() > 0 && ap.attempted() > 0 && (ap.acknowledged() == 0 || ap.staleB() == 0);
        Verdict verdict = cpContradicts || apContradicts ? Verdict.REFUTED
                : cpRefuses && apServesStale ? Verdict.SUPPORTED : Verdict.INCONCLUSIVE;
        String reason = switch (verdict) {
            case SUPPORTED -> "CP acknowledged none of the " + n(cp.attempted()) + " writes sent during the partition and "
                    + "B served no stale read (but A committed " + n(cp.unacknowledged()) + " of them without "
                    + "acknowledging them, and A's readers saw them: CP blocks acknowledgement, not the commit); AP "
                    + "acknowledged " + n(ap.acknowledged()) + " writes while B served " + n(ap.staleB()) + " stale reads";
            case REFUTED -> cpContradicts ? "CP " + (cp.acknowledgedInCut() > 0 ? "acknowledged " + n(cp.acknowledgedInCut())
                    + " writes sent while the replica was cut off" : "served " + n(cp.staleB()) + " stale reads on B")
                    : "AP " + (ap.acknowledged() == 0 ? "acknowledged no write" : "served no stale read") + " during the partition";
            case INCONCLUSIVE -> "the partition saw too little: " + n(cp.attempted()) + " CP writes, " + n(cp.readsB())
                    + " CP reads, " + n(ap.acknowledged()) + " AP writes acknowledged, " + n(ap.staleB()) + " stale";
        };
        return new Judgement(verdict, reason, numbers, List.of(chart(evidence, cpName, apName)));
    }

    private static String n(double v) {
        return Estimate.number(v);
    }

    /** Per second, both setups: writes acknowledged, committed-unacknowledged and refused, and stale reads on B. */
    private static ChartSpec chart(Evidence evidence, BenchmarkName cp, BenchmarkName ap) {
        Map<ChartData.Key, Map<String, Estimate>> lines = ChartData.ordered();
        line(lines, evidence, cp, "writes_acknowledged", "CP writes acknowledged");
        line(lines, evidence, cp, "writes_unacknowledged", "CP writes committed, unacknowledged");
        line(lines, evidence, cp, "writes_refused", "CP writes refused");
        line(lines, evidence, ap, "writes_acknowledged", "AP writes acknowledged");
        line(lines, evidence, ap, "stale_reads_b", "AP stale reads on B");
        line(lines, evidence, cp, "stale_reads_b", "CP stale reads on B");
        return ChartData.lines("cap-partition", "A partition, second by second: CP stops acknowledging, AP serves "
                + "stale reads", "second (partition from second " + firstPartitionSecond(evidence, cp) + ")",
                "per second", lines);
    }

    private static void line(Map<ChartData.Key, Map<String, Estimate>> lines, Evidence evidence, BenchmarkName b,
                             String metric, String name) {
        Map<String, Estimate> bySecond = ChartData.ordered();
        evidence.rows().stream().filter(r -> r.benchmark().equals(b) && r.metric().name().equals(metric))
                .forEach(r -> bySecond.put(r.param("second"), Estimate.exact(r.score(), r.unit())));
        if (!bySecond.isEmpty()) {
            lines.put(ChartData.Key.named(name), bySecond);
        }
    }

    private static String firstPartitionSecond(Evidence evidence, BenchmarkName b) {
        return evidence.rows().stream().filter(r -> r.benchmark().equals(b) && PARTITION.equals(r.param("phase")))
                .map(r -> r.param("second")).min((x, y) -> ChartData.compareValues(x, y)).orElse("?");
    }
}
