package tradeoffbench.cap;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import tradeoffbench.targets.Endpoint;

/**
 * Runs one {@link ReplicatedPostgres} pair through steady → partition → heal: one writer on the primary (A) moves
 * a register to version 1, 2, 3, ...; one reader on the replica (B) reads it; the relay is cut and restored on
 * schedule. Every operation is classified; a read is counted in the second it started, a write in the second its
 * outcome (acknowledged, timed out, failed) was known.
 *
 * <p>A write counts as acknowledged only when it returned without a warning. In CP mode a commit waits for the
 * replica; after {@code writeTimeoutMs} the writer cancels it, and PostgreSQL answers "canceling wait for synchronous
 * replication": the transaction is committed locally but was never confirmed replicated — an unacknowledged write.
 * A write cancelled before it committed, or rejected with an error, is refused. A second reader on the primary (A)
 * counts reads that return a version never acknowledged.
 */
public final class PartitionTimeline {
    /** SQLState of a cancelled statement. */
    private static final String QUERY_CANCELED = "57014";

    private final ReplicatedPostgres pair;
    private final TimelineSpec spec;
    /** Acknowledged versions and when (System.nanoTime) each acknowledgement arrived. */
    private final ConcurrentSkipListMap<Long, Long> acknowledged = new ConcurrentSkipListMap<>();
    private final AtomicLong unackedLocalCommits = new AtomicLong();
    private final List<SecondStats.Bucket> buckets = new ArrayList<>();
    private volatile boolean running = true;
    private long startNanos;

    public PartitionTimeline(ReplicatedPostgres pair, TimelineSpec spec) {
        this.pair = pair;
        this.spec = spec;
        for (int s = 0; s < spec.totalSeconds(); s++) {
            buckets.add(new SecondStats.Bucket(s, spec.phaseOf(s)));
        }
    }

    public TimelineResult run() throws SQLException, InterruptedException {
        acknowledged.put(0L, System.nanoTime()); // the seeded row, replicated before the start
        startNanos = System.nanoTime();
        Thread writer = new Thread(this::writeLoop, "cap-writer");
        Thread reader = new Thread(() -> readLoop(false), "cap-reader-b");
        Thread primaryReader = new Thread(() -> readLoop(true), "cap-reader-a");
        writer.start();
        reader.start();
        primaryReader.start();
        long convergenceMs = -1;
        try {
            sleepUntil(spec.steadySeconds() * 1000L);
            pair.relay().cut(spec.cut());
            sleepUntil((spec.steadySeconds() + spec.partitionSeconds()) * 1000L);
            long versionAtHeal = readVersion(pair.primary());
            pair.relay().restore();
            long healNanos = System.nanoTime();
            convergenceMs = awaitVersionOnReplica(versionAtHeal, healNanos);
            sleepUntil(spec.totalSeconds() * 1000L);
        } finally {
            running = false;
            pair.relay().restore();
            writer.join(spec.writeTimeoutMs() + 15_000L);
            reader.join(15_000L);
            primaryReader.join(15_000L);
        }
        boolean caughtUp = pair.awaitReplicaCaughtUp(Duration.ofSeconds(20));
        boolean match = caughtUp && ReplicatedPostgres.checksum(pair.primary())
                .equals(ReplicatedPostgres.checksum(pair.replica()));
        List<SecondStats> seconds = buckets.stream().map(SecondStats.Bucket::snapshot).toList();
        return new TimelineResult(pair.mode(), spec, pair.primary(), pair.replica(), seconds, convergenceMs, match,
                unackedLocalCommits.get());
    }

