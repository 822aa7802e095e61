package tradeoffbench.run;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import tradeoffbench.results.Target;
import tradeoffbench.targets.Endpoint;
import tradeoffbench.targets.Endpoints;
import tradeoffbench.targets.Engine;

/** The target columns of a trial's rows: the servers it used (a sharded trial's: shard 0's), read from the endpoints. */
final class TargetColumns {
    private TargetColumns() {
    }

    static Target of(Trial trial, Endpoints endpoints) {
        List<Endpoint> used = new ArrayList<>();
        for (Engine engine : trial.method().needs()) {
            boolean sharded = trial.shardCount() > 0 && trial.method().shards().orElseThrow().engine() == engine;
            used.add(sharded ? endpoints.find(Endpoints.shardName(engine, 0)).orElseGet(() -> endpoints.require(engine))
                    : endpoints.require(engine));
        }
        return of(used);
    }

    /** One endpoint as it is; several (e.g. both engines) joined with '+', settings prefixed by the engine's key. */
    static Target of(List<Endpoint> endpoints) {
        if (endpoints.isEmpty()) {
            return Target.none();
        }
        if (endpoints.size() == 1) {
            Endpoint e = endpoints.get(0);
            return new Target(e.engine().label(), e.mode().label(), e.version(), e.settings());
        }
        List<String> names = new ArrayList<>();
        List<String> modes = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        TreeMap<String, String> settings = new TreeMap<>();
        for (Endpoint e : endpoints) {
            names.add(e.engine().label());
            modes.add(e.mode().label());
            versions.add(e.version());
            e.settings().forEach((k, v) -> settings.put(e.engine().key() + "." + k, v));
        }
        return new Target(String.join("+", names), String.join("+", modes), String.join("+", versions), settings);
    }
}
