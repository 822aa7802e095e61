package tradeoffbench.family;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tradeoffbench.params.Accepts;
import tradeoffbench.targets.Engine;
import tradeoffbench.targets.Needs;
import tradeoffbench.targets.Sharded;

/**
 * What a benchmark method's annotations say, read once: the engines it needs ({@link Needs}), the shards it needs
 * ({@link Sharded}), what each of its {@code @Param}s accepts ({@link Accepts}) and the counters it reports
 * ({@code @AuxCounters} fields). The only place in the build that reflects on these annotations.
 *
 * <p>The states a method sees are its parameters' {@code @State} classes, the states their {@code @Setup} methods
 * take, and their superclasses: shared state classes of a family live beside the benchmarks, not inside them.
 */
public final class Introspection {

    private Introspection() {
    }

    public static BenchmarkShape of(BenchmarkName name) {
        Class<?> type = load(name.className());
        Method method = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name.method()) && m.isAnnotationPresent(Benchmark.class))
                .findFirst().orElseThrow(() -> new IllegalStateException(name.fullName() + " is not a @Benchmark method"));
        Set<Engine> needs = EnumSet.noneOf(Engine.class);
        Optional.ofNullable(type.getAnnotation(Needs.class)).ifPresent(n -> needs.addAll(List.of(n.value())));
        Optional.ofNullable(method.getAnnotation(Needs.class)).ifPresent(n -> needs.addAll(List.of(n.value())));
        Sharded sharded = method.isAnnotationPresent(Sharded.class) ? method.getAnnotation(Sharded.class)
                : type.getAnnotation(Sharded.class);

        Map<String, List<ParamRule>> rules = new LinkedHashMap<>();
        Set<String> params = new LinkedHashSet<>();
        Set<Metric> counters = new LinkedHashSet<>();
        for (Class<?> state : states(type, method)) {
            for (Class<?> c = state; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (f.isAnnotationPresent(Param.class)) {
                        params.add(f.getName());
                        Accepts accepts = f.getAnnotation(Accepts.class);
                        if (accepts != null) {
                            rules.computeIfAbsent(f.getName(), k -> new java.util.ArrayList<>())
                                    .add(new ParamRule(name.classSimpleName(), Pattern.compile(accepts.value()),
                                            accepts.meaning(), accepts.bytesEach()));
                        }
                    }
                    if (c.isAnnotationPresent(AuxCounters.class) && Modifier.isPublic(f.getModifiers())
                            && !Modifier.isStatic(f.getModifiers()) && isNumber(f.getType())) {
                        counters.add(Metric.of(f.getName()));
                    }
                }
            }
        }
        Optional<ShardNeed> shards = sharded != null && params.contains(sharded.param())
                ? Optional.of(new ShardNeed(sharded.engine(), sharded.param())) : Optional.empty();
        shards.ifPresent(s -> needs.add(s.engine()));
        return new BenchmarkShape(name, needs, shards, rules, counters);
    }

    /** The state classes a benchmark method sees: its parameters, their setups' parameters, transitively. */
    static Set<Class<?>> states(Class<?> type, Method method) {
        Set<Class<?>> seen = new LinkedHashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(Arrays.asList(method.getParameterTypes()));
        if (type.isAnnotationPresent(State.class)) {
            todo.add(type);
        }
        while (!todo.isEmpty()) {
            Class<?> c = todo.poll();
            if (!seen.add(c)) {
                continue;
            }
            for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                for (Method m : k.getDeclaredMethods()) {
                    if (m.isAnnotationPresent(Setup.class)) {
                        for (Class<?> p : m.getParameterTypes()) {
                            if (p.isAnnotationPresent(State.class) || hasStateSuperclass(p)) {
                                todo.add(p);
                            }
                        }
                    }
                }
            }
        }
        return seen;
    }

    private static boolean hasStateSuperclass(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            if (k.isAnnotationPresent(State.class)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNumber(Class<?> t) {
        return t == int.class || t == long.class || t == double.class || t == float.class || t == short.class
                || t == byte.class || Number.class.isAssignableFrom(t);
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className, false, Introspection.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("benchmark class " + className + " is not on the class path", e);
        }
    }
}
