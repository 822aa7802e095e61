package tradeoffbench.cap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tradeoffbench.targets.Endpoint;
import tradeoffbench.targets.Jdbc;
import tradeoffbench.targets.Remains;
import tradeoffbench.targets.TargetException;
import tradeoffbench.targets.TargetMode;
import tradeoffbench.targets.Watchdog;
import tradeoffbench.targets.postgres.EmbeddedPostgresServer;
import tradeoffbench.targets.postgres.PostgresDurability;
import tradeoffbench.targets.postgres.PostgresIdentity;

/**
 * A PostgreSQL primary (A) and a hot-standby streaming replica (B), two real embedded servers, with the replica's
 * replication connection running through a {@link TcpRelay} that can be cut. The replica is seeded from a copy of
 * the stopped primary's data directory (zonky ships no pg_basebackup) plus {@code standby.signal} and
 * {@code primary_conninfo}. {@link #close()} stops both servers and the relay and deletes the data directories; it is
 * idempotent, and a shutdown hook calls it when the JVM exits first (Ctrl-C).
 */
public final class ReplicatedPostgres implements AutoCloseable {
    /** The replica's application_name, which {@code synchronous_standby_names} names in CP mode. */
    static final String REPLICA_NAME = "cap_replica";
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    /** How soon a disconnected walreceiver tries again (default 5 s): part of the convergence time, so recorded. */
    static final String WAL_RETRIEVE_RETRY_INTERVAL = "200ms";

    private final ReplicationMode mode;
    private final Path root;
    /** Stops both servers and deletes their data should this JVM die without {@link #close()} (kill -9). */
    private final Watchdog watchdog = Watchdog.start();
    private EmbeddedPostgres primary;
    private EmbeddedPostgres replica;
    private TcpRelay relay;
    private Endpoint primaryEndpoint;
    private Endpoint replicaEndpoint;
    private boolean closed;
    private final Thread stopOnExit = new Thread(this::close, "cap-pair-shutdown");

    private ReplicatedPostgres(ReplicationMode mode, Path root) {
        this.mode = mode;
        this.root = root;
    }

    /**
     * Starts primary, relay and replica, and waits until the replica streams (and, in CP mode, is the synchronous
     * standby). {@code replicaPort} 0 picks a free port. Fails with a one-line {@link TargetException}, everything
     * already started stopped.
     */
    public static ReplicatedPostgres start(ReplicationMode mode, int replicaPort) {
        Path root;
        try {
            root = Files.createTempDirectory(EmbeddedPostgresServer.dataRoot(), "tradeoffbench-cap-");
        } catch (IOException e) {
            throw new TargetException("cannot create a data directory: " + e.getMessage(), e);
        }
        ReplicatedPostgres pair = new ReplicatedPostgres(mode, root);
        pair.watchdog.watchPath(root);
        // Ctrl-C while starting or running: stop whatever is up and delete the data directories.
        Runtime.getRuntime().addShutdownHook(pair.stopOnExit);
        try {
            pair.startAll(replicaPort);
            return pair;
        } catch (IOException | SQLException | RuntimeException e) {
            pair.close();
            if (e instanceof TargetException t) {
                throw t;
            }
            throw new TargetException("cannot start the " + mode.label() + " primary/replica pair: "
                    + oneLine(e), e);
        }
    }

    private void startAll(int replicaPort) throws IOException, SQLException {
        Path primaryDir = root.resolve("primary");
        Path replicaDir = root.resolve("replica");
        // 1. initdb + schema on the primary (asynchronous: no standby exists yet to wait for), then stop it so its
        // data directory can be copied consistently.
        primary = builder(primaryDir, 0, primarySettings(ReplicationMode.AP)).start();
        int primaryPort = primary.getPort();
        try (Connection c = Jdbc.connect(url(primary), "postgres", null);
             Statement s = c.createStatement()) {
            s.execute(CapSql.CREATE_TABLES);
        }
        primary.close();
        primary = null;
        allowReplicationFromLoopback(primaryDir);
        copyDataDirectory(primaryDir, replicaDir);
        // 2. the primary again, on the same port; the relay to it; the replica through the relay.
        primary = builder(primaryDir, primaryPort, primarySettings(mode)).start();
        relay = new TcpRelay(primaryPort);
        Files.writeString(replicaDir.resolve("standby.signal"), "");
        Files.writeString(replicaDir.resolve("postgresql.auto.conf"), "primary_conninfo = 'host=127.0.0.1 port="
                + relay.port() + " user=postgres application_name=" + REPLICA_NAME + "'\n",
                StandardOpenOption.APPEND);
        if (replicaPort != 0) {
            requireFree(replicaPort);
        }
        try {
            replica = builder(replicaDir, replicaPort, replicaSettings()).start();
        } catch (IOException | RuntimeException e) {
            throw new TargetException("cannot start the replica" + (replicaPort == 0 ? "" : " on port " + replicaPort)
                    + ": " + oneLine(e), e);
        }
        watchdog.watch(new Remains(EmbeddedPostgresServer.postmasters(primary.getPort()),
                List.of(), List.of()));
        watchdog.watch(new Remains(EmbeddedPostgresServer.postmasters(replica.getPort()),
                List.of(), List.of()));
        primaryEndpoint = endpoint(primary, "primary");
        replicaEndpoint = endpoint(replica, "replica");
        awaitStreaming(Duration.ofSeconds(30));
    }

    private static Map<String, String> primarySettings(ReplicationMode mode) {
        Map<String, String> settings = new LinkedHashMap<>(PostgresDurability.serverSettings());
        settings.put("wal_level", "replica");
        settings.put("max_wal_senders", "4");
        settings.putAll(mode.primarySettings());
        return settings;
    }

