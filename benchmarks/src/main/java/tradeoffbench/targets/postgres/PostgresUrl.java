package tradeoffbench.targets.postgres;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tradeoffbench.targets.Secrets;
import tradeoffbench.targets.TargetException;

/**
 * A PostgreSQL URL as a user gives it, in either of the two forms people copy around:
 * {@code jdbc:postgresql://host:5432/db?user=u&password=p} or {@code postgresql://u:p@host:5432/db}
 * ({@code postgres://} too). Parsed into a JDBC URL without credentials plus user and password.
 */
public record PostgresUrl(String jdbcUrl, String user, String password) {

    public static PostgresUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw new TargetException("empty PostgreSQL URL");
        }
        String trimmed = text.trim();
        String withoutJdbc = trimmed.startsWith("jdbc:") ? trimmed.substring(5) : trimmed;
        if (!withoutJdbc.startsWith("postgresql://") && !withoutJdbc.startsWith("postgres://")) {
            throw new TargetException("malformed PostgreSQL URL " + Secrets.mask(trimmed)
                    + ": expected jdbc:postgresql://host:port/db or postgresql://user:password@host:port/db");
        }
        URI uri;
        try {
            uri = new URI(withoutJdbc);
        } catch (URISyntaxException e) {
            throw new TargetException("malformed PostgreSQL URL " + Secrets.mask(trimmed) + ": " + e.getReason());
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            String rest = withoutJdbc.substring(withoutJdbc.indexOf("://") + 3);
            boolean unencoded = rest.indexOf('@') != rest.lastIndexOf('@');
            throw new TargetException("malformed PostgreSQL URL " + Secrets.mask(trimmed) + ": no host"
                    + (unencoded ? " (an @, / or : in the password must be percent-encoded: %40, %2F, %3A)" : ""));
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        Map<String, String> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
            }
        }
        if (query.containsKey("user")) {
            user = query.remove("user");
        }
        if (query.containsKey("password")) {
            password = query.remove("password");
        }
        String database = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        List<String> rest = new ArrayList<>();
        query.forEach((k, v) -> rest.add(k + "=" + v));
        String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port + "/" + database
                + (rest.isEmpty() ? "" : "?" + String.join("&", rest));
        return new PostgresUrl(jdbc, user, password);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
