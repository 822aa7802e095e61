package tradeoffbench.sharding;

import java.util.List;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tradeoffbench.params.Accepts;

/**
 * N shard servers with the users hashed over them by userId ({@link ShardRouter}), loaded in parallel by COPY once
 * per fork; identical data is reused across forks and runs.
 */
@State(Scope.Benchmark)
public class ShardLayout {
    @Accepts(value = Accepts.POSITIVE, meaning = "a number of shards")
    @Param({"1", "2", "4"})
    public int shards;

    List<ShardTarget> targets;
    ShardRouter router;

    @Setup
    public void load(UserData data) {
        targets = ShardTarget.current(shards);
        router = ShardRouter.hashing(shards);
        ShardLoader.ensure(targets, router, data.users);
    }
}
