package tradeoffbench.lookup;

import tradeoffbench.family.BenchmarkName;

/** The lookup family's names, for the claims and reports that read its rows. */
public final class Lookup {
    public static final BenchmarkName POSTGRES_PRIMARY_KEY =
            BenchmarkName.of(PointLookupBenchmark.class, "postgresPrimaryKey");
    public static final BenchmarkName MONGO_FIND_BY_ID = BenchmarkName.of(PointLookupBenchmark.class, "mongoFindById");

    public static final String USERS = "users";

    private Lookup() {
    }
}
