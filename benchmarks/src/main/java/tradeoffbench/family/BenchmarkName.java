package tradeoffbench.family;

import java.util.Objects;

/**
 * One {@code @Benchmark} method, by name: what families publish as constants, what claims ask for, what result rows
 * carry. The family is the package under {@code tradeoffbench} ({@code tradeoffbench.lookup.*} is {@code lookup}).
 */
public record BenchmarkName(String className, String method) implements Comparable<BenchmarkName> {
    static final String ROOT = "tradeoffbench.";

    public BenchmarkName {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(method, "method");
    }

    public static BenchmarkName of(Class<?> type, String method) {
        return new BenchmarkName(type.getName(), method);
    }

    /** From a family and a short name as result rows hold them: {@code lookup}, {@code PointLookupBenchmark.x}. */
    public static BenchmarkName of(String family, String shortName) {
        int dot = shortName.lastIndexOf('.');
        if (dot <= 0 || dot == shortName.length() - 1) {
            throw new IllegalArgumentException("not a benchmark name 'Class.method': " + shortName);
        }
        return new BenchmarkName(ROOT + family + "." + shortName.substring(0, dot), shortName.substring(dot + 1));
    }

    /** From JMH's full name {@code tradeoffbench.lookup.PointLookupBenchmark.postgresPrimaryKey}. */
    public static BenchmarkName parse(String fullName) {
        int dot = fullName.lastIndexOf('.');
        return new BenchmarkName(fullName.substring(0, dot), fullName.substring(dot + 1));
    }

    /** {@code tradeoffbench.lookup.PointLookupBenchmark.postgresPrimaryKey}, as JMH names it. */
    public String fullName() {
        return className + "." + method;
    }

    /** {@code PointLookupBenchmark.postgresPrimaryKey}, as result rows name it. */
    public String shortName() {
        return className.substring(className.lastIndexOf('.') + 1) + "." + method;
    }

    /** The benchmark class's simple name: {@code PointLookupBenchmark}. */
    public String classSimpleName() {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** The package under {@code tradeoffbench}: {@code lookup}; {@code other} outside it. */
    public String family() {
        if (!className.startsWith(ROOT)) {
            return "other";
        }
        String rest = className.substring(ROOT.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? "other" : rest.substring(0, dot);
    }

    @Override
    public int compareTo(BenchmarkName o) {
        return fullName().compareTo(o.fullName());
    }

    @Override
    public String toString() {
        return shortName();
    }
}
