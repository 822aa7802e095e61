package tradeoffbench.targets;

import java.util.EnumMap;
import java.util.Map;

import tradeoffbench.targets.EngineOptions.ModeChoice;

/**
 * Decides, per engine, how a database is reached (docs/ARCHITECTURE.md, "Targets"): a URL the user gives, else a
 * container when Docker answers, else the engine's own fallback (PostgreSQL: embedded; MongoDB: none). The same rule
 * for every engine: what differs is only what {@link EngineTarget#startable()} says.
 */
public final class TargetResolver {

    private TargetResolver() {
    }

    public static Map<Engine, Resolution> resolve(TargetOptions options, DockerProbe docker) {
        return resolve(options, docker, java.util.EnumSet.allOf(Engine.class));
    }

    /** Only the engines a run needs: an engine nothing asks for never makes the run wait for Docker's answer. */
    public static Map<Engine, Resolution> resolve(TargetOptions options, DockerProbe docker,
                                                  java.util.Set<Engine> engines) {
        Map<Engine, Resolution> result = new EnumMap<>(Engine.class);
        for (Engine engine : engines) {
            result.put(engine, resolve(engine, options.of(engine), docker));
        }
        return result;
    }

    static Resolution resolve(Engine engine, EngineOptions o, DockerProbe docker) {
        EngineTarget target = engine.target();
        String flag = "--" + engine.key() + "-mode ";
        if (o.url() != null) {
            target.validateUrl(o.url());
            TargetMode mode = o.fake() ? TargetMode.FAKE : TargetMode.EXTERNAL;
            return new Resolution(engine, mode, "--" + engine.key() + "-url given: " + Secrets.mask(o.url())
                    + (o.fake() ? " (in-memory test fake: no numbers, no verdicts)" : ""), false);
        }
        boolean embedded = target.startable().contains(TargetMode.EMBEDDED);
        return switch (o.mode()) {
            case NONE -> new Resolution(engine, null, flag + "none: " + engine.displayName() + " benchmarks are skipped", false);
            case EMBEDDED -> embedded
                    ? new Resolution(engine, TargetMode.EMBEDDED, flag + "embedded: "
                    + target.describe(TargetMode.EMBEDDED, o), false)
                    : new Resolution(engine, null, flag + "embedded, but " + engine.displayName() + " has no embedded mode", true);
            case CONTAINER -> docker.available()
                    ? new Resolution(engine, TargetMode.CONTAINER, flag + "container: "
                    + target.describe(TargetMode.CONTAINER, o), false)
                    : new Resolution(engine, null, flag + "container, but Docker does not answer", true);
            case AUTO -> docker.available()
                    ? new Resolution(engine, TargetMode.CONTAINER, "Docker answers: "
                    + target.describe(TargetMode.CONTAINER, o), false)
                    : embedded
                    ? new Resolution(engine, TargetMode.EMBEDDED, "Docker does not answer: fallback to "
                    + target.describe(TargetMode.EMBEDDED, o), false)
                    : new Resolution(engine, null, "no --" + engine.key() + "-url and Docker does not answer: "
                    + engine.displayName() + " benchmarks are skipped (" + engine.displayName() + " has no embedded mode)", false);
        };
    }

    /** The values {@code --<engine>-mode} accepts for this engine. */
    public static java.util.List<ModeChoice> choices(Engine engine) {
        var startable = engine.target().startable();
        return java.util.Arrays.stream(ModeChoice.values())
                .filter(c -> c != ModeChoice.EMBEDDED || startable.contains(TargetMode.EMBEDDED))
                .filter(c -> c != ModeChoice.CONTAINER || startable.contains(TargetMode.CONTAINER))
                .toList();
    }
}
