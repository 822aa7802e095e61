package tradeoffbench.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tradeoffbench.atomicity.Atomicity;
import tradeoffbench.catalog.BenchmarkCatalog;
import tradeoffbench.catalog.BenchmarkMethod;
import tradeoffbench.catalog.UsageException;
import tradeoffbench.family.BenchmarkName;
import tradeoffbench.family.Metric;
import tradeoffbench.joins.Joins;
import tradeoffbench.lookup.Lookup;
import tradeoffbench.sharding.Sharding;

class ClaimsTest {
    private static final BenchmarkCatalog CATALOG = BenchmarkCatalog.load();
    /** The families' published names: everything a claim may ask for. */
    private static final List<Class<?>> DESCRIPTORS = List.of(Atomicity.class, Lookup.class, Sharding.class, Joins.class);

    @Test
    void everySeedClaimIsFoundInSeedOrder() {
        assertThat(Claims.load().ids()).containsExactly("atomicity", "lookup-latency", "shard-routing",
                "cross-shard-joins", "denormalization", "celebrity-shard", "twitter-shards", "serializable-cost",
                "nines", "cap-partition");
    }

    @Test
    void eachClaimQuotesTheSeedAndSaysHowItIsTested() {
        for (Claim c : Claims.load().all()) {
            assertThat(c.info().quote()).as(c.id()).isNotBlank();
            assertThat(c.info().source()).as(c.id()).startsWith("seed");
            assertThat(c.info().tested()).as(c.id()).contains("SUPPORTED").contains("REFUTED");
            // nines is arithmetic; cap-partition is the cap experiment, not a JMH selection.
            assertThat(c.selection().measures()).as(c.id()).isEqualTo(!c.id().equals("nines"));
        }
    }

    @Test
    void everyBenchmarkAndCounterAFamilyPublishesExistsInTheCatalog() throws IllegalAccessException {
        for (Class<?> descriptor : DESCRIPTORS) {
            for (Field f : descriptor.getFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                Object value = f.get(null);
                if (value instanceof BenchmarkName name) {
                    assertThat(CATALOG.find(name)).as(descriptor.getSimpleName() + "." + f.getName()).isPresent();
                } else if (value instanceof Metric metric && !metric.isPrimary()) {
                    assertThat(CATALOG.all()).as(descriptor.getSimpleName() + "." + f.getName() + " (" + metric + ")")
                            .anyMatch(m -> m.family().equals(familyOf(descriptor)) && m.counters().contains(metric));
                }
            }
        }
    }

    @Test
    void everyBenchmarkParameterAndModeAClaimAsksForExistsAndIsAccepted() {
        for (Claim c : Claims.load().all()) {
            for (Selection.Wanted w : c.selection().benchmarks()) {
                String what = c.id() + " asks " + w.benchmark().shortName();
                BenchmarkMethod m = CATALOG.find(w.benchmark()).orElseThrow(() -> new AssertionError(what + ": no such benchmark"));
                assertThat(m.modes()).as(what + " in " + w.mode()).contains(w.mode());
                for (Map.Entry<String, List<String>> p : w.params().entrySet()) {
                    assertThat(m.params()).as(what + " for -p " + p.getKey()).containsKey(p.getKey());
                    for (String v : p.getValue()) {
                        assertThat(m.rules().getOrDefault(p.getKey(), List.of())).as(what + " " + p.getKey() + "=" + v)
                                .allSatisfy(rule -> assertThat(rule.accepts(v)).isTrue());
                    }
                }
            }
        }
    }

    @Test
    void theReadmeTableNamesEveryClaim() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        for (Claim c : Claims.load().all()) {
            assertThat(readme).as(c.id()).contains("| `" + c.id() + "` |");
        }
    }

    @Test
    void selectionByIdKeepsSeedOrderAndAllNamesEveryClaim() {
        Claims claims = Claims.load();
        assertThat(claims.select(List.of("nines", "atomicity"))).extracting(Claim::id)
                .containsExactly("atomicity", "nines");
        assertThat(claims.select(List.of("all"))).hasSize(claims.all().size());
        assertThatThrownBy(() -> claims.select(List.of("acid")))
                .isInstanceOf(UsageException.class).hasMessageContaining("unknown claim 'acid'")
                .hasMessageContaining("lookup-latency");
    }

    @Test
    void noRowsNeverCrashAndLeaveEveryMeasuredClaimInconclusive() {
        for (Claim c : Claims.load().all()) {
            Judgement j = c.judge(Evidence.of(List.of(), List.of()));
            assertThat(j.verdict()).as(c.id())
                    .isEqualTo(c.id().equals("nines") ? Verdict.SUPPORTED : Verdict.INCONCLUSIVE);
            assertThat(j.reason()).as(c.id()).isNotBlank();
        }
    }

    private static String familyOf(Class<?> descriptor) {
        return descriptor.getPackageName().substring("tradeoffbench.".length());
    }
}
