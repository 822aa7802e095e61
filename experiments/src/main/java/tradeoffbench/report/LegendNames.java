package tradeoffbench.report;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Legend entries that fit on a slide. Series named by their conditions ({@code accounts=1000, isolation=SERIALIZABLE,
 * threads=2}) keep only the values that differ between them ({@code SERIALIZABLE}); the keys of those values and the
 * conditions every series shares move to the axis title. Names of any other form are kept as they are.
 *
 * @param names  one legend entry per series, in order
 * @param shared what moved out of the legend, for the axis title; empty when nothing did
 */
record LegendNames(List<String> names, String shared) {
    private static final String SEPARATOR = ", ";

    static LegendNames of(List<String> names) {
        List<List<String>> conditions = names.stream().map(n -> List.of(n.split(SEPARATOR))).toList();
        boolean allConditions = conditions.stream().flatMap(List::stream).allMatch(c -> c.indexOf('=') > 0);
        if (names.size() < 2 || !allConditions) {
            return new LegendNames(names, "");
        }
        Set<String> common = new LinkedHashSet<>(conditions.get(0));
        conditions.forEach(common::retainAll);
        List<String> shortNames = conditions.stream()
                .map(cs -> cs.stream().filter(c -> !common.contains(c)).map(LegendNames::value)
                        .collect(Collectors.joining(SEPARATOR)))
                .toList();
        if (shortNames.contains("") || new HashSet<>(shortNames).size() != shortNames.size()) {
            return new LegendNames(names, "");
        }
        String varying = conditions.get(0).stream().filter(c -> !common.contains(c)).map(LegendNames::key)
                .collect(Collectors.joining(SEPARATOR));
        return new LegendNames(shortNames, "series: " + varying
                + (common.isEmpty() ? "" : "; all: " + String.join(SEPARATOR, common)));
    }

    /** The axis title with what moved out of the legend, in parentheses. */
    String axisTitle(String title) {
        return shared.isEmpty() ? title : title + " (" + shared + ")";
    }

    private static String key(String condition) {
        return condition.substring(0, condition.indexOf('='));
    }

    private static String value(String condition) {
        return condition.substring(condition.indexOf('=') + 1);
    }
}
