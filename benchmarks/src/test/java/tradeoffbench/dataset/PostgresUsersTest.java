package tradeoffbench.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import tradeoffbench.targets.Endpoint;
import tradeoffbench.targets.postgres.PostgresIdentity;
import tradeoffbench.testing.TestTargets;

/** COPY loading on a real (embedded) PostgreSQL: rows equal the generator's, and a fingerprint match is reused. */
class PostgresUsersTest {

    @Test
    void loadsTheGeneratedRowsAndReusesAnIdenticalDataset() throws SQLException {
        Endpoint pg = TestTargets.postgres();
        DatasetFingerprint fp = DatasetFingerprint.users(99, 3_000);
        try (Connection c = pg.connect()) {
            assertThat(PostgresUsers.ensure(c, fp, "test")).as("first load").isTrue();
            assertThat(count(c, fp)).isEqualTo(3_000);
            UserGenerator generator = new UserGenerator(99);
            try (PreparedStatement s = c.prepareStatement(PostgresUsers.SELECT_BY_ID.formatted(fp.name()))) {
                for (long id : new long[] {1, 2, 1_500, 3_000}) {
                    s.setLong(1, id);
                    try (ResultSet rs = s.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(PostgresUsers.map(rs)).isEqualTo(generator.user(id));
                    }
                }
            }
            assertThat(PostgresUsers.ensure(c, fp, "test")).as("identical dataset is reused").isFalse();
        }
    }

    @Test
    void reloadsWhenTheTableNoLongerMatchesItsFingerprint() throws SQLException {
        Endpoint pg = TestTargets.postgres();
        DatasetFingerprint fp = DatasetFingerprint.users(5, 500);
        try (Connection c = pg.connect()) {
            PostgresUsers.ensure(c, fp, "test");
            try (Statement s = c.createStatement()) {
                s.execute("DELETE FROM " + fp.name() + " WHERE id = 17");
            }
            assertThat(PostgresUsers.ensure(c, fp, "test")).as("a stale table is loaded again").isTrue();
            assertThat(count(c, fp)).isEqualTo(500);
        }
    }

    private static long count(Connection c, DatasetFingerprint fp) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + fp.name())) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
