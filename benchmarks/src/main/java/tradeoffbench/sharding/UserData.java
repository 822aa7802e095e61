package tradeoffbench.sharding;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import tradeoffbench.params.Accepts;

/** The generated users every benchmark of the family reads: all shards together hold {@code users} of them. */
@State(Scope.Benchmark)
public class UserData {
    @Accepts(value = Accepts.POSITIVE, meaning = "a number of users", bytesEach = 1_500)
    @Param({"10000"})
    public long users;
}
