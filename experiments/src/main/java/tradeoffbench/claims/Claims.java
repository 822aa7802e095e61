package tradeoffbench.claims;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import tradeoffbench.catalog.UsageException;

/**
 * Every claim the build contains: the concrete {@link Claim} classes of package {@code tradeoffbench.claims.seed},
 * found on the class path (a directory in tests, the shaded jar in a run). Adding a claim is adding one class.
 */
public final class Claims {
    public static final String ALL = "all";
    static final String PACKAGE = "tradeoffbench.claims.seed";

    private final List<Claim> claims;

    Claims(List<Claim> claims) {
        Set<String> ids = new HashSet<>();
        for (Claim c : claims) {
            if (!c.id().matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                throw new IllegalStateException("claim id '" + c.id() + "' of " + c.getClass().getName()
                        + " is not short kebab-case");
            }
            if (!ids.add(c.id())) {
                throw new IllegalStateException("two claims share the id '" + c.id() + "'");
            }
        }
        this.claims = claims.stream().sorted(Comparator.comparingInt((Claim c) -> c.info().order()).thenComparing(Claim::id)).toList();
    }

    public static Claims load() {
        List<Claim> found = new ArrayList<>();
        for (String className : classNames()) {
            try {
                Class<?> type = Class.forName(className, true, Claims.class.getClassLoader());
                if (Claim.class.isAssignableFrom(type) && !type.isInterface()
                        && !Modifier.isAbstract(type.getModifiers()) && Modifier.isPublic(type.getModifiers())) {
                    found.add((Claim) type.getConstructor().newInstance());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create claim " + className + ": " + e, e);
            }
        }
        return new Claims(found);
    }

    public List<Claim> all() {
        return claims;
    }

    public List<String> ids() {
        return claims.stream().map(Claim::id).toList();
    }

    /** The named claims in seed order; {@code all} names every claim. An unknown id is bad input. */
    public List<Claim> select(List<String> names) {
        Set<String> wanted = new LinkedHashSet<>(names);
        if (wanted.contains(ALL)) {
            return claims;
        }
        for (String name : wanted) {
            if (!ids().contains(name)) {
                throw new UsageException("unknown claim '" + name + "'; valid claims: " + String.join(", ", ids())
                        + ", or all");
            }
        }
        return claims.stream().filter(c -> wanted.contains(c.id())).toList();
    }

    private static List<String> classNames() {
        String folder = PACKAGE.replace('.', '/') + "/";
        try {
            Path location = Path.of(Claims.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<String> names = new ArrayList<>();
            if (Files.isDirectory(location)) {
                Path dir = location.resolve(folder);
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> files = Files.list(dir)) {
                        files.map(p -> p.getFileName().toString()).filter(Claims::isTopLevelClass)
                                .forEach(f -> names.add(PACKAGE + "." + f.substring(0, f.length() - 6)));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    jar.stream().map(e -> e.getName())
                            .filter(n -> n.startsWith(folder) && n.indexOf('/', folder.length()) < 0)
                            .map(n -> n.substring(folder.length())).filter(Claims::isTopLevelClass)
                            .forEach(f -> names.add(PACKAGE + "." + f.substring(0, f.length() - 6)));
                }
            }
            names.sort(null);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the claims: " + e.getMessage(), e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the claims: " + e.getMessage(), e);
        }
    }

    private static boolean isTopLevelClass(String fileName) {
        return fileName.endsWith(".class") && !fileName.contains("$") && !fileName.equals("package-info.class");
    }
}
