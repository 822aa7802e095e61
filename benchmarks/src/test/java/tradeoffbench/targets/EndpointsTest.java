package tradeoffbench.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndpointsTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsThroughAPrivateFile() throws Exception {
        TreeMap<String, String> settings = new TreeMap<>(Map.of("fsync", "on", "shared_buffers", "128MB"));
        Endpoint pg = new Endpoint(Engine.POSTGRESQL, TargetMode.EMBEDDED, "jdbc:postgresql://localhost:5/postgres",
                "postgres", "pw=with;odd:chars", "17.7", settings);
        Endpoint mongo = new Endpoint(Engine.MONGODB, TargetMode.FAKE, "mongodb://127.0.0.1:9/", null, null, "3.0",
                new TreeMap<>());
        Path file = dir.resolve("endpoints.properties");
        new Endpoints(Map.of("pg", pg, "mongo", mongo)).write(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Endpoints read = Endpoints.read(file);
        assertThat(read.require(Engine.POSTGRESQL)).isEqualTo(pg);
        assertThat(read.require(Engine.MONGODB)).isEqualTo(mongo);
    }

    @Test
    void aMissingEngineIsAClearError() {
        Endpoints none = new Endpoints(Map.of());
        assertThatThrownBy(() -> none.require(Engine.MONGODB)).hasMessageContaining("no mongodb target");
    }

    @Test
    void toStringNeverShowsThePassword() {
        Endpoint e = new Endpoint(Engine.POSTGRESQL, TargetMode.EXTERNAL, "jdbc:postgresql://h/db?password=zz9",
                "u", "zz9", "17", new TreeMap<>());
        assertThat(e.toString()).doesNotContain("zz9");
        assertThat(e.describe()).doesNotContain("zz9");
    }
}
