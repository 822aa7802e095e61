package tradeoffbench.targets;

import java.util.Set;

/**
 * Everything the harness needs to know about one engine to reach it: in which modes it can be started on this
 * machine, how to say so, and how to start (or connect to) one server and read its identity. One implementation per
 * engine, in the engine's own package; {@link TargetResolver} and {@link Targets} ask it and know no engine.
 */
public interface EngineTarget {

    Engine engine();

    /** The modes a run can start this engine in by itself ({@link TargetMode#CONTAINER}, {@link TargetMode#EMBEDDED}). */
    Set<TargetMode> startable();

    /** The container image used when the user names none. */
    String defaultImage();

    /** The image the user named, else {@link #defaultImage()}. */
    default String image(EngineOptions options) {
        return options.image() == null ? defaultImage() : options.image();
    }

    /** One line for the resolution's reason: {@code embedded PostgreSQL 17 (zonky binaries)}, {@code image mongo:8.0}. */
    String describe(TargetMode mode, EngineOptions options);

    /**
     * Starts one server in {@code mode}, or for {@link TargetMode#EXTERNAL} and {@link TargetMode#FAKE} connects to
     * {@code url}, and reads its identity. Fails with a one-line {@link TargetException}.
     */
    Server start(TargetMode mode, String url, EngineOptions options, ContainerImages.Pull pull, String runId);

    /** A URL this engine cannot read is bad input, said before anything else happens; by default any URL passes. */
    default void validateUrl(String url) {
    }
}
