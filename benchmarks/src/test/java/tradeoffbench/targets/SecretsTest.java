package tradeoffbench.targets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "postgresql://bob:s3cret@db:5432/app | postgresql://bob:****@db:5432/app",
        "jdbc:postgresql://db/app?user=bob&password=s3cret&ssl=true | jdbc:postgresql://db/app?user=bob&password=****&ssl=true",
        "jdbc:postgresql://db/app?password=s3cret | jdbc:postgresql://db/app?password=****",
        "mongodb://admin:s3cret@h1:27017,h2:27017/?replicaSet=rs0 | mongodb://admin:****@h1:27017,h2:27017/?replicaSet=rs0",
        "jdbc:postgresql://db:5432/app | jdbc:postgresql://db:5432/app",
        "postgresql://bench:s3cret@ss:w/rd%25@host/db | postgresql://bench:****@host/db",
        "postgresql://bench:s3cr@t@host/db and postgresql://bob:s3cret@other/db | postgresql://bench:****@host/db and postgresql://bob:****@other/db",
        "mongodb://u:s3cret%40x@h/?authSource=admin | mongodb://u:****@h/?authSource=admin",
    })
    void masksPasswordsInEveryUrlForm(String url, String masked) {
        assertThat(Secrets.mask(url)).isEqualTo(masked).doesNotContain("s3cret");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "FATAL: password authentication failed for user bob (password s3cret) | s3cret",
    })
    void masksAKnownSecretAnywhereInAMessage(String message, String secret) {
        assertThat(Secrets.mask(message, secret)).doesNotContain(secret).contains(Secrets.MASK);
    }
}
