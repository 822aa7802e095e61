package tradeoffbench.sharding;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.ThreadParams;
import org.postgresql.PGStatement;
import tradeoffbench.dataset.User;
import tradeoffbench.params.Accepts;
import tradeoffbench.targets.Engine;
import tradeoffbench.targets.Needs;

/*
 * Stretch: the engine's own answer to "route by the key, fan out without it", on one server. The users table is
 * PARTITION BY HASH (id) into N partitions on the main pg server; PostgreSQL prunes a lookup by id to one
 * partition and must probe every partition's handle index for a lookup by handle, the same shape as routedLookup
 * and scatterGather, without the network and without the application doing the merge.
 *
 *   partitionedById      WHERE id = ?      (the plan touches 1 partition; checked at setup with EXPLAIN)
 *   partitionedByHandle  WHERE handle = ?  (the plan touches all N; checked likewise)
 *
 * Compare with ShardedLookupBenchmark.unsharded / unshardedByHandle (the same queries on an unpartitioned table)
 * and with routedLookup / scatterGather at shards=N. Answers are checked like the other lookups.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Needs(Engine.POSTGRESQL)
public class HashPartitionBenchmark {

    @State(Scope.Benchmark)
    public static class Partitioned {
        @Accepts(value = Accepts.POSITIVE, meaning = "a number of partitions")
        @Param({"4"})
        public int partitions;

        ShardTarget server;
        String table;

        long users;

        @Setup
        public void load(UserData data) throws SQLException {
            users = data.users;
            server = ShardTarget.unsharded();
            table = PartitionedUsers.table(users, partitions);
            PartitionedUsers.ensure(server, users, partitions);
            try (Connection connection = server.open()) {
                int byId = PartitionedUsers.partitionsScanned(connection, table,
                        ShardSql.USER_BY_ID.formatted(table).replace("?", "1"));
                int byHandle = PartitionedUsers.partitionsScanned(connection, table,
                        ShardSql.USER_BY_HANDLE.formatted(table).replace("?", "'nobody'"));
                if (byId != 1 || byHandle != partitions) {
                    throw new IllegalStateException("expected a lookup by id to scan 1 of " + partitions
                            + " partitions and one by handle all of them; the plans scan " + byId + " and " + byHandle);
                }
            }
        }
    }

    @State(Scope.Thread)
    public static class Client {
        Connection connection;
        PreparedStatement byId;
        PreparedStatement byHandle;
        Lookups requests;
        ShardTarget server;

        @Setup
        public void open(Partitioned data, ThreadParams thread) throws SQLException {
            server = data.server;
            connection = server.open();
            byId = connection.prepareStatement(ShardSql.USER_BY_ID.formatted(data.table));
            byHandle = connection.prepareStatement(ShardSql.USER_BY_HANDLE.formatted(data.table));
            byId.unwrap(PGStatement.class).setPrepareThreshold(1);
            byHandle.unwrap(PGStatement.class).setPrepareThreshold(1);
            requests = Lookups.uniform(data.users, thread.getThreadIndex());
        }

        User byId(long id) {
            try {
                byId.setLong(1, id);
                return one(byId);
            } catch (SQLException e) {
                throw server.failure("looking up user " + id, e);
            }
        }

        User byHandle(String handle) {
            try {
                byHandle.setString(1, handle);
                return one(byHandle);
            } catch (SQLException e) {
                throw server.failure("looking up handle " + handle, e);
            }
        }

        private static User one(PreparedStatement statement) throws SQLException {
            try (ResultSet rs = statement.executeQuery()) {
                User u = rs.next() ? new User(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6)) : null;
                if (rs.next()) {
                    throw new IllegalStateException("two users answered one lookup: " + u);
                }
                return u;
            }
        }

        @TearDown
        public void close() throws SQLException {
            try {
                requests.verifySample("partitioned lookup by id", u -> byId(u.id()));
                requests.verifySample("partitioned lookup by handle", u -> byHandle(u.handle()));
            } finally {
                connection.close();
            }
        }
    }

    @Benchmark
    public User partitionedById(Client client) {
        User wanted = client.requests.next();
        return Lookups.check("partitioned lookup by id", wanted, client.byId(wanted.id()));
    }

    @Benchmark
    public User partitionedByHandle(Client client) {
        User wanted = client.requests.next();
        return Lookups.check("partitioned lookup by handle", wanted, client.byHandle(wanted.handle()));
    }

    /*
     * HOW TO RUN THIS TEST:
     *
     *   java -jar experiments/target/tradeoff-bench.jar run -b 'HashPartitionBenchmark' -p partitions=1,4,16,64
     *
     * WHAT TO EXPECT: by id stays flat as partitions grow (pruned to one); by handle grows with the number of
     * partitions, one index probe each, but stays far below scatterGather at the same N: no network round trips,
     * no thread hand-offs, no application merge. Server-side prepared statements use a generic plan after five
     * executions, which prunes at run time ("Subplans Removed"), not at plan time.
     */
}
