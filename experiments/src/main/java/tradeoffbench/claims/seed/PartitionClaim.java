package tradeoffbench.claims.seed;

import java.util.List;

import tradeoffbench.cap.CapVerdict;
import tradeoffbench.claims.Claim;
import tradeoffbench.claims.Judgement;
import tradeoffbench.claims.Rows;
import tradeoffbench.claims.Selection;
import tradeoffbench.claims.Verdict;
import tradeoffbench.results.TidyRow;

/**
 * The seed's CAP section, measured on real streaming replication by the {@code cap} command (not a JMH benchmark:
 * a timeline of steady → partition → heal). Judged from the partition seconds of {@code PartitionTimeline.cp} and
 * {@code PartitionTimeline.ap}; {@code run all} cannot produce those rows, so there it is INCONCLUSIVE and says
 * how to get them.
 */
public final class PartitionClaim implements Claim {
    static final String FAMILY = "cap";
    static final String CP = "PartitionTimeline.cp";
    static final String AP = "PartitionTimeline.ap";

    @Override
    public String id() {
        return "cap-partition";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String quote() {
        return "When a partition happens, you're forced to choose: Choose Consistency (CP): Block/reject requests "
                + "until partition heals [...] Choose Availability (AP): Accept requests on both sides - Node B returns "
                + "potentially stale data";
    }

    @Override
    public String source() {
        return "seed, \"Distributed System\", \"The Inevitable Choice\"";
    }

    @Override
    public String tested() {
        return "A PostgreSQL primary (A) and streaming replica (B) behind a cuttable TCP relay; during the partition "
                + "SUPPORTED when synchronous replication (CP) timed writes out and served no stale read on B while "
                + "asynchronous replication (AP) committed writes and served stale reads; REFUTED when either side "
                + "did the opposite.";
    }

    @Override
    public Selection selection() {
        return Selection.none();
    }

    @Override
    public Judgement judge(Rows rows) {
        boolean measured = rows.all().stream().anyMatch(r -> FAMILY.equals(r.family())
                && (CP.equals(r.benchmark()) || AP.equals(r.benchmark())));
        if (!measured) {
            return Judgement.inconclusive("no partition timeline in this run: run `tradeoff-bench cap`, then "
                    + "`tradeoff-bench report <its folder>`");
        }
        CapVerdict v = verdict(rows.all());
        Verdict verdict = switch (v.outcome()) {
            case SUPPORTED -> Verdict.SUPPORTED;
            case REFUTED -> Verdict.REFUTED;
            case INCONCLUSIVE -> Verdict.INCONCLUSIVE;
        };
        return new Judgement(verdict, v.summary().substring(v.summary().indexOf(" — ") + 3), List.of(
                "CP during the partition: " + v.cpWritesTimedOut() + " of " + v.cpWritesAttempted()
                        + " writes timed out, " + v.cpWritesCommitted() + " committed; " + v.cpStaleReads() + " of "
                        + v.cpReads() + " reads on B stale",
                "AP during the partition: " + v.apWritesCommitted() + " of " + v.apWritesAttempted()
                        + " writes committed; " + v.apStaleReads() + " of " + v.apReads() + " reads on B stale"),
                List.of());
    }

    /** The verdict from a results folder's rows alone: the sums over the partition seconds of both timelines. */
    public static CapVerdict verdict(List<TidyRow> rows) {
        return CapVerdict.decide(partitionSum(rows, CP, "writes_attempted"), partitionSum(rows, CP, "writes_committed"),
                partitionSum(rows, CP, "writes_timed_out"), partitionSum(rows, CP, "reads"),
                partitionSum(rows, CP, "stale_reads"), partitionSum(rows, AP, "writes_attempted"),
                partitionSum(rows, AP, "writes_committed"), partitionSum(rows, AP, "reads"),
                partitionSum(rows, AP, "stale_reads"));
    }

    private static long partitionSum(List<TidyRow> rows, String benchmark, String metric) {
        return Math.round(rows.stream()
                .filter(r -> FAMILY.equals(r.family()) && benchmark.equals(r.benchmark()))
                .filter(r -> "partition".equals(r.param("phase")) && metric.equals(r.metric()))
                .mapToDouble(TidyRow::score).sum());
    }
}
