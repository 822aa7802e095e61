package tradeoffbench.sharding;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;
import tradeoffbench.dataset.PostgresUsers;
import tradeoffbench.dataset.User;
import tradeoffbench.targets.Engine;
import tradeoffbench.targets.Needs;

/*
 * The sharding questions asked of Citus (PostgreSQL sharded by an extension): the same users, posts and comments as
 * the router and postgres_fdw arms, distributed by user id over the cluster's workers and co-located (CitusLayout),
 * the same statements sent to the coordinator.
 *
 *   citusRoutedLookup   by userId: a router query, one worker asked.
 *   citusScatterGather  by handle: every shard asked.
 *   citusJoin           posts and comments joined on their shard, the commenters' handles by a repartition join.
 *
 * Runs where a Citus coordinator is reachable (--citus-url, or containers from citusdata/citus where Docker can pull
 * it); skipped with that reason otherwise.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@Threads(1)
@Needs(Engine.CITUS)
public class CitusBenchmark {

    @State(Scope.Thread)
    public static class Client {
        Connection connection;
        PreparedStatement byId;
        PreparedStatement byHandle;
        PreparedStatement join;
        Lookups lookups;
        SocialGraph graph;
        SplittableRandom authors;
        long users;

        @Setup
        public void open(CitusLayout layout, UserData data, ThreadParams thread) throws SQLException {
            connection = layout.coordinator.connect();
            try (Statement s = connection.createStatement()) {
                s.execute(CitusSql.REPARTITION_JOINS);
            }
            byId = connection.prepareStatement(FdwSql.USER_BY_ID.formatted(layout.users));
            byHandle = connection.prepareStatement(FdwSql.USER_BY_HANDLE.formatted(layout.users));
            join = connection.prepareStatement(FdwSql.POSTS_WITH_COMMENTERS.formatted(layout.posts, layout.comments,
                    layout.users));
            lookups = Lookups.uniform(data.users, thread.getThreadIndex());
            graph = new SocialGraph(data.users);
            authors = new SplittableRandom(31L * (thread.getThreadIndex() + 1));
            users = data.users;
        }

        User one(PreparedStatement statement, Object key) {
            try {
                statement.setObject(1, key);
                try (ResultSet rs = statement.executeQuery()) {
                    User found = rs.next() ? PostgresUsers.map(rs) : null;
                    if (rs.next()) {
                        throw new IllegalStateException("two users for " + key);
                    }
                    return found;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("a Citus lookup failed: " + e.getMessage(), e);
            }
        }

        List<JoinRow> join(long author) {
            try {
                join.setLong(1, author);
                List<JoinRow> rows = new ArrayList<>();
                try (ResultSet rs = join.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new JoinRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)));
                    }
                }
                return rows;
            } catch (SQLException e) {
                throw new IllegalStateException("the Citus join failed: " + e.getMessage(), e);
            }
        }

        @TearDown
        public void close() throws SQLException {
            try {
                lookups.verifySample("Citus routed lookup", u -> one(byId, u.id()));
            } finally {
                connection.close();
            }
        }
    }

    @Benchmark
    public User citusRoutedLookup(Client client) {
        User wanted = client.lookups.next();
        return Lookups.check("Citus routed lookup", wanted, client.one(client.byId, wanted.id()));
    }

    @Benchmark
    public User citusScatterGather(Client client) {
        User wanted = client.lookups.next();
        return Lookups.check("Citus scatter-gather", wanted, client.one(client.byHandle, wanted.handle()));
    }

    @Benchmark
    public List<JoinRow> citusJoin(Client client) {
        long author = 1 + client.authors.nextLong(client.users);
        return JoinAnswers.check("Citus join", author, client.graph, client.join(author));
    }

    /*
     * HOW TO RUN THIS TEST:
     *
     *   java -jar experiments/target/tradeoff-bench.jar run -b 'CitusBenchmark|ShardedLookupBenchmark' \
     *       --citus-url 'postgresql://postgres:secret@coordinator:5432/postgres'
     *
     * WHAT TO EXPECT: a routed lookup near one round trip through the coordinator; a scatter-gather that asks every
     * shard (Citus keeps 32 by default, spread over the workers); a join whose second half crosses shards.
     */
}
