package tradeoffbench.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import tradeoffbench.family.BenchmarkName;
import tradeoffbench.family.Introspection;

/**
 * Every benchmark the build contains, read once per command from JMH's generated {@code META-INF/BenchmarkList},
 * with what its annotations say ({@link Introspection}). A family is the package a benchmark class lives in
 * ({@code tradeoffbench.atomicity.*} is family {@code atomicity}), so adding a benchmark method touches that package
 * only.
 */
public final class BenchmarkCatalog {
    /** Families that run only when named: they measure the harness itself and need tools outside Java (psql). */
    static final Set<String> OPT_IN_FAMILIES = Set.of("harness");

    private final List<BenchmarkMethod> methods;
    private final Map<BenchmarkName, BenchmarkMethod> byName = new LinkedHashMap<>();

    BenchmarkCatalog(List<BenchmarkMethod> methods) {
        this.methods = List.copyOf(methods);
        methods.forEach(m -> byName.put(m.name(), m));
    }

    public static BenchmarkCatalog load() {
        try (InputStream in = BenchmarkCatalog.class.getResourceAsStream(BenchmarkList.BENCHMARK_LIST)) {
            if (in == null) {
                throw new IllegalStateException("no " + BenchmarkList.BENCHMARK_LIST + " on the class path: "
                        + "build the benchmarks module (mvn package) first");
            }
            return fromEntries(BenchmarkList.readBenchmarkList(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BenchmarkCatalog fromEntries(Collection<BenchmarkListEntry> entries) {
        Map<BenchmarkName, Set<Mode>> modes = new TreeMap<>();
        Map<BenchmarkName, Map<String, List<String>>> params = new TreeMap<>();
        for (BenchmarkListEntry entry : entries) {
            BenchmarkName name = BenchmarkName.parse(entry.getUsername());
            modes.computeIfAbsent(name, n -> EnumSet.noneOf(Mode.class)).add(entry.getMode());
            Map<String, List<String>> values = new TreeMap<>();
            if (entry.getParams().hasValue()) {
                entry.getParams().get().forEach((k, v) -> values.put(k, List.of(v)));
            }
            params.putIfAbsent(name, values);
        }
        List<BenchmarkMethod> methods = new ArrayList<>();
        modes.forEach((name, m) -> methods.add(new BenchmarkMethod(name, m, params.get(name), Introspection.of(name))));
        return new BenchmarkCatalog(methods);
    }

    public List<BenchmarkMethod> all() {
        return methods;
    }

    public Optional<BenchmarkMethod> find(BenchmarkName name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Set<String> families() {
        Set<String> families = new TreeSet<>();
        methods.forEach(m -> families.add(m.family()));
        return families;
    }

    /**
     * The methods of the named families whose full name matches any of the regexes (all methods when both are
     * empty). An unknown family, a bad regex or a regex that matches nothing is a {@link UsageException} that lists
     * the valid names. Opt-in families ({@link #OPT_IN_FAMILIES}) are left out of a selection that names neither
     * a family nor a pattern.
     */
    public List<BenchmarkMethod> select(Collection<String> families, Collection<String> regexes) {
        for (String family : families) {
            if (!families().contains(family)) {
                throw new UsageException("unknown family '" + family + "'; valid families: "
                        + String.join(", ", families()));
            }
        }
        List<Pattern> patterns = new ArrayList<>();
        for (String regex : regexes) {
            try {
                patterns.add(Pattern.compile(regex));
            } catch (PatternSyntaxException e) {
                throw new UsageException("bad benchmark pattern '" + regex + "': " + e.getDescription());
            }
        }
        List<BenchmarkMethod> selected = new ArrayList<>();
        for (BenchmarkMethod m : methods) {
            boolean familyOk = families.isEmpty()
                    ? !OPT_IN_FAMILIES.contains(m.family()) || !patterns.isEmpty()
                    : families.contains(m.family());
            boolean nameOk = patterns.isEmpty() || patterns.stream().anyMatch(p -> p.matcher(m.fullName()).find());
            if (familyOk && nameOk) {
                selected.add(m);
            }
        }
        if (selected.isEmpty()) {
            Set<String> names = new LinkedHashSet<>();
            methods.forEach(m -> names.add(m.shortName()));
            throw new UsageException("no benchmark matches " + (regexes.isEmpty() ? "" : "'" + String.join("', '", regexes) + "' ")
                    + (families.isEmpty() ? "" : "in " + families + " ") + "; valid benchmarks: " + String.join(", ", names));
        }
        return selected;
    }
}
