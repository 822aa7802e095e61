package tradeoffbench.targets.citus;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import tradeoffbench.targets.ContainerImages;
import tradeoffbench.targets.Endpoint;
import tradeoffbench.targets.Engine;
import tradeoffbench.targets.Remains;
import tradeoffbench.targets.Server;
import tradeoffbench.targets.TargetException;
import tradeoffbench.targets.TargetMode;
import tradeoffbench.targets.postgres.PostgresDurability;
import tradeoffbench.targets.postgres.PostgresIdentity;

/**
 * A Citus cluster in containers: one coordinator and {@link #WORKERS} workers on a network of their own, every node
 * with the harness's durability settings; the workers are added to the coordinator by name. The configuration
 * ({@link #configure}, {@link #registration}) is unit-tested; it starts only where Docker can pull the image.
 */
final class CitusCluster implements Server {
    static final int WORKERS = 2;
    static final int PORT = 5432;
    static final String COORDINATOR_ALIAS = "citus-coordinator";
    static final String PASSWORD = "tradeoff-bench";

    private final Network network;
    private final List<GenericContainer<?>> nodes;
    private final Endpoint endpoint;

    private CitusCluster(Network network, List<GenericContainer<?>> nodes, Endpoint endpoint) {
        this.network = network;
        this.nodes = nodes;
        this.endpoint = endpoint;
    }

    static String workerAlias(int i) {
        return "citus-worker-" + i;
    }

    /** Coordinator first, then the workers: configured, not started. */
    static List<GenericContainer<?>> configure(String image, ContainerImages.Pull pull, String runId, Network network) {
        List<GenericContainer<?>> nodes = new ArrayList<>();
        for (int i = -1; i < WORKERS; i++) {
            GenericContainer<?> node = new GenericContainer<>(DockerImageName.parse(image))
                    .withNetwork(network)
                    .withNetworkAliases(i < 0 ? COORDINATOR_ALIAS : workerAlias(i))
                    .withEnv("POSTGRES_PASSWORD", PASSWORD)
                    .withEnv("POSTGRES_HOST_AUTH_METHOD", "trust")
                    .withCommand(PostgresDurability.containerCommand())
                    .withExposedPorts(PORT)
                    .withImagePullPolicy(pull.policy())
                    .withLabel(ContainerImages.LABEL, "true")
                    .withLabel(ContainerImages.LABEL + ".run", runId)
                    .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*\\n", 2));
            nodes.add(node);
        }
        return nodes;
    }

    /** What the coordinator is told, in order: its own name, then each worker's. */
    static List<String> registration(int workers) {
        List<String> sql = new ArrayList<>();
        sql.add("SELECT citus_set_coordinator_host('" + COORDINATOR_ALIAS + "', " + PORT + ")");
        for (int i = 0; i < workers; i++) {
            sql.add("SELECT citus_add_node('" + workerAlias(i) + "', " + PORT + ")");
        }
        return sql;
    }

    static CitusCluster start(String image, ContainerImages.Pull pull, String runId) {
        Network network = Network.newNetwork();
        List<GenericContainer<?>> nodes = configure(image, pull, runId, network);
        List<GenericContainer<?>> started = new ArrayList<>();
        try {
            for (int i = nodes.size() - 1; i >= 0; i--) {
                started.add(ContainerImages.start(nodes.get(i), image, pull, "Citus"));
            }
            GenericContainer<?> coordinator = nodes.get(0);
            String url = "jdbc:postgresql://" + coordinator.getHost() + ":" + coordinator.getMappedPort(PORT)
                    + "/postgres";
            try (Connection c = tradeoffbench.targets.Jdbc.connect(url, "postgres", PASSWORD);
                 Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS citus");
                for (String sql : registration(WORKERS)) {
                    s.execute(sql);
                }
            }
            Endpoint endpoint = identify(PostgresIdentity.read(Engine.CITUS, TargetMode.CONTAINER, url, "postgres",
                    PASSWORD));
            return new CitusCluster(network, nodes, endpoint);
        } catch (SQLException | RuntimeException e) {
            started.forEach(n -> ContainerImages.stopQuietly(n, "Citus"));
            network.close();
            throw e instanceof TargetException t ? t : new TargetException("cannot start the Citus cluster: "
                    + PostgresIdentity.oneLine(e.getMessage()), e);
        }
    }

    /**
     * The endpoint with Citus's own identity added to its settings (its version and active workers); a server
     * without the extension is refused in one line.
     */
    static Endpoint identify(Endpoint endpoint) {
        try (Connection c = endpoint.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS citus");
            TreeMap<String, String> settings = new TreeMap<>(endpoint.settings());
            try (ResultSet rs = s.executeQuery("SELECT extversion FROM pg_extension WHERE extname = 'citus'")) {
                settings.put("citus", rs.next() ? rs.getString(1) : "?");
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_dist_node WHERE noderole = 'primary' "
                    + "AND groupid > 0 AND isactive")) {
                settings.put("citus_workers", rs.next() ? rs.getString(1) : "0");
            }
            return new Endpoint(endpoint.engine(), endpoint.mode(), endpoint.url(), endpoint.user(),
                    endpoint.password(), endpoint.version(), settings);
        } catch (SQLException e) {
            throw new TargetException("the server at " + endpoint.maskedUrl() + " is no Citus coordinator (the citus "
                    + "extension cannot be created there): " + PostgresIdentity.oneLine(e.getMessage()), e);
        }
    }

    @Override
    public Endpoint endpoint() {
        return endpoint;
    }

    @Override
    public Remains remains() {
        return new Remains(List.of(), List.of(), nodes.stream().map(GenericContainer::getContainerId).toList());
    }

    @Override
    public void close() {
        nodes.forEach(n -> ContainerImages.stopQuietly(n, "Citus"));
        network.close();
    }
}
