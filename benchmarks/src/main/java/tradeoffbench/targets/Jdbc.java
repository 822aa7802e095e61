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
