package tradeoffbench.target;

import java.util.Locale;

import org.testcontainers.DockerClientFactory;
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
