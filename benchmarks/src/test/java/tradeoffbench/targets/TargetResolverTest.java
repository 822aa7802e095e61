package tradeoffbench.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The resolution order of DESIGN.md, with Docker simulated absent and present. */
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
        TargetOptions o = new TargetOptions("postgresql://u:hunter2@db/app", "mongodb://u:hunter2@m/", null, null,
                null, null, null, false);
        Map<Engine, Resolution> r = TargetResolver.resolve(o, PRESENT);
        assertThat(r.get(Engine.POSTGRESQL).mode()).isEqualTo(TargetMode.EXTERNAL);
        assertThat(r.get(Engine.MONGODB).mode()).isEqualTo(TargetMode.EXTERNAL);
        assertThat(r.values()).allSatisfy(res -> assertThat(res.reason()).doesNotContain("hunter2"));
    }

    @Test
    void dockerIsNotAskedWhenNothingNeedsIt() {
        TargetOptions o = new TargetOptions(null, "mongodb://m/", TargetOptions.PgMode.EMBEDDED, null, null, null,
                null, false);
        DockerProbe mustNotBeCalled = () -> {
            throw new AssertionError("Docker probed although every engine was decided without it");
        };
        Map<Engine, Resolution> r = TargetResolver.resolve(o, mustNotBeCalled);
        assertThat(r.get(Engine.POSTGRESQL).mode()).isEqualTo(TargetMode.EMBEDDED);
    }

    @Test
    void forcedContainerModeWithoutDockerIsAUserErrorNotASkip() {
        TargetOptions o = new TargetOptions(null, null, TargetOptions.PgMode.CONTAINER, TargetOptions.MongoMode.CONTAINER,
                null, null, null, false);
        Map<Engine, Resolution> r = TargetResolver.resolve(o, ABSENT);
        assertThat(r.values()).allSatisfy(res -> {
            assertThat(res.available()).isFalse();
            assertThat(res.userError()).isTrue();
        });
    }

    @Test
    void aFakeMongoUrlIsMarkedFake() {
        TargetOptions o = new TargetOptions(null, "mongodb://127.0.0.1:1/", null, null, null, null, null, true);
        assertThat(TargetResolver.resolve(o, ABSENT).get(Engine.MONGODB).mode()).isEqualTo(TargetMode.FAKE);
    }
}
