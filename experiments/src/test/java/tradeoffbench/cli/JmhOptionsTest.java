package tradeoffbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A JMH user's spellings work as in JMH: -l and -lp list what a selection matches and run nothing. */
class JmhOptionsTest {

    @Test
    void dashLListsTheMatchingBenchmarksAndDashLpTheirParameters() {
        Console l = Console.run("run", "-b", "PointLookupBenchmark", "-l");
        assertThat(l.exit()).isZero();
        assertThat(l.out()).isEqualTo("Benchmarks:\n"
                + "tradeoffbench.lookup.PointLookupBenchmark.mongoFindById\n"
                + "tradeoffbench.lookup.PointLookupBenchmark.postgresPrimaryKey\n");

        Console lp = Console.run("run", "-b", "postgresPrimaryKey", "-lp");
        assertThat(lp.exit()).isZero();
        assertThat(lp.out()).isEqualTo("Benchmarks:\n"
                + "tradeoffbench.lookup.PointLookupBenchmark.postgresPrimaryKey\n"
                + "  param \"users\" = {10000, 1000000}\n");
    }

    @Test
    void dashLWithoutACommandListsAsJmhDoes() {
        Console l = Console.run("-l", "-b", "PointLookupBenchmark");
        assertThat(l.exit()).isZero();
        assertThat(l.out()).startsWith("Benchmarks:\n").contains("PointLookupBenchmark.postgresPrimaryKey");
    }
}
