package tradeoffbench.joins;

import java.util.List;

/**
 * Which read pairs with which writes, so a report can put a read speed-up and its write slow-down on one row.
 * Rows join on the shared parameters {@code posts} and {@code fanout} (the dataset) and, for renames, list one
 * row per {@code copies} = K. Each pair sets a normalized twin (the baseline) beside a denormalized one:
 *
 * <pre>
 *   read speed-up  = readScore(denormalized twin) / readScore(normalized)            (ops/s)
 *   write slowdown = renameCost(denormalized twin, K) / renameCost(normalized, K)    (us/op)
 *   break-even     = reads per rename above which denormalizing pays:
 *                    (w_denorm - w_norm) / (r_norm - r_denorm)                       (us/op, same threads)
 * </pre>
 */
public record JoinsPairs(String label, Twin normalized, Twin denormalized) {

    /** One layout's read method and write methods, each named "Class.method" as in the tidy CSV. */
    public record Twin(Layout layout, String read, String rename, String addComment) {
    }

    public static final JoinsPairs NORMALIZED_VS_DENORMALIZED = new JoinsPairs("PostgreSQL join vs copied names",
            new Twin(Layout.NORMALIZED, "PostReadBenchmark.joined", "RenameWriteBenchmark.renameNormalized",
                    "AddCommentBenchmark.addCommentNormalized"),
            new Twin(Layout.DENORMALIZED, "PostReadBenchmark.denormalized", "RenameWriteBenchmark.renameDenormalized",
                    "AddCommentBenchmark.addCommentDenormalized"));
    public static final JoinsPairs NORMALIZED_VS_JSONB = new JoinsPairs("PostgreSQL join vs JSONB document",
            NORMALIZED_VS_DENORMALIZED.normalized(),
            new Twin(Layout.JSONB, "PostReadBenchmark.jsonbDocument", "RenameWriteBenchmark.renameJsonb",
                    "AddCommentBenchmark.addCommentJsonb"));
    public static final JoinsPairs MONGO_LOOKUP_VS_EMBEDDED = new JoinsPairs("MongoDB $lookup vs embedded",
            new Twin(Layout.MONGO_NORMALIZED, "PostReadBenchmark.mongoLookup",
                    "RenameWriteBenchmark.renameMongoNormalized", "AddCommentBenchmark.addCommentMongoNormalized"),
            new Twin(Layout.MONGO_EMBEDDED, "PostReadBenchmark.mongoEmbedded",
                    "RenameWriteBenchmark.renameMongoEmbedded", "AddCommentBenchmark.addCommentMongoEmbedded"));
    /** The feed: the wider join; its write twin is the same rename (d_feed copies are renamed too). */
    public static final JoinsPairs FEED = new JoinsPairs("PostgreSQL feed join vs materialized timeline",
            new Twin(Layout.NORMALIZED, "FeedReadBenchmark.feedJoined", "RenameWriteBenchmark.renameNormalized",
                    "AddCommentBenchmark.addCommentNormalized"),
            new Twin(Layout.DENORMALIZED, "FeedReadBenchmark.feedDenormalized",
                    "RenameWriteBenchmark.renameDenormalized", "AddCommentBenchmark.addCommentDenormalized"));

    public static final List<JoinsPairs> ALL =
            List.of(NORMALIZED_VS_DENORMALIZED, NORMALIZED_VS_JSONB, MONGO_LOOKUP_VS_EMBEDDED, FEED);

    /** Parameters a read row and a write row must share to be paired. */
    public static final List<String> SHARED_PARAMS = List.of("posts", "fanout");

    /**
     * Reads per write above which the denormalized twin wins overall, from per-operation costs in the same unit:
     * the extra write cost divided by the read saving. Infinite when the denormalized read saves nothing.
     */
    public static double breakEvenReadsPerWrite(double readNormalized, double readDenormalized,
                                                double writeNormalized, double writeDenormalized) {
        double saved = readNormalized - readDenormalized;
        double extra = writeDenormalized - writeNormalized;
        if (extra <= 0) {
            return 0;
        }
        return saved <= 0 ? Double.POSITIVE_INFINITY : extra / saved;
    }
}
