package tradeoffbench.targets;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What the user said about targets: one {@link EngineOptions} per engine (default: auto), and whether container
 * images may be pulled.
 */
public record TargetOptions(Map<Engine, EngineOptions> engines, ContainerImages.Pull pull) {

    public TargetOptions {
        Map<Engine, EngineOptions> all = new EnumMap<>(Engine.class);
        for (Engine e : Engine.values()) {
            all.put(e, engines.getOrDefault(e, EngineOptions.auto()));
        }
        engines = Map.copyOf(all);
        pull = pull == null ? ContainerImages.Pull.MISSING : pull;
    }

    public static TargetOptions defaults() {
        return new TargetOptions(Map.of(), null);
    }

    public EngineOptions of(Engine engine) {
        return engines.get(engine);
    }

    /** The same options with one engine's changed. */
    public TargetOptions with(Engine engine, UnaryOperator<EngineOptions> change) {
        Map<Engine, EngineOptions> changed = new EnumMap<>(engines);
        changed.put(engine, change.apply(of(engine)));
        return new TargetOptions(changed, pull);
    }

    public TargetOptions withPull(ContainerImages.Pull newPull) {
        return new TargetOptions(engines, newPull);
    }
}
