package tradeoffbench.results;

import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a measurement was taken under: the benchmark's parameters (name → value, sorted by name) and the client
 * threads. The key of comparisons, tables, charts and legends: two rows compare when their conditions are equal but
 * for the parameters a comparison varies on purpose ({@link #without}).
 */
public record Conditions(SortedMap<String, String> params, int threads) implements Comparable<Conditions> {
    private static final Comparator<Conditions> ORDER = Comparator.comparing(Conditions::text);

    public Conditions {
        params = new TreeMap<>(Objects.requireNonNull(params, "params"));
    }

    public static Conditions of(Map<String, String> params, int threads) {
        return new Conditions(new TreeMap<>(params), threads);
    }

    /** The value of one parameter, or null when these conditions have none of that name. */
    public String param(String name) {
        return params.get(name);
    }

    public boolean has(String name, String value) {
        return value.equals(params.get(name));
    }

    /** The same conditions without the named parameters (those a comparison varies by design). */
    public Conditions without(String... names) {
        return without(java.util.List.of(names));
    }

    public Conditions without(Collection<String> names) {
        TreeMap<String, String> kept = new TreeMap<>(params);
        names.forEach(kept::remove);
        return new Conditions(kept, threads);
    }

    /** {@code fanout=10, posts=1000, threads=2}: how a reader wants them. */
    public String text() {
        String values = params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        return (values.isEmpty() ? "" : values + ", ") + "threads=" + threads;
    }

    @Override
    public int compareTo(Conditions other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return text();
    }
}
