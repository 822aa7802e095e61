package tradeoffbench.sharding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import tradeoffbench.dataset.User;

/**
 * The application's side of sharding, for one client thread: one connection per server of a layout, the router,
 * and a small pool that asks several shards at once. The router decides, the connections ask, this class merges.
 *
 * <p>Fan-out always goes through the pool, also with one shard, so a scatter-gather at N shards differs from the
 * one at 1 shard only in how many servers are asked (the thread hand-off is paid at every N alike): scatter-gather
 * at {@code shards=1} is the single-shard latency distribution the Tail-at-Scale prediction starts from.
 */
public final class ShardedStore implements AutoCloseable {
    private final ShardRouter router;
    private final List<ShardConnection> shards = new ArrayList<>();
    private final ExecutorService pool;

    public ShardedStore(List<ShardTarget> targets, ShardRouter router, long users) {
        if (targets.size() != router.shards()) {
            throw new IllegalArgumentException(router + " needs " + router.shards() + " servers, got " + targets.size());
        }
        this.router = router;
        ShardTables tables = ShardTables.of(users, router);
        try {
            targets.forEach(t -> shards.add(new ShardConnection(t, tables)));
        } catch (RuntimeException e) {
            shards.forEach(ShardConnection::close);
            throw e;
        }
        pool = Executors.newFixedThreadPool(targets.size(), r -> {
            Thread t = new Thread(r, "shard-fan-out");
            t.setDaemon(true);
            return t;
        });
    }

    public ShardRouter router() {
        return router;
    }

    /** A lookup by the shard key: the router names one shard, one round trip. */
    public User routedLookup(long id) {
        return shards.get(router.shardOf(id)).findById(id);
    }

    /** A lookup by a non-shard attribute: every shard is asked at once, the one answer is kept. */
    public User scatterGather(String handle) {
        List<Future<User>> answers = new ArrayList<>(shards.size());
        for (ShardConnection shard : shards) {
            answers.add(pool.submit(() -> shard.findByHandle(handle)));
        }
        User found = null;
        int foundOn = -1;
        for (int i = 0; i < answers.size(); i++) {
            User u = ShardLoader.join(answers.get(i));
            if (u != null) {
                if (found != null) {
                    throw new IllegalStateException("handle " + handle + " found on two shards, " + foundOn
                            + " and " + i + ": the data is not partitioned");
                }
                found = u;
                foundOn = i;
            }
        }
        return found;
    }

    /** A lookup by handle on a one-server layout, asked directly (no pool): the query without sharding. */
    public User oneServerByHandle(String handle) {
        return onlyServer().findByHandle(handle);
    }

    private ShardConnection onlyServer() {
        if (shards.size() != 1) {
            throw new IllegalStateException("a one-server query needs a one-server layout, not " + router);
        }
        return shards.get(0);
    }

    /**
     * A user's posts with their comments and the commenters' handles, joined in the application: the posts and
     * comments come from the author's shard in one routed query; the commenters live on (mostly) other shards,
     * which are asked in parallel, one {@code id = ANY(?)} query per shard holding any of them.
     */
    public List<JoinRow> crossShardJoin(long author) {
        List<long[]> comments = shards.get(router.shardOf(author)).postsWithComments(author);
        Map<Integer, List<Long>> byShard = new HashMap<>();
        for (long[] row : comments) {
            byShard.computeIfAbsent(router.shardOf(row[2]), k -> new ArrayList<>()).add(row[2]);
        }
        List<Future<Map<Long, String>>> parts = new ArrayList<>();
        byShard.forEach((shard, ids) -> parts.add(pool.submit(() -> shards.get(shard).handles(ids.toArray(Long[]::new)))));
        Map<Long, String> handles = new HashMap<>();
        parts.forEach(p -> handles.putAll(ShardLoader.join(p)));
        List<JoinRow> rows = new ArrayList<>(comments.size());
        for (long[] row : comments) {
            rows.add(new JoinRow(row[0], row[1], row[2], handles.get(row[2])));
        }
        return rows;
    }

    /** The same question joined in SQL: needs a one-server layout (every user on it). */
    public List<JoinRow> singleServerJoin(long author) {
        return onlyServer().postsWithCommenters(author);
    }

    /** Writes one tweet on its author's shard. */
    public int tweet(long author, String body) {
        int shard = router.shardOf(author);
        shards.get(shard).insertTweet(author, body);
        return shard;
    }

    List<ShardConnection> connections() {
        return shards;
    }

    /** Every connection's server backend publishes its statistics now (see {@link ServerLoad}). */
    void flushStatistics() {
        shards.forEach(ShardConnection::flushStatistics);
    }

    @Override
    public void close() {
        pool.shutdownNow();
        shards.forEach(ShardConnection::close);
    }
}
