package tradeoffbench.results;

import java.util.Map;
import java.util.stream.Collectors;

/** The {@code key=value;key=value} lists of the tidy CSV's {@code params} and {@code settings} columns. */
public final class KeyValues {
    private KeyValues() {
    }

    public static String join(Map<String, String> values) {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
    }

    public static String get(String list, String key) {
        if (list == null || list.isEmpty()) {
            return null;
        }
        for (String entry : list.split(";")) {
            int eq = entry.indexOf('=');
            if (eq > 0 && entry.substring(0, eq).equals(key)) {
                return entry.substring(eq + 1);
            }
        }
        return null;
    }
}
