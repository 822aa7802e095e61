package tradeoffbench.sharding;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;
import tradeoffbench.dataset.Progress;
import tradeoffbench.dataset.User;
import tradeoffbench.dataset.UserGenerator;

/**
 * All users on one server in a table hash-partitioned by id into N partitions (PostgreSQL's PARTITION BY HASH):
 * the engine's own routing. COPY into the parent routes every row to its partition. Reused by fingerprint like
 * the shard tables.
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
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(ShardSql.CREATE_META);
                try (PreparedStatement lock = connection.prepareStatement(ShardSql.LOCK)) {
                    lock.setString(1, "tradeoffbench:" + table);
                    lock.execute();
                }
                if (isLoaded(connection, table, fingerprint, users)) {
                    connection.commit();
                    return;
                }
                statement.execute("DROP TABLE IF EXISTS " + table + " CASCADE");
                statement.execute(ShardSql.CREATE_PARTITIONED_USERS.formatted(table));
                for (int i = 0; i < partitions; i++) {
                    statement.execute(ShardSql.CREATE_HASH_PARTITION.formatted(table, i, partitions));
                }
                copy(connection, target, table, users);
                statement.execute(ShardSql.INDEX_PARTITIONED_HANDLE.formatted(table));
                try (PreparedStatement upsert = connection.prepareStatement(ShardSql.UPSERT_META)) {
                    upsert.setString(1, table);
                    upsert.setString(2, fingerprint);
                    upsert.setLong(3, users);
                    upsert.executeUpdate();
                }
                connection.commit();
                connection.setAutoCommit(true);
                statement.execute("ANALYZE " + table);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw target.failure("loading " + table, e);
        }
    }

    private static boolean isLoaded(Connection connection, String table, String fingerprint, long users)
            throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(ShardSql.FIND_META)) {
            find.setString(1, table);
            try (ResultSet rs = find.executeQuery()) {
                if (!rs.next() || !rs.getString(1).equals(fingerprint)) {
                    return false;
                }
            }
        }
        try (PreparedStatement exists = connection.prepareStatement(ShardSql.TABLE_EXISTS)) {
            exists.setString(1, table);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return false;
                }
            }
        }
        try (Statement count = connection.createStatement();
             ResultSet rs = count.executeQuery(ShardSql.COUNT.formatted(table))) {
            return rs.next() && rs.getLong(1) == users;
        }
    }

    private static void copy(Connection connection, ShardTarget target, String table, long users) throws SQLException {
        UserGenerator generator = new UserGenerator(UserGenerator.DEFAULT_SEED);
        Progress progress = new Progress(table + " into " + target.name(), users);
        ShardLoader.Chunked rows = new ShardLoader.Chunked(connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn(ShardSql.COPY_USERS.formatted(table)));
        for (long id = 1; id <= users; id++) {
            User u = generator.user(id);
            rows.line().append(u.id()).append('\t').append(u.handle()).append('\t').append(u.email()).append('\t')
                    .append(u.name()).append('\t').append(u.country()).append('\t').append(u.signupDay()).append('\n');
            if (id % 10_000 == 0) {
                progress.advance(10_000);
            }
        }
        rows.end();
        progress.advance(users % 10_000);
        progress.finish();
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
