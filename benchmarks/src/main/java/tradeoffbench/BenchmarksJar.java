package tradeoffbench;

/**
 * {@code java -jar} on the benchmarks module's jar (the JMH archetype's habit): this jar holds the benchmarks but
 * not the launcher that provides their databases, so it says where that is instead of failing obscurely.
 */
public final class BenchmarksJar {
    private BenchmarksJar() {
    }

    public static void main(String[] args) {
        System.err.println("error: this jar holds the benchmarks only; their databases are provided by the launcher: "
                + "java -jar experiments/target/tradeoff-bench.jar run" + given(args) + " (JMH's options pass through: -b, -p, -f, -wi, -w, -i, -r, -t, -bm, -prof, -l)");
        System.exit(2);
    }

    /** The user's options, repeated in the advice; the other jar a {@code *.jar} glob passed along is left out. */
    static String given(String[] args) {
        StringBuilder text = new StringBuilder();
        for (String a : args) {
            if (!a.endsWith(".jar")) {
                text.append(' ').append(a);
            }
        }
        return text.toString();
    }
}
