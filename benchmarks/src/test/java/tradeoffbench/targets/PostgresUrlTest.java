package tradeoffbench.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tradeoffbench.targets.postgres.PostgresUrl;

class PostgresUrlTest {

    @Test
    void libpqStyleUrlBecomesJdbcWithUserAndPasswordApart() {
        PostgresUrl url = PostgresUrl.parse("postgresql://bob:p%40ss@db.local:6432/shop?sslmode=disable");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.local:6432/shop?sslmode=disable");
        assertThat(url.user()).isEqualTo("bob");
        assertThat(url.password()).isEqualTo("p@ss");
    }

    @Test
    void jdbcUrlKeepsItsOptionsAndLosesItsCredentials() {
        PostgresUrl url = PostgresUrl.parse("jdbc:postgresql://db/shop?user=bob&password=pw&tcpKeepAlive=true");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/shop?tcpKeepAlive=true");
        assertThat(url.user()).isEqualTo("bob");
        assertThat(url.password()).isEqualTo("pw");
    }

    @Test
    void defaultsToPortAndDatabasePostgres() {
        assertThat(PostgresUrl.parse("postgres://h").jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/postgres");
    }

    @Test
    void anUnencodedAtInThePasswordIsNamedAsTheCause() {
        assertThatThrownBy(() -> PostgresUrl.parse("postgresql://bench:p@ss:w/rd%25@127.0.0.1:1/db"))
                .isInstanceOf(TargetException.class)
                .hasMessage("malformed PostgreSQL URL postgresql://bench:****@127.0.0.1:1/db: no host (an @, / or : "
                        + "in the password must be percent-encoded: %40, %2F, %3A)");
    }

    @Test
    void malformedUrlsGiveOneLineWithThePasswordMasked() {
        assertThatThrownBy(() -> PostgresUrl.parse("mysql://bob:topsecret@h/db"))
                .isInstanceOf(TargetException.class)
                .hasMessageStartingWith("malformed PostgreSQL URL")
                .hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> PostgresUrl.parse("postgresql://bob:topsecret@/db"))
                .isInstanceOf(TargetException.class)
                .hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> PostgresUrl.parse(" ")).isInstanceOf(TargetException.class);
    }
}
