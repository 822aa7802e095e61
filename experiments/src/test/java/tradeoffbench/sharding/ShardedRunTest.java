package tradeoffbench.sharding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradeoffbench.cli.Main;
import tradeoffbench.results.ResultsCsv;
import tradeoffbench.results.TidyRow;
import tradeoffbench.targets.Endpoint;
import tradeoffbench.targets.postgres.EmbeddedPostgresServer;
import tradeoffbench.testing.TestTargets;

/**
 * The sharding family through the real command: the launcher provisions N shard servers and stops them, rows name
 * shard 0, too few shard URLs is a one-line error, and a shard dying mid-run fails the run naming it while the
 * rows measured before are kept.
 */
class ShardedRunTest {
    private static final Pattern SHARD_PORT = Pattern.compile("target pg\\.shard\\d+: .*localhost:(\\d+)/");

    @TempDir
    Path results;

    /**
     * JMH refuses to start while another JMH run on this machine holds /tmp/jmh.lock (other builds share it); these
     * tests check code paths, not numbers, so they may run beside one.
     */
    @BeforeAll
    static void tolerateOtherJmhRuns() {
        System.setProperty("jmh.ignoreLock", "true");
    }

    @Test
    void fewerShardUrlsThanShardsIsAOneLineErrorBeforeAnythingStarts() {
        String url = TestTargets.postgres().url();
        Captured run = capture(() -> Main.execute("run", "-b", "ShardedLookupBenchmark.routedLookup",
                "--pg-url", url, "--pg-shard-urls", url, "-p", "shards=1,2", "--mongo-mode", "none",
                "--results-dir", results.toString()));
        assertThat(run.exit).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err.strip().lines()).hasSize(1);
        assertThat(run.err).contains("need 2 PostgreSQL shard servers").contains("--pg-shard-urls names only 1");
        assertThat(results.toFile().list()).isEmpty();

        Captured noUrls = capture(() -> Main.execute("run", "-b", "ShardedLookupBenchmark.routedLookup",
                "--pg-url", url, "-p", "shards=2", "--mongo-mode", "none", "--results-dir", results.toString()));
        assertThat(noUrls.exit).isEqualTo(Main.BAD_INPUT);
        assertThat(noUrls.err.strip().lines()).hasSize(1);
        assertThat(noUrls.err).contains("need").contains("--pg-shard-urls");
    }

    @Test
    void withAUserNamedServerAndNoShardUrlsTheShardedMethodsAreSkippedWithAReasonAndTheRestRuns() {
        String url = TestTargets.postgres().url();
        Captured run = capture(() -> Main.execute("run",
                "-b", "PointLookupBenchmark.postgresPrimaryKey|ShardedLookupBenchmark.routedLookup",
                "--pg-url", url, "--mongo-mode", "none", "-p", "users=300",
                "-f", "1", "-wi", "0", "-i", "1", "-r", "1", "-t", "1", "--results-dir", results.toString()));
        assertThat(run.exit).as(run.out + run.err).isZero();
        assertThat(run.out).contains("skipped ShardedLookupBenchmark.routedLookup: needs 4 PostgreSQL shard servers")
                .doesNotContain("target pg.shard");
    }

    @Test
    void anEmbeddedRunProvisionsTheShardsNamesShardZeroInItsRowsAndStopsEveryServer() throws IOException {
        Captured run = capture(() -> Main.execute("run", "-b", "ShardedLookupBenchmark.routedLookup",
                "--pg-mode", "embedded", "--mongo-mode", "none", "-p", "shards=1,2", "-p", "users=400",
                "-f", "1", "-wi", "0", "-i", "1", "-r", "1", "-t", "1", "--results-dir", results.toString()));
        assertThat(run.exit).as(run.out + run.err).isZero();

        List<Integer> ports = new ArrayList<>();
        Matcher m = SHARD_PORT.matcher(run.out);
        while (m.find()) {
            ports.add(Integer.parseInt(m.group(1)));
        }
        assertThat(ports).hasSize(2);
        for (int port : ports) {
            assertThat(accepts(port)).as("shard server on port %s still running after the run", port).isFalse();
        }

        List<TidyRow> rows = ResultsCsv.read(onlyRunFolder());
        assertThat(rows).filteredOn(r -> r.metric().isPrimary()).hasSize(4);
        assertThat(rows).extracting(r -> r.param("shards")).containsOnly("1", "2");
        assertThat(rows).extracting(r -> r.param("users")).containsOnly("400");
        for (TidyRow row : rows) {
            assertThat(row.family()).isEqualTo("sharding");
            assertThat(row.target().name()).isEqualTo("postgresql");
            assertThat(row.target().mode()).isEqualTo("embedded");
            assertThat(row.target().setting("fsync")).isEqualTo("on");
            assertThat(row.target().setting("shared_buffers")).isEqualTo("128MB");
        }
    }

    @Test
    void aShardDyingMidRunFailsTheRunNamingItAndKeepsEarlierRows() throws Exception {
        Endpoint main = TestTargets.postgres();
        EmbeddedPostgresServer shard0 = EmbeddedPostgresServer.start();
        EmbeddedPostgresServer shard1 = EmbeddedPostgresServer.start();
        AtomicBoolean stopped = new AtomicBoolean();
        Thread killer = new Thread(() -> {
            // As soon as the first benchmark (shards=1, shard 0 only) queries shard 0, shard 1 dies.
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (System.nanoTime() < deadline && !stopped.get()) {
                if (benchmarkIsQuerying(shard0.endpoint())) {
                    shard1.close();
                    stopped.set(true);
                    return;
                }
                sleep(50);
            }
        });
        try {
            killer.start();
            Captured run = capture(() -> Main.execute("run", "-b", "ShardedLookupBenchmark.routedLookup",
                    "--pg-url", main.url(), "--pg-shard-urls", shard0.endpoint().url() + "," + shard1.endpoint().url(),
                    "--mongo-mode", "none", "-p", "shards=1,2", "-p", "users=400",
                    "-f", "1", "-wi", "0", "-i", "1", "-r", "2", "-t", "1", "--results-dir", results.toString()));
            killer.join();
            assertThat(stopped).as("the benchmark never queried shard 0: " + run.out).isTrue();
            assertThat(run.exit).as(run.out + run.err).isEqualTo(1);
            Path folder = onlyRunFolder();
            JsonNode manifest = new ObjectMapper().readTree(folder.resolve("run.json").toFile());
            assertThat(manifest.get("status").asText()).isEqualTo("failed");
            assertThat(manifest.toString()).contains("pg.shard1");
            List<TidyRow> rows = ResultsCsv.read(folder);
            assertThat(rows).isNotEmpty();
            assertThat(rows).extracting(r -> r.param("shards")).containsOnly("1");
        } finally {
            stopped.set(true);
            shard1.close();
            shard0.close();
        }
    }

    private static boolean benchmarkIsQuerying(Endpoint shard) {
        try (Connection c = DriverManager.getConnection(shard.url());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
                     + "AND query LIKE '%sh_users_400_%'")) {
            return rs.next() && rs.getLong(1) > 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Path onlyRunFolder() throws IOException {
        try (Stream<Path> folders = Files.list(results)) {
            List<Path> all = folders.filter(Files::isDirectory).toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    private record Captured(int exit, String out, String err) {
    }

    private interface Command {
        int run();
    }

    private static synchronized Captured capture(Command command) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = command.run();
            return new Captured(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            oldOut.print(out.toString(StandardCharsets.UTF_8));
        }
    }
}
