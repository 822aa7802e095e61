package tradeoffbench.targets;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Opening a JDBC connection the harness's way: bounded connect and login timeouts, an application name. */
public final class Jdbc {
    /** Connect and login timeouts, seconds: a wrong host or password must fail well within 15 s. */
    public static final int TIMEOUT_SECONDS = 8;

    private Jdbc() {
    }

    /**
     * Did this failure come from a timeout (a server that accepts TCP but never answers, or answers too slowly)?
     * pgjdbc reports it as "The connection attempt failed." with a SocketTimeoutException below, or only by the
     * time it took.
     */
    public static boolean timedOut(Throwable failure, long startNanos) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException || t instanceof java.sql.SQLTimeoutException) {
                return true;
            }
        }
        return System.nanoTime() - startNanos >= (TIMEOUT_SECONDS - 1) * 1_000_000_000L;
    }

    public static Connection connect(String jdbcUrl, String user, String password) throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", String.valueOf(TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", String.valueOf(TIMEOUT_SECONDS));
        properties.setProperty("ApplicationName", "tradeoff-bench");
        return DriverManager.getConnection(jdbcUrl, properties);
    }
}
