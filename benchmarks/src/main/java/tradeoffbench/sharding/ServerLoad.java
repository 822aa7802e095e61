package tradeoffbench.sharding;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The load each shard server actually served, as the servers count it: scans of the layout's users table
 * ({@code pg_stat_user_tables}, index and sequential) before and after an iteration. The servers publish these counts lazily
 * (a backend flushes its statistics at most once a second), so at an iteration's end every client thread first makes
 * its own connections flush ({@link ShardConnection#flushStatistics}), says so here, and only then are the counts read.
 */
final class ServerLoad implements AutoCloseable {
    private static final long WAIT_NANOS = 10_000_000_000L;

    private final List<ShardTarget> shards;
    private final String table;
    private final List<Connection> connections = new ArrayList<>();
    private final AtomicInteger flushed = new AtomicInteger();
    private long[] baseline;
    private Load ended;

    /** What one iteration's requests did to each shard. */
    record Load(long[] perShard) {
        long total() {
            long total = 0;
            for (long n : perShard) {
                total += n;
            }
            return total;
        }

        /** The busiest shard's lookups over the mean per shard: 1.0 is even, {@code shards} is all on one. */
        double hottestShareOverMean() {
            long max = 0;
            for (long n : perShard) {
                max = Math.max(max, n);
            }
            long total = total();
            return total == 0 ? Double.NaN : (double) max * perShard.length / total;
        }
    }

    ServerLoad(List<ShardTarget> shards, String table) {
        this.shards = shards;
        this.table = table;
        try {
            for (ShardTarget shard : shards) {
                connections.add(shard.open());
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** At an iteration's start, before any client thread runs: the counts so far. */
    synchronized void begin() {
        flushed.set(0);
        ended = null;
        baseline = read();
    }

    /** A client thread's connections have flushed their statistics for this iteration. */
    void flushed() {
        flushed.incrementAndGet();
    }

    /** Once every one of {@code threads} client threads flushed: the iteration's load per shard (computed once). */
    synchronized Load end(int threads) {
        if (ended == null) {
            long deadline = System.nanoTime() + WAIT_NANOS;
            while (flushed.get() < threads) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + flushed.get() + " of " + threads + " client threads "
                            + "flushed their shard statistics within 10 s");
                }
                LockSupport.parkNanos(1_000_000);
            }
            long[] now = read();
            long[] delta = new long[now.length];
            for (int i = 0; i < now.length; i++) {
                delta[i] = now[i] - baseline[i];
            }
            ended = new Load(delta);
        }
        return ended;
    }

    private long[] read() {
        long[] counts = new long[shards.size()];
        for (int i = 0; i < shards.size(); i++) {
            try (PreparedStatement scans = connections.get(i).prepareStatement(ShardSql.TABLE_SCANS)) {
                scans.setString(1, table);
                try (ResultSet rs = scans.executeQuery()) {
                    rs.next();
                    counts[i] = rs.getLong(1);
                }
            } catch (SQLException e) {
                throw shards.get(i).failure("reading the scans of " + table, e);
            }
        }
        return counts;
    }

    @Override
    public void close() {
        for (Connection c : connections) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing at a trial's end
            }
        }
    }
}
