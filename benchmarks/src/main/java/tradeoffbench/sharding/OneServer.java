package tradeoffbench.sharding;

import java.util.List;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Everybody on the run's main server, same schema as a shard: the unsharded baseline. */
@State(Scope.Benchmark)
public class OneServer {
    List<ShardTarget> targets;
    final ShardRouter router = ShardRouter.hashing(1);

    @Setup
    public void load(UserData data) {
        targets = List.of(ShardTarget.unsharded());
        ShardLoader.ensure(targets, router, data.users);
    }
}
