package tradeoffbench.run;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tradeoffbench.catalog.UsageException;
import tradeoffbench.targets.EngineOptions;
import tradeoffbench.targets.Endpoints;
import tradeoffbench.targets.Engine;
import tradeoffbench.targets.Resolution;
import tradeoffbench.targets.ServerSpec;
import tradeoffbench.targets.TargetMode;
import tradeoffbench.targets.TargetOptions;

/**
 * Which servers a run starts, decided once before any of them starts: every engine's main server that some trial
 * needs, and for sharded trials N servers of the shards' engine, N the largest shard count among them — the user's
 * {@code --<engine>-shard-urls} when given (there must be enough), else servers started like the main one. Trials
 * that cannot get what they need are left out with a one-line reason; a run left with nothing is bad input.
 */
record ServerPlan(List<Trial> runnable, Map<String, String> skipped, List<ServerSpec> servers) {

    static ServerPlan of(List<Trial> trials, Map<Engine, Resolution> resolutions, TargetOptions options) {
        List<Trial> runnable = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        for (Trial t : trials) {
            List<Resolution> missing = t.method().needs().stream().map(resolutions::get).filter(r -> !r.available())
                    .toList();
            for (Resolution r : missing) {
                if (r.userError()) {
                    throw new UsageException(r.engine().label() + " target: " + r.reason());
                }
            }
            if (missing.isEmpty()) {
                runnable.add(t);
            } else {
                skipped.putIfAbsent(t.method().shortName(), missing.get(0).describe());
            }
        }
        Map<Engine, Integer> shards = new LinkedHashMap<>();
        for (Trial t : runnable) {
            t.method().shards().ifPresent(s -> shards.merge(s.engine(), t.shardCount(), Math::max));
        }
        for (var e : shards.entrySet()) {
            Engine engine = e.getKey();
            List<String> urls = options.of(engine).shardUrls();
            String flag = "--" + engine.key() + "-shard-urls";
            if (!urls.isEmpty() && urls.size() < e.getValue()) {
                throw new UsageException("the selected benchmarks need " + e.getValue() + " " + engine.displayName()
                        + " shard servers, but " + flag + " names only " + urls.size() + ": give " + e.getValue()
                        + " URLs or lower -p shards");
            }
            if (urls.isEmpty() && resolutions.get(engine).mode() == TargetMode.EXTERNAL) {
                String how = " " + engine.displayName() + " shard servers: with --" + engine.key() + "-url, name them "
                        + "with " + flag + " url1,url2,... (or drop --" + engine.key() + "-url to start them here)";
                List<Trial> sharded = runnable.stream().filter(t -> t.shardCount() > 0
                        && t.method().shards().orElseThrow().engine() == engine).toList();
                if (sharded.size() == runnable.size()) {
                    throw new UsageException("the selected benchmarks need " + e.getValue() + how);
                }
                sharded.forEach(t -> skipped.putIfAbsent(t.method().shortName(), "needs " + e.getValue() + how));
                runnable.removeAll(sharded);
                e.setValue(0);
            }
        }
        if (runnable.isEmpty()) {
            throw new UsageException("nothing to run: every selected benchmark needs a target that is not available");
        }
        Set<Engine> needed = EnumSet.noneOf(Engine.class);
        runnable.forEach(t -> needed.addAll(t.method().needs()));
        List<ServerSpec> servers = new ArrayList<>();
        for (Engine engine : needed) {
            Resolution r = resolutions.get(engine);
            servers.add(new ServerSpec(Endpoints.name(engine), engine, r.mode(), options.of(engine).url()));
        }
        shards.forEach((engine, count) -> {
            EngineOptions o = options.of(engine);
            TargetMode main = resolutions.get(engine).mode();
            for (int i = 0; i < count; i++) {
                boolean named = !o.shardUrls().isEmpty();
                servers.add(new ServerSpec(Endpoints.shardName(engine, i), engine,
                        named ? TargetMode.EXTERNAL : main, named ? o.shardUrls().get(i) : null));
            }
        });
        return new ServerPlan(runnable, skipped, servers);
    }
}
