package tradeoffbench.sharding;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tradeoffbench.dataset.PostgresDatasetRegistry;
import tradeoffbench.dataset.PostgresUsers;
import tradeoffbench.dataset.UserGenerator;

/**
 * All users on one server in a table hash-partitioned by id into N partitions (PostgreSQL's PARTITION BY HASH):
 * the engine's own routing. COPY into the parent routes every row to its partition. Reused by fingerprint like
 * every dataset.
 */
final class PartitionedUsers {
    private PartitionedUsers() {
    }

    static String table(long users, int partitions) {
        return "sh_users_" + users + "_hash" + partitions;
    }

    static void ensure(ShardTarget target, long users, int partitions) {
        String table = table(users, partitions);
        String fingerprint = "users/v" + UserGenerator.VERSION + "/seed=" + UserGenerator.DEFAULT_SEED + "/n=" + users
                + "/hash-partitions=" + partitions;
        try (Connection connection = target.open()) {
            boolean loaded = PostgresDatasetRegistry.ensure(connection, table, fingerprint,
                    c -> PostgresDatasetRegistry.matches(c, table, fingerprint, users)
                            && PostgresDatasetRegistry.rowCount(c, table) == users, c -> {
                        try (Statement statement = c.createStatement()) {
                            statement.execute("DROP TABLE IF EXISTS " + table + " CASCADE");
                            statement.execute(PostgresUsers.createTableSql(table) + ShardSql.PARTITION_BY_HASH);
                            for (int i = 0; i < partitions; i++) {
                                statement.execute(ShardSql.CREATE_HASH_PARTITION.formatted(table, i, partitions));
                            }
                            long rows = PostgresUsers.copyInto(c, table, UserGenerator.DEFAULT_SEED, users,
                                    target.name());
                            statement.execute(ShardSql.INDEX_PARTITIONED_HANDLE.formatted(table));
                            return rows;
                        }
                    });
            if (loaded) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("ANALYZE " + table);
                }
            }
        } catch (SQLException e) {
            throw target.failure("loading " + table, e);
        }
    }

    /** How many of the table's partitions the plan of this query touches (the engine's routing, made visible). */
    static int partitionsScanned(Connection connection, String table, String query) throws SQLException {
        Pattern partition = Pattern.compile(" on " + Pattern.quote(table) + "_p(\\d+)\\b");
        Set<String> scanned = new HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(ShardSql.EXPLAIN + query)) {
            while (rs.next()) {
                Matcher m = partition.matcher(rs.getString(1));
                while (m.find()) {
                    scanned.add(m.group(1));
                }
            }
        }
        return scanned.size();
    }
}
