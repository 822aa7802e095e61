package tradeoffbench.targets;

import java.util.List;

/**
 * What the user said about one engine: a URL (which wins), else a mode; the image for container mode; the URLs of
 * its shard servers for the benchmarks that need several servers of it.
 *
 * @param fake the URL points at the in-memory MongoDB wire-protocol fake (tests only): rows are marked {@code fake}
 *             and no verdict uses them
 */
public record EngineOptions(String url, ModeChoice mode, String image, List<String> shardUrls, boolean fake) {

    /** What {@code --<engine>-mode} takes. */
    public enum ModeChoice { AUTO, CONTAINER, EMBEDDED, NONE }

    public EngineOptions {
        url = url == null || url.isBlank() ? null : url.trim();
        mode = mode == null ? ModeChoice.AUTO : mode;
        image = image == null || image.isBlank() ? null : image.trim();
        shardUrls = shardUrls == null ? List.of()
                : shardUrls.stream().filter(u -> u != null && !u.isBlank()).map(String::trim).toList();
    }

    public static EngineOptions auto() {
        return new EngineOptions(null, ModeChoice.AUTO, null, List.of(), false);
    }

    public EngineOptions withUrl(String newUrl) {
        return new EngineOptions(newUrl, mode, image, shardUrls, fake);
    }

    public EngineOptions withMode(ModeChoice newMode) {
        return new EngineOptions(url, newMode, image, shardUrls, fake);
    }

    public EngineOptions withImage(String newImage) {
        return new EngineOptions(url, mode, newImage, shardUrls, fake);
    }

    public EngineOptions withShardUrls(List<String> urls) {
        return new EngineOptions(url, mode, image, urls, fake);
    }

    public EngineOptions asFake() {
        return new EngineOptions(url, mode, image, shardUrls, true);
    }
}
