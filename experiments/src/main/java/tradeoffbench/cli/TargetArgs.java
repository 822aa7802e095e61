package tradeoffbench.cli;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import tradeoffbench.catalog.UsageException;
import tradeoffbench.targets.ContainerImages;
import tradeoffbench.targets.EngineOptions;
import tradeoffbench.targets.Engine;
import tradeoffbench.targets.TargetOptions;
import tradeoffbench.targets.TargetResolver;

/**
 * The target options of {@code run} and {@code list}, made for every engine from what the engine says of itself:
 * {@code --<key>-url} (or {@code TRADEOFF_BENCH_<KEY>_URL}), {@code --<key>-mode} with the modes it can be started
 * in, {@code --<key>-image}, {@code --<key>-shard-urls}; plus {@code --image-pull}. A new engine gets its options
 * without this class changing.
 */
final class TargetArgs {
    static final String IMAGE_PULL = "--image-pull";

    private TargetArgs() {
    }

    /** Adds every engine's options to a command. */
    static void addTo(CommandSpec spec) {
        for (Engine e : Engine.values()) {
            String key = e.key();
            String name = e.displayName();
            String modes = TargetResolver.choices(e).stream().map(c -> c.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
            spec.addOption(OptionSpec.builder("--" + key + "-url").paramLabel("URL").type(String.class)
                    .defaultValue("${env:TRADEOFF_BENCH_" + key.toUpperCase(Locale.ROOT) + "_URL}")
                    .description("Your " + name + " server (env TRADEOFF_BENCH_" + key.toUpperCase(Locale.ROOT)
                            + "_URL); overrides --" + key + "-mode. Passwords are masked everywhere.").build());
            spec.addOption(OptionSpec.builder("--" + key + "-mode").paramLabel("MODE").type(String.class)
                    .defaultValue("auto").description("How " + name + " is reached without a URL: " + modes
                            + " (auto: a container when Docker answers, else the engine's fallback). Default: auto.")
                    .build());
            spec.addOption(OptionSpec.builder("--" + key + "-image").paramLabel("IMAGE").type(String.class)
                    .defaultValue(e.target().defaultImage()).description(name + " container image. Default: "
                            + e.target().defaultImage() + ".").build());
            spec.addOption(OptionSpec.builder("--" + key + "-shard-urls").paramLabel("URL,URL,...").type(List.class)
                    .auxiliaryTypes(String.class).splitRegex(",").description("Your " + name + " shard servers for "
                            + "sharded benchmarks, in shard order (at least as many as the largest -p shards); without "
                            + "them the shards are started like the main server.").build());
            spec.addOption(OptionSpec.builder("--" + key + "-url-is-fake").arity("0").type(boolean.class).hidden(true)
                    .description("Test only: the URL is an in-memory fake; its rows are marked fake.").build());
        }
        spec.addOption(OptionSpec.builder(IMAGE_PULL).paramLabel("POLICY").type(String.class).defaultValue("missing")
                .description("missing (pull an image when it is not local) or never (offline: fail fast instead). "
                        + "Default: missing.").build());
    }

    /** What the user said, parsed; a value an engine does not accept is one line of bad input. */
    static TargetOptions options(CommandSpec spec) {
        Map<Engine, EngineOptions> engines = new EnumMap<>(Engine.class);
        for (Engine e : Engine.values()) {
            String key = e.key();
            String mode = value(spec, "--" + key + "-mode");
            List<String> shards = spec.findOption("--" + key + "-shard-urls").getValue();
            boolean fake = Boolean.TRUE.equals(spec.findOption("--" + key + "-url-is-fake").getValue());
            engines.put(e, new EngineOptions(value(spec, "--" + key + "-url"), choice(e, mode),
                    value(spec, "--" + key + "-image"), shards == null ? List.of() : new ArrayList<>(shards), fake));
        }
        return new TargetOptions(engines, pull(value(spec, IMAGE_PULL)));
    }

    private static String value(CommandSpec spec, String option) {
        Object v = spec.findOption(option).getValue();
        return v == null ? null : v.toString();
    }

    private static EngineOptions.ModeChoice choice(Engine engine, String value) {
        List<EngineOptions.ModeChoice> valid = TargetResolver.choices(engine);
        for (EngineOptions.ModeChoice c : valid) {
            if (c.name().equalsIgnoreCase(value.trim())) {
                return c;
            }
        }
        throw new UsageException("invalid --" + engine.key() + "-mode '" + value + "'; valid: "
                + valid.stream().map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }

    private static ContainerImages.Pull pull(String value) {
        for (ContainerImages.Pull p : ContainerImages.Pull.values()) {
            if (p.name().equalsIgnoreCase(value.trim())) {
                return p;
            }
        }
        throw new UsageException("invalid " + IMAGE_PULL + " '" + value + "'; valid: missing, never");
    }
}
