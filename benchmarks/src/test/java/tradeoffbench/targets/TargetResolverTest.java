package tradeoffbench.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The resolution order of docs/ARCHITECTURE.md, with Docker simulated absent and present. */
class TargetResolverTest {
    private static final DockerProbe ABSENT = () -> false;
    private static final DockerProbe PRESENT = () -> true;

    @Test
    void withoutDockerPostgresIsEmbeddedAndMongoIsSkippedWithAReason() {
        Map<Engine, Resolution> r = TargetResolver.resolve(TargetOptions.defaults(), ABSENT);
        assertThat(r.get(Engine.POSTGRESQL).mode()).isEqualTo(TargetMode.EMBEDDED);
        assertThat(r.get(Engine.POSTGRESQL).reason()).contains("Docker does not answer");
        assertThat(r.get(Engine.MONGODB).available()).isFalse();
        assertThat(r.get(Engine.MONGODB).userError()).isFalse();
        assertThat(r.get(Engine.MONGODB).reason()).contains("skipped");
    }

    @Test
    void withDockerBothAreContainersFromThePinnedImages() {
        Map<Engine, Resolution> r = TargetResolver.resolve(TargetOptions.defaults(), PRESENT);
        assertThat(r.get(Engine.POSTGRESQL).mode()).isEqualTo(TargetMode.CONTAINER);
        assertThat(r.get(Engine.POSTGRESQL).reason()).contains("postgres:17");
        assertThat(r.get(Engine.MONGODB).mode()).isEqualTo(TargetMode.CONTAINER);
        assertThat(r.get(Engine.MONGODB).reason()).contains("mongo:8.0");
    }

    @Test
    void aUrlWinsOverDockerAndItsPasswordIsMaskedInTheReason() {
        TargetOptions o = TargetOptions.defaults()
                .with(Engine.POSTGRESQL, e -> e.withUrl("postgresql://u:hunter2@db/app"))
                .with(Engine.MONGODB, e -> e.withUrl("mongodb://u:hunter2@m/"));
        Map<Engine, Resolution> r = TargetResolver.resolve(o, PRESENT);
        assertThat(r.get(Engine.POSTGRESQL).mode()).isEqualTo(TargetMode.EXTERNAL);
        assertThat(r.get(Engine.MONGODB).mode()).isEqualTo(TargetMode.EXTERNAL);
        assertThat(r.values()).allSatisfy(res -> assertThat(res.reason()).doesNotContain("hunter2"));
    }

    @Test
    void dockerIsNotAskedWhenNothingNeedsIt() {
        TargetOptions o = TargetOptions.defaults()
                .with(Engine.POSTGRESQL, e -> e.withMode(EngineOptions.ModeChoice.EMBEDDED))
                .with(Engine.MONGODB, e -> e.withUrl("mongodb://m/"));
        DockerProbe mustNotBeCalled = () -> {
            throw new AssertionError("Docker probed although every engine was decided without it");
        };
        Map<Engine, Resolution> r = TargetResolver.resolve(o, mustNotBeCalled,
                java.util.EnumSet.of(Engine.POSTGRESQL, Engine.MONGODB));
        assertThat(r.get(Engine.POSTGRESQL).mode()).isEqualTo(TargetMode.EMBEDDED);
        assertThat(r).doesNotContainKeys(Engine.CITUS, Engine.MONGOS);
    }

    @Test
    void forcedContainerModeWithoutDockerIsAUserErrorNotASkip() {
        TargetOptions o = TargetOptions.defaults()
                .with(Engine.POSTGRESQL, e -> e.withMode(EngineOptions.ModeChoice.CONTAINER))
                .with(Engine.MONGODB, e -> e.withMode(EngineOptions.ModeChoice.CONTAINER));
        Map<Engine, Resolution> r = TargetResolver.resolve(o, ABSENT, java.util.EnumSet.of(Engine.POSTGRESQL,
                Engine.MONGODB));
        assertThat(r.values()).allSatisfy(res -> {
            assertThat(res.available()).isFalse();
            assertThat(res.userError()).isTrue();
        });
    }

    @Test
    void eachEngineOffersTheModesItCanBeStartedIn() {
        assertThat(TargetResolver.choices(Engine.POSTGRESQL)).containsExactly(EngineOptions.ModeChoice.AUTO,
                EngineOptions.ModeChoice.CONTAINER, EngineOptions.ModeChoice.EMBEDDED, EngineOptions.ModeChoice.NONE);
        assertThat(TargetResolver.choices(Engine.MONGODB)).containsExactly(EngineOptions.ModeChoice.AUTO,
                EngineOptions.ModeChoice.CONTAINER, EngineOptions.ModeChoice.NONE);
        TargetOptions o = TargetOptions.defaults().with(Engine.MONGODB, e -> e.withMode(EngineOptions.ModeChoice.EMBEDDED));
        Resolution r = TargetResolver.resolve(o, ABSENT).get(Engine.MONGODB);
        assertThat(r.userError()).isTrue();
        assertThat(r.reason()).contains("MongoDB has no embedded mode");
    }

    @Test
    void everyEngineNamesAnImplementationForItself() {
        for (Engine engine : Engine.values()) {
            assertThat(engine.target().engine()).isEqualTo(engine);
            assertThat(engine.target().defaultImage()).isNotBlank();
        }
    }

    @Test
    void aFakeMongoUrlIsMarkedFake() {
        TargetOptions o = TargetOptions.defaults()
                .with(Engine.MONGODB, e -> e.withUrl("mongodb://127.0.0.1:1/").asFake());
        assertThat(TargetResolver.resolve(o, ABSENT).get(Engine.MONGODB).mode()).isEqualTo(TargetMode.FAKE);
    }
}
