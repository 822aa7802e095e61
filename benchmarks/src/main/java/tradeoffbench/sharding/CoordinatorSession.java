package tradeoffbench.sharding;

import java.sql.SQLException;
import java.util.List;
import java.util.SplittableRandom;

import org.openjdk.jmh.infra.ThreadParams;
import tradeoffbench.dataset.User;

/**
 * One benchmark thread of a sharding engine's arm (postgres_fdw, Citus): its coordinator client, its own uniform
 * requests, and the social graph every answer is checked against. The arms' {@code @State} classes extend this and
 * differ only in how they reach their coordinator; their benchmark methods ask the same three questions here.
 */
abstract class CoordinatorSession {
    private String engine;
    private CoordinatorClient coordinator;
    private Lookups lookups;
    private SocialGraph graph;
    private SplittableRandom authors;
    private long users;

    void open(String engine, CoordinatorClient coordinator, UserData data, ThreadParams thread) {
        this.engine = engine;
        this.coordinator = coordinator;
        lookups = Lookups.uniform(data.users, thread.getThreadIndex());
        graph = new SocialGraph(data.users);
        authors = new SplittableRandom(31L * (thread.getThreadIndex() + 1));
        users = data.users;
    }

    /** A user by userId, the engine routing to one shard; checked against the generated user. */
    User routedLookup() {
        User wanted = lookups.next();
        return Lookups.check(engine + " routed lookup", wanted, coordinator.byId(wanted.id()));
    }

    /** A user by handle, which the shard key does not name: every shard asked. */
    User scatterGather() {
        User wanted = lookups.next();
        return Lookups.check(engine + " scatter-gather", wanted, coordinator.byHandle(wanted.handle()));
    }

    /** A random author's posts with their comments and commenters, in one statement to the coordinator. */
    List<JoinRow> join() {
        long author = 1 + authors.nextLong(users);
        return JoinAnswers.check(engine + " join", author, graph, coordinator.join(author));
    }

    /** Checks a sample of the lookups again at trial end, then closes the connection. */
    void close() throws SQLException {
        try {
            lookups.verifySample(engine + " routed lookup", u -> coordinator.byId(u.id()));
        } finally {
            coordinator.close();
        }
    }
}
