package tradeoffbench.targets;

import java.util.Locale;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.ImagePullPolicy;
import org.testcontainers.images.PullPolicy;
import org.testcontainers.utility.DockerImageName;

/**
 * Image handling shared by the container servers: the pull policy, the fail-fast check for a local image when
 * pulling is off, and the labels that mark every container this project starts.
 */
public final class ContainerImages {
    /** Label on every container this project starts, so a leak check can find them. */
    public static final String LABEL = "dev.tradeoffbench";

    private ContainerImages() {
    }

    /** When an image may be pulled: {@code missing} (Testcontainers' default) or {@code never} (offline machines). */
    public enum Pull {
        MISSING, NEVER;

        public static Pull parse(String text) {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        }

        public ImagePullPolicy policy() {
            return this == NEVER ? image -> false : PullPolicy.defaultPolicy();
        }
    }

    /**
     * Starts a configured container; with pulling off, first checks that the image is local. On failure the
     * container is stopped and one line says what failed.
     */
    public static <C extends GenericContainer<?>> C start(C container, String image, Pull pull, String engine) {
        requireLocal(DockerImageName.parse(image), pull);
        try {
            container.start();
            return container;
        } catch (RuntimeException e) {
            container.stop();
            throw new TargetException("cannot start " + engine + " container " + image + ": "
                    + String.valueOf(e.getMessage()).replaceAll("\\s+", " ").trim(), e);
        }
    }

    /** The host process id of the container's first process (its descendants are the server), or none. */
    public static java.util.List<Long> processIds(GenericContainer<?> container) {
        try {
            Long pid = container.getContainerInfo().getState().getPidLong();
            return pid == null || pid <= 0 ? java.util.List.of() : java.util.List.of(pid);
        } catch (RuntimeException e) {
            return java.util.List.of();
        }
    }

    /** Stops a container, warning instead of throwing: stopping happens on the way out, where nothing may throw. */
    public static void stopQuietly(GenericContainer<?> container, String engine) {
        try {
            container.stop();
        } catch (RuntimeException e) {
            System.err.println("warning: " + engine + " container did not stop cleanly: " + e.getMessage());
        }
    }

    /** With pulling off, fails with one line unless the image is already on the Docker host. */
    public static void requireLocal(DockerImageName image, Pull pull) {
        if (pull != Pull.NEVER) {
            return;
        }
        try {
            DockerClientFactory.instance().client().inspectImageCmd(image.asCanonicalNameString()).exec();
        } catch (RuntimeException e) {
            throw new TargetException("image " + image.asCanonicalNameString()
                    + " is not on this Docker host and pulling is off (--image-pull never): build or load it first");
        }
    }
}