    private void writeLoop() {
        ScheduledExecutorService canceller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cap-write-cancel");
            t.setDaemon(true);
            return t;
        });
        long version = 0;
        Connection connection = null;
        try {
            while (running) {
                if (bucketAt(System.nanoTime()) == null) {
                    break;
                }
                version++;
                boolean startedInCut = pair.relay().isCut();
                SecondStats.WriteOutcome outcome;
                try {
                    if (connection == null) {
                        connection = open(pair.primary());
                    }
                    outcome = write(connection, version, canceller);
                } catch (SQLException e) {
                    outcome = SecondStats.WriteOutcome.FAILED;
                    closeQuietly(connection);
                    connection = null;
                }
                // A write is counted in the second its outcome was known (a CP write cut off at 0.9 s and timing
                // out at 1.4 s belongs to second 1); one finishing after the timeline counts in its last second.
                bucketAtOrLast(System.nanoTime()).write(outcome, startedInCut);
                pace();
            }
        } finally {
            closeQuietly(connection);
            canceller.shutdownNow();
        }
    }

    private SecondStats.WriteOutcome write(Connection connection, long version, ScheduledExecutorService canceller)
            throws SQLException {
        try (PreparedStatement write = connection.prepareStatement(CapSql.WRITE)) {
            write.setLong(1, version);
            write.setLong(2, version);
            ScheduledFuture<?> timeout = canceller.schedule(() -> {
                try {
                    write.cancel();
                } catch (SQLException e) {
                    // the statement finished meanwhile
                }
            }, spec.writeTimeoutMs(), TimeUnit.MILLISECONDS);
            try {
                write.executeUpdate();
            } catch (SQLException e) {
                if (QUERY_CANCELED.equals(e.getSQLState()) || e.getSQLState() == null
                        || !e.getSQLState().startsWith("08")) {
                    return SecondStats.WriteOutcome.REFUSED;
                }
                throw e;
            } finally {
                timeout.cancel(false);
            }
            if (syncReplicationWaitCancelled(write.getWarnings())) {
                unackedLocalCommits.incrementAndGet();
                return SecondStats.WriteOutcome.UNACKNOWLEDGED;
            }
            acknowledged.put(version, System.nanoTime());
            return SecondStats.WriteOutcome.ACKNOWLEDGED;
        }
    }

    private static boolean syncReplicationWaitCancelled(SQLWarning warning) {
        for (SQLWarning w = warning; w != null; w = w.getNextWarning()) {
            if (w.getMessage() != null && w.getMessage().contains("synchronous replication")) {
                return true;
            }
        }
        return false;
    }

    /** Reads the register on the replica (B: stale?) or the primary (A: ahead of what was acknowledged?). */
    private void readLoop(boolean primary) {
        Connection connection = null;
        try {
            while (running) {
                Map.Entry<Long, Long> newest = acknowledged.lastEntry();
                long started = System.nanoTime();
                SecondStats.Bucket bucket = bucketAt(started);
                if (bucket == null) {
                    break;
                }
                try {
                    if (connection == null) {
                        connection = open(primary ? pair.primary() : pair.replica());
                    }
                    long seen = readVersion(connection);
                    if (primary) {
                        bucket.readPrimary(seen > acknowledged.lastKey());
                    } else if (seen < newest.getKey()) {
                        Map.Entry<Long, Long> firstNewer = acknowledged.higherEntry(seen);
                        bucket.readReplica(newest.getKey() - seen, (started - firstNewer.getValue()) / 1e6);
                    } else {
                        bucket.readReplica(0, 0);
                    }
                } catch (SQLException e) {
                    bucket.readError(primary);
                    closeQuietly(connection);
                    connection = null;
                }
                pace();
            }
        } finally {
            closeQuietly(connection);
        }
    }

    /** Polls the replica until it returns at least {@code version}; ms since the heal, or -1 by the end. */
    private long awaitVersionOnReplica(long version, long healNanos) throws SQLException {
        long endNanos = startNanos + spec.totalSeconds() * 1_000_000_000L;
        try (Connection connection = open(pair.replica())) {
            while (System.nanoTime() < endNanos) {
                if (readVersion(connection) >= version) {
                    return Math.round((System.nanoTime() - healNanos) / 1e6);
                }
                ReplicatedPostgres.sleep(5);
            }
        }
        return -1;
    }

    private SecondStats.Bucket bucketAt(long nanos) {
        int second = (int) ((nanos - startNanos) / 1_000_000_000L);
        return second < buckets.size() ? buckets.get(second) : null;
    }

    private SecondStats.Bucket bucketAtOrLast(long nanos) {
        SecondStats.Bucket bucket = bucketAt(nanos);
        return bucket == null ? buckets.get(buckets.size() - 1) : bucket;
    }

    private void sleepUntil(long offsetMillis) throws InterruptedException {
        long remaining = startNanos + offsetMillis * 1_000_000L - System.nanoTime();
        if (remaining > 0) {
            TimeUnit.NANOSECONDS.sleep(remaining);
        }
    }

    private void pace() {
        if (spec.paceMs() > 0) {
            try {
                Thread.sleep(spec.paceMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    private static long readVersion(Endpoint endpoint) throws SQLException {
        try (Connection connection = open(endpoint)) {
            return readVersion(connection);
        }
    }

    private static long readVersion(Connection connection) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(CapSql.READ); ResultSet rs = read.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection open(Endpoint endpoint) throws SQLException {
        return endpoint.connect();
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // the connection is gone either way
            }
        }
    }
}
