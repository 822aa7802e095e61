package tradeoffbench.joins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradeoffbench.cli.Main;
import tradeoffbench.results.ResultsCsv;
import tradeoffbench.results.TidyRow;
import tradeoffbench.targets.Endpoint;
import tradeoffbench.testing.TestTargets;

/**
 * Bad input, end to end through the real command: one layout (JSONB) disagrees with the others. The run must fail
 * naming the post and both answers, and keep the rows measured before the failing benchmark.
 */
class JoinsDisagreementRunTest {
    static final int POSTS = 30;
    static final int FANOUT = 4;

    @TempDir
    Path results;

    @Test
    void aLayoutThatDisagreesFailsTheRunAndEarlierRowsAreKept() throws Exception {
        Endpoint pg = TestTargets.postgres();
        JoinsModel model = JoinsModel.of(POSTS, FANOUT);
        try (Connection c = pg.connect()) {
            PostgresJoinsLoader.ensure(c, model);
        }
        String schema = model.name();
        try (Connection c = pg.connect();
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE " + schema + ".j_posts SET doc = jsonb_set(doc, '{authorName}', '\"Mallory\"')");
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            PrintStream original = System.out;
            int exit;
            try (PrintStream tee = new PrintStream(new TeeStream(original, captured), true, StandardCharsets.UTF_8)) {
                System.setOut(tee);
                exit = Main.execute("run", "-b", "joins\\.PostReadBenchmark\\.(denormalized|jsonbDocument)",
                        "--pg-url", pg.url(), "--mongo-mode", "none",
                        "-p", "posts=" + POSTS, "-p", "fanout=" + FANOUT,
                        "-f", "1", "-wi", "0", "-i", "1", "-r", "1", "-t", "1",
                        "--results-dir", results.toString());
            } finally {
                System.setOut(original);
            }
            String output = captured.toString(StandardCharsets.UTF_8);

            assertThat(exit).isEqualTo(1);
            assertThat(output).contains("layouts disagree on post ").contains("JSONB answered post ")
                    .contains("'Mallory'").contains("NORMALIZED answers now post ");
            Path folder = onlyRunFolder();
            List<TidyRow> rows = ResultsCsv.read(folder);
            assertThat(rows).isNotEmpty();
            assertThat(rows).extracting(TidyRow::benchmark).containsOnly(Joins.DENORMALIZED);
            assertThat(rows).allSatisfy(r -> {
                assertThat(r.family()).isEqualTo("joins");
                assertThat(r.param("fanout")).isEqualTo(String.valueOf(FANOUT));
                assertThat(r.param("posts")).isEqualTo(String.valueOf(POSTS));
                assertThat(r.score()).isPositive();
            });
            JsonNode run = new ObjectMapper().readTree(folder.resolve("run.json").toFile());
            assertThat(run.get("status").asText()).isEqualTo("failed");
            assertThat(run.at("/failures/0/benchmark").asText()).contains("jsonbDocument");
        } finally {
            // Leave no corrupted dataset behind for a later test in this JVM: the next ensure() reloads it.
            try (Connection c = pg.connect();
                 Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM tb_datasets WHERE name = '" + schema + "'");
            }
        }
    }

    private Path onlyRunFolder() throws IOException {
        try (Stream<Path> folders = Files.list(results)) {
            List<Path> all = folders.filter(Files::isDirectory).toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    /** Writes to the console and to a buffer, so the run stays visible in the test log. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }
}
