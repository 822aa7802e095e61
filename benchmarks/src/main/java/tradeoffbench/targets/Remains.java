package tradeoffbench.targets;

import java.nio.file.Path;
import java.util.List;

/**
 * What must go if the JVM that started a server dies without stopping it (kill -9): its processes (an embedded
 * postmaster is daemonized, so no child of the JVM), its data directories, its containers.
 */
public record Remains(List<Long> processIds, List<Path> paths, List<String> containers) {
    public static final Remains NONE = new Remains(List.of(), List.of(), List.of());

    public Remains {
        processIds = List.copyOf(processIds);
        paths = List.copyOf(paths);
        containers = List.copyOf(containers);
    }
}
