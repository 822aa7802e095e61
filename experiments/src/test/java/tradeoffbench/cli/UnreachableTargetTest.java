package tradeoffbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradeoffbench.targets.Endpoint;
import tradeoffbench.targets.postgres.EmbeddedPostgresServer;
import tradeoffbench.targets.postgres.PostgresIdentity;

/**
 * Targets that cannot be used: one line naming the target with its password masked, within 15 s, exit 2, no
 * results folder. And a run with a password in its URL never writes or prints that password.
 *
 * <p>The server is a real embedded PostgreSQL whose pg_hba.conf is rewritten to demand a SCRAM password for one
 * role, so a wrong password is refused by the server itself.
 */
class UnreachableTargetTest {
    private static final String SECRET = "Sup3rSecretPw";
    private static EmbeddedPostgresServer server;
    private static int port;

    @TempDir
    Path results;

    @BeforeAll
    static void startGuardedServer() throws SQLException, IOException {
        server = EmbeddedPostgresServer.start();
        Endpoint e = server.endpoint();
        try (Connection c = e.connect();
             Statement s = c.createStatement()) {
            s.execute("CREATE ROLE guarded LOGIN SUPERUSER PASSWORD '" + SECRET + "'");
            Path hba;
            try (ResultSet rs = s.executeQuery("SHOW hba_file")) {
                rs.next();
                hba = Path.of(rs.getString(1));
            }
            List<String> old = Files.readAllLines(hba);
            List<String> rules = new java.util.ArrayList<>(List.of(
                    "host all guarded 127.0.0.1/32 scram-sha-256",
                    "host all guarded ::1/128 scram-sha-256"));
            rules.addAll(old);
            Files.write(hba, rules);
            s.execute("SELECT pg_reload_conf()");
        }
        port = Integer.parseInt(e.url().replaceAll(".*:(\\d+)/.*", "$1"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void wrongPasswordIsRefusedInOneMaskedLine() throws IOException {
        Console console = Console.run("run", "-b", "postgresPrimaryKey", "--mongo-mode", "none",
                "--pg-url", "postgresql://guarded:WrongPw123@127.0.0.1:" + port + "/postgres",
                "--results-dir", results.toString());
        assertThat(console.exit()).isEqualTo(2);
        assertThat(console.errLines()).singleElement().asString()
                .startsWith("error: cannot reach PostgreSQL at jdbc:postgresql://127.0.0.1:" + port + "/postgres")
                .contains("password authentication failed")
                .doesNotContain("WrongPw123");
        assertThat(console.millis()).isLessThan(15_000);
        assertNoResultsFolder();
    }

    @Test
    void unreachableHostFailsWithin15Seconds() throws IOException {
        Console console = Console.run("run", "-b", "postgresPrimaryKey", "--mongo-mode", "none",
                "--pg-url", "jdbc:postgresql://127.0.0.1:1/postgres?user=u&password=" + SECRET,
                "--results-dir", results.resolve("not-yet").toString());
        assertThat(console.exit()).isEqualTo(2);
        assertThat(console.errLines()).singleElement().asString()
                .startsWith("error: cannot reach PostgreSQL at jdbc:postgresql://127.0.0.1:1/postgres")
                .doesNotContain(SECRET);
        assertThat(console.millis()).isLessThan(15_000);
        assertThat(results.resolve("not-yet")).as("a refused run creates no results directory").doesNotExist();
        assertNoResultsFolder();
    }

    @Test
    void anUnwritableResultsDirectoryIsRefusedBeforeAnyServerStarts() throws IOException {
        Path file = Files.writeString(results.resolve("a-file"), "not a folder");
        Console console = Console.run("run", "-b", "postgresPrimaryKey", "--mongo-mode", "none", "--pg-mode",
                "embedded", "--results-dir", file.resolve("sub").toString());
        assertThat(console.exit()).isEqualTo(2);
        assertThat(console.errLines()).singleElement().asString()
                .startsWith("error: results directory " + file.resolve("sub") + " is not writable");
    }

    @Test
    void aRunWithAPasswordNeverWritesOrPrintsIt() throws IOException {
        Console console = Console.run("run", "-b", "postgresPrimaryKey", "--mongo-mode", "none",
                "--pg-url", "postgresql://guarded:" + SECRET + "@127.0.0.1:" + port + "/postgres",
                "-p", "users=500", "-f", "1", "-wi", "0", "-i", "1", "-r", "1", "-t", "1",
                "--results-dir", results.toString());
        assertThat(console.exit()).isZero();
        assertThat(console.out() + console.err()).doesNotContain(SECRET);
        List<Path> written;
        try (Stream<Path> files = Files.walk(results)) {
            written = files.filter(Files::isRegularFile).toList();
        }
        assertThat(written).extracting(p -> p.getFileName().toString())
                .contains("results.csv", "jmh.json", "run.json");
        for (Path f : written) {
            assertThat(Files.readString(f)).as(f.toString()).doesNotContain(SECRET);
        }
        assertThat(Files.readString(written.stream().filter(p -> p.endsWith("run.json")).findFirst().orElseThrow()))
                .contains("\"mode\" : \"external\"").contains("guarded:****@");
    }

    private void assertNoResultsFolder() throws IOException {
        try (Stream<Path> left = Files.list(results)) {
            assertThat(left).isEmpty();
        }
    }
}
