package tradeoffbench.dataset;

/**
 * What makes a loaded dataset reusable: the generator and its version, the seed and the size. A server holding a
 * table whose recorded fingerprint equals this one (and whose row count matches) is not loaded again.
 */
public record DatasetFingerprint(String generator, int version, long seed, long size) {

    public DatasetFingerprint {
        if (size < 1) {
            throw new IllegalArgumentException("dataset size must be at least 1, got " + size);
        }
    }

    public static DatasetFingerprint users(long seed, long size) {
        return new DatasetFingerprint("users", UserGenerator.VERSION, seed, size);
    }

    /** Table or collection name: one per size, so a sweep over sizes loads each once. */
    public String name() {
        return generator + "_" + size;
    }

    public String value() {
        return generator + "/v" + version + "/seed=" + seed + "/n=" + size;
    }
}
