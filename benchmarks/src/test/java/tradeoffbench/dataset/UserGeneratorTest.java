package tradeoffbench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class UserGeneratorTest {

    @Test
    void sameSeedGivesTheSameUsers() {
        UserGenerator a = new UserGenerator(42);
        UserGenerator b = new UserGenerator(42);
        for (long id = 1; id <= 1_000; id++) {
            assertThat(a.user(id)).isEqualTo(b.user(id));
        }
    }

    @Test
    void aUserDependsOnlyOnSeedAndIdNotOnGenerationOrder() {
        UserGenerator generator = new UserGenerator(7);
        User late = generator.user(900);
        for (long id = 1; id < 900; id++) {
            generator.user(id);
        }
        assertThat(generator.user(900)).isEqualTo(late);
    }

    @Test
    void anotherSeedGivesOtherUsers() {
        int differing = 0;
        for (long id = 1; id <= 100; id++) {
            if (!new UserGenerator(1).user(id).name().equals(new UserGenerator(2).user(id).name())) {
                differing++;
            }
        }
        assertThat(differing).isGreaterThan(80);
    }

    @Test
    void handlesAreUniqueAndCarryNoCharacterThatNeedsEscapingInCopy() {
        UserGenerator generator = new UserGenerator(UserGenerator.DEFAULT_SEED);
        Set<String> handles = new HashSet<>();
        for (long id = 1; id <= 20_000; id++) {
            User u = generator.user(id);
            assertThat(handles.add(u.handle())).as("handle of user %d is unique", id).isTrue();
            assertThat(u.handle() + u.email() + u.name() + u.country()).doesNotContain("\t", "\n", "\\", "\r");
            assertThat(u.id()).isEqualTo(id);
        }
    }

    @Test
    void idsStartAtOne() {
        assertThatThrownBy(() -> new UserGenerator(1).user(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
