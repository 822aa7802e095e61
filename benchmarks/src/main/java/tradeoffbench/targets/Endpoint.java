package tradeoffbench.targets;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A reachable database server and its identity, as read from the server itself.
 *
 * @param engine   which database
 * @param mode     how it was reached (external, container, embedded, fake)
 * @param url      JDBC URL (PostgreSQL) or connection string (MongoDB), without the password for PostgreSQL
 * @param user     user name ({@code null} when the URL carries it or none is needed)
 * @param password password ({@code null} when none); never printed, see {@link #toString()}
 * @param version  server version as the server reports it
 * @param settings the server settings that decide results (fsync, synchronous_commit, write concern, ...)
 */
public record Endpoint(Engine engine, TargetMode mode, String url, String user, String password, String version,
                       SortedMap<String, String> settings) {

    public Endpoint {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(url, "url");
        settings = new TreeMap<>(settings == null ? Map.of() : settings);
    }

    /** A new JDBC connection to this server (PostgreSQL endpoints), with the harness's timeouts. */
    public Connection connect() throws SQLException {
        if (!url.startsWith("jdbc:")) {
            throw new IllegalStateException(engine.displayName() + " endpoint " + maskedUrl() + " is not a JDBC URL");
        }
        return Jdbc.connect(url, user, password);
    }

    /** The URL as it may be shown: any password in it masked. */
    public String maskedUrl() {
        return Secrets.mask(url, password);
    }

    /** One line for the console: engine, mode, version, masked URL. */
    public String describe() {
        return engine.label() + " " + version + " (" + mode.label() + ", " + maskedUrl() + ")";
    }

    @Override
    public String toString() {
        return "Endpoint[" + describe() + ", settings=" + settings + "]";
    }
}
