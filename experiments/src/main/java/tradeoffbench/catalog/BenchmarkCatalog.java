package tradeoffbench.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import tradeoffbench.params.Accepts;
import tradeoffbench.targets.Engine;
import tradeoffbench.targets.Needs;

/**
 * Every benchmark the build contains, read from JMH's generated {@code META-INF/BenchmarkList}. A family is the
 * package a benchmark class lives in ({@code tradeoffbench.atomicity.*} is family {@code atomicity}), so adding a
 * benchmark or a family needs no registration anywhere.
 */
public final class BenchmarkCatalog {
    private static final String ROOT = "tradeoffbench.";
    /** Families that run only when named: they measure the harness itself and need tools outside Java (psql). */
    static final Set<String> OPT_IN_FAMILIES = Set.of("harness");

    private final List<BenchmarkMethod> methods;

    BenchmarkCatalog(List<BenchmarkMethod> methods) {
        this.methods = List.copyOf(methods);
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
        Map<String, BenchmarkMethod> byName = new TreeMap<>();
        for (BenchmarkListEntry entry : entries) {
            String className = entry.getUserClassQName();
            String method = entry.getUsername().substring(entry.getUsername().lastIndexOf('.') + 1);
            Map<String, List<String>> params = new TreeMap<>();
            if (entry.getParams().hasValue()) {
                entry.getParams().get().forEach((k, v) -> params.put(k, List.of(v)));
            }
            byName.putIfAbsent(className + "." + method,
                    new BenchmarkMethod(className, method, familyOf(className), needsOf(className, method), params));
        }
        return new BenchmarkCatalog(new ArrayList<>(byName.values()));
    }

    static String familyOf(String className) {
        if (!className.startsWith(ROOT)) {
            return "other";
        }
        String rest = className.substring(ROOT.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? "other" : rest.substring(0, dot);
    }

    static Set<Engine> needsOf(String className, String methodName) {
        try {
            Class<?> type = Class.forName(className, false, BenchmarkCatalog.class.getClassLoader());
            Set<Engine> needs = EnumSet.noneOf(Engine.class);
            Needs onClass = type.getAnnotation(Needs.class);
            if (onClass != null) {
                needs.addAll(Arrays.asList(onClass.value()));
            }
            for (Method m : type.getMethods()) {
                Needs onMethod = m.getAnnotation(Needs.class);
                if (m.getName().equals(methodName) && onMethod != null) {
                    needs.addAll(Arrays.asList(onMethod.value()));
                }
            }
            return needs;
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("benchmark class " + className + " listed by JMH is not on the class path", e);
        }
    }

    public List<BenchmarkMethod> all() {
        return methods;
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

    /**
     * What the selected methods accept per {@code @Param} name: every {@link Accepts} on a {@code @Param} field of a
     * method's class or of its nested state classes. A value passed with {@code -p} must satisfy all of them.
     */
    public static Map<String, List<ParamRule>> rules(Collection<BenchmarkMethod> selected) {
        Map<String, List<ParamRule>> rules = new LinkedHashMap<>();
        Set<String> seen = new TreeSet<>();
        for (BenchmarkMethod m : selected) {
            if (!seen.add(m.className())) {
                continue;
            }
            try {
                Class<?> type = Class.forName(m.className(), false, BenchmarkCatalog.class.getClassLoader());
                collectRules(type, m.shortName().substring(0, m.shortName().indexOf('.')), rules);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("benchmark class " + m.className() + " is not on the class path", e);
            }
        }
        return rules;
    }

    private static void collectRules(Class<?> type, String benchmark, Map<String, List<ParamRule>> rules) {
        for (Field f : type.getDeclaredFields()) {
            Accepts accepts = f.getAnnotation(Accepts.class);
            if (accepts != null && f.isAnnotationPresent(Param.class)) {
                rules.computeIfAbsent(f.getName(), k -> new ArrayList<>())
                        .add(new ParamRule(benchmark, Pattern.compile(accepts.value()), accepts.meaning()));
            }
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            collectRules(nested, benchmark, rules);
        }
    }

    /** The {@code @Param} names of the selected methods with their default values. */
    public static Map<String, List<String>> params(Collection<BenchmarkMethod> selected) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        selected.forEach(m -> params.putAll(m.params()));
        return params;
    }
}
