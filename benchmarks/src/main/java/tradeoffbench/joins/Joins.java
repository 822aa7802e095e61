package tradeoffbench.joins;

import tradeoffbench.family.BenchmarkName;

/**
 * The joins family's names, for the claims and reports that read its rows. Each read has write twins measured on the
 * same dataset (same {@code posts}, {@code fanout}): a layout's read speed-up is paid for by its renames
 * ({@code copies} = K) and comment inserts.
 */
public final class Joins {
    public static final BenchmarkName JOINED = read("joined");
    public static final BenchmarkName DENORMALIZED = read("denormalized");
    public static final BenchmarkName JSONB_DOCUMENT = read("jsonbDocument");
    public static final BenchmarkName MONGO_LOOKUP = read("mongoLookup");
    public static final BenchmarkName MONGO_EMBEDDED = read("mongoEmbedded");

    public static final BenchmarkName FEED_JOINED = BenchmarkName.of(FeedReadBenchmark.class, "feedJoined");
    public static final BenchmarkName FEED_DENORMALIZED = BenchmarkName.of(FeedReadBenchmark.class, "feedDenormalized");

    public static final BenchmarkName RENAME_NORMALIZED = rename("renameNormalized");
    public static final BenchmarkName RENAME_DENORMALIZED = rename("renameDenormalized");
    public static final BenchmarkName RENAME_JSONB = rename("renameJsonb");
    public static final BenchmarkName RENAME_MONGO_NORMALIZED = rename("renameMongoNormalized");
    public static final BenchmarkName RENAME_MONGO_EMBEDDED = rename("renameMongoEmbedded");

    public static final BenchmarkName ADD_COMMENT_NORMALIZED = addComment("addCommentNormalized");
    public static final BenchmarkName ADD_COMMENT_DENORMALIZED = addComment("addCommentDenormalized");
    public static final BenchmarkName ADD_COMMENT_JSONB = addComment("addCommentJsonb");

    public static final String POSTS = "posts";
    public static final String FANOUT = "fanout";
    public static final String COPIES = "copies";

    private Joins() {
    }

    private static BenchmarkName read(String method) {
        return BenchmarkName.of(PostReadBenchmark.class, method);
    }

    private static BenchmarkName rename(String method) {
        return BenchmarkName.of(RenameWriteBenchmark.class, method);
    }

    private static BenchmarkName addComment(String method) {
        return BenchmarkName.of(AddCommentBenchmark.class, method);
    }
}
