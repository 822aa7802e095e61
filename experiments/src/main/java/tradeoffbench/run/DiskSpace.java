package tradeoffbench.run;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tradeoffbench.catalog.UsageException;
import tradeoffbench.family.ParamRule;
import tradeoffbench.targets.Engine;
import tradeoffbench.targets.Resolution;
import tradeoffbench.targets.TargetMode;

/**
 * Will the datasets fit? Every sized parameter ({@code @Accepts(bytesEach = …)}) of every trial gives an estimate of
 * the dataset it loads; datasets of one size are loaded once and reused, so each distinct (benchmark, parameter,
 * value) counts once. Checked, before any server starts, against the free space where the servers this run starts
 * keep their data: the temporary directory for embedded PostgreSQL, Docker's data root for containers. A server you
 * named by URL is yours: its disk is not checked.
 */
final class DiskSpace {
    /** Leave this much free beyond the estimate (WAL, temporary files, the rest of the machine). */
    static final double HEADROOM = 1.2;

    private DiskSpace() {
    }

    static void check(List<Trial> trials, Map<Engine, Resolution> resolutions) {
        Resolution pg = resolutions.get(Engine.POSTGRESQL);
        if (pg == null || !pg.available()) {
            return;
        }
        Path where = switch (pg.mode()) {
            case EMBEDDED -> Path.of(System.getProperty("java.io.tmpdir"));
            case CONTAINER -> Files.isDirectory(Path.of("/var/lib/docker")) ? Path.of("/var/lib/docker") : null;
            default -> null;
        };
        if (where == null) {
            return;
        }
        long need = estimate(trials);
        long free;
        try {
            FileStore store = Files.getFileStore(where);
            free = store.getUsableSpace();
        } catch (IOException e) {
            return; // cannot tell: the server will say so if it runs out
        }
        refuseIfTooBig(need, free, where, pg.mode(), largest(trials));
    }

    static void refuseIfTooBig(long need, long free, Path where, TargetMode mode, String largest) {
        if (need * HEADROOM > free) {
            throw new UsageException("the datasets of this run need about " + gib(need) + " (largest: " + largest
                    + ") but only " + gib(free) + " are free in " + where + ", where the " + mode.label()
                    + " server keeps its data: choose smaller -p values, or name a server with --pg-url");
        }
    }

    /** Bytes of every distinct dataset the trials load. */
    static long estimate(List<Trial> trials) {
        return datasets(trials).values().stream().mapToLong(Long::longValue).sum();
    }

    private static Map<String, Long> datasets(List<Trial> trials) {
        Map<String, Long> datasets = new LinkedHashMap<>();
        for (Trial t : trials) {
            t.params().forEach((name, value) -> {
                for (ParamRule rule : t.method().rules().getOrDefault(name, List.of())) {
                    if (rule.bytesEach() > 0) {
                        try {
                            datasets.put(rule.benchmark() + " -p " + name + "=" + value,
                                    Math.multiplyExact(Long.parseLong(value.trim()), rule.bytesEach()));
                        } catch (NumberFormatException | ArithmeticException e) {
                            datasets.put(rule.benchmark() + " -p " + name + "=" + value, Long.MAX_VALUE / 4);
                        }
                    }
                }
            });
        }
        return datasets;
    }

    private static String largest(List<Trial> trials) {
        return datasets(trials).entrySet().stream().max(Map.Entry.comparingByValue())
                .map(e -> e.getKey() + ", about " + gib(e.getValue())).orElse("none");
    }

    static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }
}
