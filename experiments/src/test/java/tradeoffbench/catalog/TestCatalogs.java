package tradeoffbench.catalog;

import java.util.List;

/** Builds a catalog from hand-made methods, for tests of what is selected from it. */
public final class TestCatalogs {
    private TestCatalogs() {
    }

    public static BenchmarkCatalog of(List<BenchmarkMethod> methods) {
        return new BenchmarkCatalog(methods);
    }
}
