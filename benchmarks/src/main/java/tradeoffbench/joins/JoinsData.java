package tradeoffbench.joins;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tradeoffbench.params.Accepts;

/** The one generated model of every benchmark of the family: {@code posts} posts with {@code fanout} comments each. */
@State(Scope.Benchmark)
public class JoinsData {
    @Accepts(value = Accepts.POSITIVE, meaning = "a number of comments per post")
    @Param({"10"})
    public int fanout;

    @Accepts(value = Accepts.POSITIVE, meaning = "a number of posts", bytesEach = 20_000)
    @Param({"1000"})
    public int posts;

    JoinsModel model;

    @Setup
    public void generate() {
        model = JoinsFixture.model(posts, fanout);
    }
}
