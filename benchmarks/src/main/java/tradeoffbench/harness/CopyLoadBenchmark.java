package tradeoffbench.harness;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import tradeoffbench.dataset.PostgresUsers;
import tradeoffbench.dataset.User;
import tradeoffbench.dataset.UserGenerator;
import tradeoffbench.targets.Endpoint;
import tradeoffbench.targets.Endpoints;
import tradeoffbench.targets.Engine;
import tradeoffbench.targets.Needs;
import tradeoffbench.tx.TransactionRunner;

/*
 * The harness's own cost, against the reference tool: loading N generated users through the driver's COPY
 * (what every family's loader does) versus `psql \copy` of the same rows from a file. Goal: >= 0.9x psql.
 *
 * Each invocation loads into an empty table created fresh by the per-invocation setup (a single-shot
 * measurement, so Level.Invocation is the honest boundary here: the load itself is the operation).
 * Opt-in family: it needs the psql client on PATH, so it runs only when named (`--family harness`).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(1)
@State(Scope.Benchmark)
@Needs(Engine.POSTGRESQL)
public class CopyLoadBenchmark {
    static final String TABLE = "users_copy_target";

    @Param({"1000000"})
    public int users;

    private Endpoint endpoint;
    private Path rows;

    @Setup(Level.Trial)
    public void writeRowsFile() throws IOException {
        endpoint = Endpoints.current().require(Engine.POSTGRESQL);
        rows = Files.createTempFile("tradeoff-bench-users-", ".tsv");
        UserGenerator generator = new UserGenerator(UserGenerator.DEFAULT_SEED);
        try (BufferedWriter out = Files.newBufferedWriter(rows, StandardCharsets.UTF_8)) {
            for (long id = 1; id <= users; id++) {
                User u = generator.user(id);
                out.write(u.id() + "\t" + u.handle() + "\t" + u.email() + "\t" + u.name() + "\t" + u.country() + "\t"
                        + u.signupDay() + "\n");
            }
        }
    }

    @Setup(Level.Invocation)
    public void emptyTable() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
            s.execute(PostgresUsers.createTableSql(TABLE));
        }
    }

    @TearDown(Level.Invocation)
    public void checkRowCount() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM " + TABLE)) {
            rs.next();
            if (rs.getLong(1) != users) {
                throw new IllegalStateException("load left " + rs.getLong(1) + " rows in " + TABLE + ", expected " + users);
            }
        }
    }

    @TearDown(Level.Trial)
    public void cleanUp() throws IOException, SQLException {
        Files.deleteIfExists(rows);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
        }
    }

    @Benchmark
    public long copyManager() throws Exception {
        try (Connection c = connect()) {
            return TransactionRunner.jdbc(c).inTransaction(
                    () -> PostgresUsers.copyInto(c, TABLE, UserGenerator.DEFAULT_SEED, users, "postgresql"));
        }
    }

    @Benchmark
    public int psqlCopy() throws IOException, InterruptedException {
        URI uri = URI.create(endpoint.url().substring("jdbc:".length()));
        String database = uri.getPath().substring(1);
        ProcessBuilder psql = new ProcessBuilder(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1",
                "-h", uri.getHost(), "-p", String.valueOf(uri.getPort()), "-U", endpoint.user(), "-d", database,
                "-c", "\\copy " + TABLE + " (id, handle, email, name, country, signup_day) FROM '" + rows + "'"))
                .redirectErrorStream(true);
        if (endpoint.password() != null) {
            psql.environment().put("PGPASSWORD", endpoint.password());
        }
        Process process;
        try {
            process = psql.start();
        } catch (IOException e) {
            throw new IllegalStateException("psql is not on PATH: install the PostgreSQL client to compare with it", e);
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("psql \\copy failed (exit " + exit + "): " + out.trim());
        }
        return exit;
    }

    private Connection connect() throws SQLException {
        return endpoint.connect();
    }

    /*
     * HOW TO RUN THIS TEST:
     *
     *   java -jar experiments/target/tradeoff-bench.jar run --family harness --pg-mode embedded -t 1
     *
     * WHAT TO EXPECT: both send the same ~70 MB of rows through the COPY protocol into an empty table with a
     * primary key, so the server's work is identical; the difference is the client. CopyManager also generates
     * the rows on the fly (psql reads a file made beforehand), so >= 0.9x psql means the loader is not the
     * bottleneck of any family's setup. On this 2-vCPU machine both land near half a second per million rows.
     */
}
