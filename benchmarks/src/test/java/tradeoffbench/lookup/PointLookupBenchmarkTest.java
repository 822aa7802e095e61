package tradeoffbench.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tradeoffbench.dataset.UserGenerator;
import tradeoffbench.targets.Endpoints;
import tradeoffbench.testing.TestTargets;

/** The skeleton benchmark's methods, called directly (no JMH): the right user comes back on both engines. */
class PointLookupBenchmarkTest {

    @AfterEach
    void clearEndpoints() {
        System.clearProperty(Endpoints.PROPERTY);
    }

    @Test
    void postgresReturnsTheRequestedUserAndVerifiesASample() throws SQLException {
        TestTargets.useEndpoints(TestTargets.postgres());
        PointLookupBenchmark.Users users = users(500);
        PointLookupBenchmark.PostgresData data = new PointLookupBenchmark.PostgresData();
        data.load(users);
        PointLookupBenchmark.PostgresSession session = new PointLookupBenchmark.PostgresSession();
        session.open(data, users);
        PointLookupBenchmark benchmark = new PointLookupBenchmark();
        UserGenerator generator = new UserGenerator(UserGenerator.DEFAULT_SEED);
        for (int i = 0; i < 200; i++) {
            String handle = benchmark.postgresPrimaryKey(session);
            assertThat(handle).endsWith("_" + handle.substring(handle.lastIndexOf('_') + 1));
            long id = Long.parseLong(handle.substring(handle.lastIndexOf('_') + 1));
            assertThat(handle).isEqualTo(generator.user(id).handle());
        }
        session.close();
    }

    @Test
    void mongoFakeReturnsTheRequestedUserCodePathOnly() throws SQLException {
        TestTargets.useEndpoints(TestTargets.mongoFake());
        PointLookupBenchmark.Users users = users(300);
        PointLookupBenchmark.MongoData data = new PointLookupBenchmark.MongoData();
        data.load(users);
        PointLookupBenchmark.MongoSession session = new PointLookupBenchmark.MongoSession();
        session.open(users);
        PointLookupBenchmark benchmark = new PointLookupBenchmark();
        UserGenerator generator = new UserGenerator(UserGenerator.DEFAULT_SEED);
        for (int i = 0; i < 100; i++) {
            String handle = benchmark.mongoFindById(data, session);
            long id = Long.parseLong(handle.substring(handle.lastIndexOf('_') + 1));
            assertThat(handle).isEqualTo(generator.user(id).handle());
        }
        data.close();
    }

    @Test
    void aWrongAnswerFailsLoudly() {
        assertThatThrownBy(() -> PointLookupBenchmark.Answers.checkId(7, 8))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("user 7").hasMessageContaining("user 8 came back");
    }

    private static PointLookupBenchmark.Users users(int count) {
        PointLookupBenchmark.Users users = new PointLookupBenchmark.Users();
        users.users = count;
        return users;
    }
}
