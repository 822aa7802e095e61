package tradeoffbench.results;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The {@code key=value;key=value} lists of the CSVs' {@code params} and {@code settings} columns: written and read
 * here only, so everything above the files works with maps.
 */
final class KeyValues {
    private KeyValues() {
    }

    static String join(Map<String, String> values) {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
    }

    static SortedMap<String, String> parse(String list) {
        SortedMap<String, String> values = new TreeMap<>();
        if (list == null || list.isEmpty()) {
            return values;
        }
        for (String entry : list.split(";")) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("'" + entry + "' is not key=value");
            }
            values.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        return values;
    }
}