    private static Map<String, String> replicaSettings() {
        Map<String, String> settings = new LinkedHashMap<>(PostgresDurability.serverSettings());
        settings.put("hot_standby", "on");
        settings.put("wal_retrieve_retry_interval", WAL_RETRIEVE_RETRY_INTERVAL);
        return settings;
    }

    private static EmbeddedPostgres.Builder builder(Path dataDir, int port, Map<String, String> settings) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPGStartupWait(STARTUP_WAIT);
        if (port != 0) {
            builder.setPort(port);
        }
        settings.forEach(builder::setServerConfig);
        return builder;
    }

    /** initdb's pg_hba.conf already trusts local replication connections; this makes sure of it. */
    private static void allowReplicationFromLoopback(Path dataDir) throws IOException {
        Path hba = dataDir.resolve("pg_hba.conf");
        String content = Files.readString(hba);
        if (!content.lines().map(l -> l.trim().replaceAll("\\s+", " "))
                .anyMatch(l -> l.startsWith("host replication all 127.0.0.1/32 trust"))) {
            Files.writeString(hba, "\nhost replication all 127.0.0.1/32 trust\n", StandardOpenOption.APPEND);
        }
    }

    private static void copyDataDirectory(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                String name = source.getFileName().toString();
                if (name.equals("epg-lock") || name.equals("postmaster.pid")) {
                    continue;
                }
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
    }

    private Endpoint endpoint(EmbeddedPostgres server, String role) {
        Endpoint read = PostgresIdentity.read(TargetMode.EMBEDDED, url(server), "postgres", null);
        TreeMap<String, String> settings = new TreeMap<>(read.settings());
        settings.put("role", role);
        settings.put("replication", mode.label() + "-streaming");
        settings.putAll(readSettings(read, "synchronous_standby_names", "synchronous_commit", "wal_level",
                "hot_standby", "wal_retrieve_retry_interval", "wal_sender_timeout", "wal_receiver_timeout"));
        return new Endpoint(read.engine(), read.mode(), read.url(), read.user(), null, read.version(), settings);
    }

    private static Map<String, String> readSettings(Endpoint endpoint, String... names) {
        Map<String, String> values = new LinkedHashMap<>();
        try (Connection c = endpoint.connect();
             PreparedStatement s = c.prepareStatement("SELECT current_setting(?)")) {
            for (String name : names) {
                s.setString(1, name);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    String value = rs.getString(1);
                    values.put(name, value.isEmpty() ? "''" : value);
                }
            }
        } catch (SQLException e) {
            throw new TargetException("cannot read replication settings: " + oneLine(e), e);
        }
        return values;
    }

    /** Waits until the primary sees the replica streaming (and synchronous in CP mode). */
    public void awaitStreaming(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no walsender";
        while (System.nanoTime() < deadline) {
            try (Connection c = primaryEndpoint.connect();
                 PreparedStatement s = c.prepareStatement(CapSql.REPLICATION_STATE)) {
                s.setString(1, REPLICA_NAME);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        last = rs.getString(1) + "/" + rs.getString(2);
                        boolean streaming = "streaming".equals(rs.getString(1));
                        boolean syncOk = mode != ReplicationMode.CP || "sync".equals(rs.getString(2));
                        if (streaming && syncOk) {
                            return;
                        }
                    }
                }
            } catch (SQLException e) {
                last = oneLine(e);
            }
            sleep(50);
        }
        throw new TargetException("the replica did not start streaming within " + timeout.toSeconds() + " s ("
                + last + ")");
    }

    /** Waits until the replica has replayed everything the primary has written so far; false on timeout. */
    public boolean awaitReplicaCaughtUp(Duration timeout) throws SQLException {
        String lsn;
        try (Connection c = primaryEndpoint.connect();
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(CapSql.PRIMARY_LSN)) {
            rs.next();
            lsn = rs.getString(1);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection c = replicaEndpoint.connect();
             PreparedStatement s = c.prepareStatement(CapSql.REPLAYED_AT_LEAST)) {
            s.setString(1, lsn);
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        return true;
                    }
                }
                sleep(20);
            }
        }
        return false;
    }

    /** The content hash of the experiment's tables on one server. */
    public static String checksum(Endpoint endpoint) throws SQLException {
        try (Connection c = endpoint.connect();
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(CapSql.CHECKSUM)) {
            rs.next();
            return rs.getString(1);
        }
    }

    public ReplicationMode mode() {
        return mode;
    }

    /** Node A: takes the writes. */
    public Endpoint primary() {
        return primaryEndpoint;
    }

    /** Node B: takes the reads. */
    public Endpoint replica() {
        return replicaEndpoint;
    }

    public TcpRelay relay() {
        return relay;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (Thread.currentThread() != stopOnExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs this anyway
            }
        }
        if (relay != null) {
            relay.close();
        }
        stop(replica);
        stop(primary);
        // On Ctrl-C zonky's own shutdown hooks may be the ones stopping the servers, concurrently with this one:
        // delete the data only once each postmaster has removed its pid file (the last thing it writes).
        awaitPostmasterGone(root.resolve("replica"));
        awaitPostmasterGone(root.resolve("primary"));
        deleteQuietly(root);
        watchdog.close();
    }

    private static void awaitPostmasterGone(Path dataDir) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (Files.exists(dataDir.resolve("postmaster.pid")) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void stop(EmbeddedPostgres server) {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException | RuntimeException e) {
            System.err.println("warning: embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("warning: could not delete " + dir + ": " + e.getMessage());
        }
    }

    private static void requireFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new TargetException("cannot start the replica: port " + port + " is in use");
        }
    }

    private static String url(EmbeddedPostgres server) {
        return server.getJdbcUrl("postgres", "postgres");
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
