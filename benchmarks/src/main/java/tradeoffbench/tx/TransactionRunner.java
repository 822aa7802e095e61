package tradeoffbench.tx;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

import com.mongodb.MongoException;
import com.mongodb.TransactionOptions;
import com.mongodb.client.ClientSession;

/**
 * The one owner of transaction boundaries (BenchBase's Worker idea, small): it begins, commits and rolls back,
 * classifies every failure, retries what is retryable up to {@link #MAX_ATTEMPTS} attempts with a jittered
 * exponential {@link Backoff}, and reports retries and give-ups. Benchmarks, loaders and stores only say what the
 * work does.
 *
 * <p>Retryable: PostgreSQL serialization failures ({@code 40001}) and deadlocks ({@code 40P01}); MongoDB errors
 * labelled {@code TransientTransactionError} (the whole transaction again) or {@code UnknownTransactionCommitResult}
 * (the commit again, as the driver's own {@code withTransaction} does). Everything else is a bug or a broken target
 * and is rethrown. The loop is ours rather than the driver's {@code withTransaction} because that one retries
 * invisibly for up to 120 s, and retries are numbers this project reports.
 */
public final class TransactionRunner {
    /** Attempts per unit of work before giving up. */
    public static final int MAX_ATTEMPTS = 10;

    static final Set<String> RETRYABLE_SQL_STATES = Set.of("40001", "40P01");
    static final String TRANSIENT_TRANSACTION_ERROR = "TransientTransactionError";
    static final String UNKNOWN_COMMIT_RESULT = "UnknownTransactionCommitResult";

    /** What a failure allows. */
    public enum Retry {
        /** Roll back and run the whole unit again. */
        TRANSACTION,
        /** The commit's outcome is unknown: send the commit again. */
        COMMIT,
        /** Not retryable: rethrow. */
        NONE
    }

    /** A piece of work inside a boundary, with its result. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws Exception;
    }

    /** A piece of work without a result. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    /** How a unit of work starts and ends on one engine. */
    public interface Boundary {
        void begin() throws Exception;

        void commit() throws Exception;

        void rollback() throws Exception;
    }

    /** Where retries and give-ups are counted (a benchmark's counters; loaders count nothing). */
    public interface Outcomes {
        Outcomes NONE = new Outcomes() {
        };

        default void retried() {
        }

        default void gaveUp() {
        }
    }

    /** Autocommit: each statement is its own transaction, so there is nothing to begin, commit or roll back. */
    static final Boundary AUTOCOMMIT = new Boundary() {
        @Override
        public void begin() {
        }

        @Override
        public void commit() {
        }

        @Override
        public void rollback() {
        }
    };

    private final Boundary transaction;
    private final Boundary statement;
    private final int maxAttempts;
    private final Backoff backoff;

    TransactionRunner(Boundary transaction, Boundary statement, int maxAttempts, Backoff backoff) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        this.transaction = transaction;
        this.statement = statement;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
    }

    /**
     * JDBC: a transaction is {@code BEGIN} (sent by the driver with the first statement once autocommit is off) ..
     * {@code COMMIT}, after which the connection is back in autocommit; a statement runs in autocommit.
     */
    public static TransactionRunner jdbc(Connection connection) {
        Boundary transaction = new Boundary() {
            @Override
            public void begin() throws SQLException {
                connection.setAutoCommit(false);
            }

            @Override
            public void commit() throws SQLException {
                connection.commit();
                connection.setAutoCommit(true);
            }

            @Override
            public void rollback() throws SQLException {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        };
        Boundary statement = new Boundary() {
            @Override
            public void begin() throws SQLException {
                connection.setAutoCommit(true);
            }

            @Override
            public void commit() {
            }

            @Override
            public void rollback() {
            }
        };
        return new TransactionRunner(transaction, statement, MAX_ATTEMPTS, Backoff.jittered());
    }

    /** MongoDB: a multi-document transaction on a session with the given options; single operations need none. */
    public static TransactionRunner mongo(ClientSession session, TransactionOptions options) {
        Boundary transaction = new Boundary() {
            @Override
            public void begin() {
                session.startTransaction(options);
            }

            @Override
            public void commit() {
                session.commitTransaction();
            }

            @Override
            public void rollback() {
                if (session.hasActiveTransaction()) {
                    session.abortTransaction();
                }
            }
        };
        return new TransactionRunner(transaction, AUTOCOMMIT, MAX_ATTEMPTS, Backoff.jittered());
    }

    /** Single operations only (a MongoDB target without transactions): {@link #transaction} is not available. */
    public static TransactionRunner singleOperations() {
        Boundary unavailable = new Boundary() {
            @Override
            public void begin() {
                throw new IllegalStateException("this target has no multi-document transactions");
            }

            @Override
            public void commit() {
            }

            @Override
            public void rollback() {
            }
        };
        return new TransactionRunner(unavailable, AUTOCOMMIT, MAX_ATTEMPTS, Backoff.jittered());
    }

    /** Runs the work as one transaction, retried as a whole; true when it committed, false when it gave up. */
    public boolean transaction(Step work, Outcomes outcomes) throws Exception {
        return attempt(transaction, () -> {
            work.run();
            return Boolean.TRUE;
        }, outcomes) != null;
    }

    /** Runs one statement (or one single-document operation) on its own, retried alone; false when it gave up. */
    public boolean statement(Step work, Outcomes outcomes) throws Exception {
        return attempt(statement, () -> {
            work.run();
            return Boolean.TRUE;
        }, outcomes) != null;
    }

    /**
     * Runs the work as one transaction and returns its result; giving up is an error here (a loader or a store
     * whose work cannot commit after every retry must not carry on as if it had).
     */
    public <T> T inTransaction(Work<T> work) throws Exception {
        T result = attempt(transaction, work, Outcomes.NONE);
        if (result == null) {
            throw new IllegalStateException("a transaction gave up after " + maxAttempts + " attempts");
        }
        return result;
    }

    /** The work's result when it committed; null when it gave up after the last attempt (one give-up counted). */
    private <T> T attempt(Boundary boundary, Work<T> work, Outcomes outcomes) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                boundary.begin();
                T result = work.run();
                commit(boundary, outcomes);
                return result;
            } catch (Exception e) {
                rollbackQuietly(boundary, e);
                // A commit still unknown after its retries may have committed: running the work again could apply
                // it twice, so it fails like any other unexpected error.
                if (classify(e) != Retry.TRANSACTION) {
                    throw e;
                }
                if (attempt >= maxAttempts) {
                    outcomes.gaveUp();
                    return null;
                }
                outcomes.retried();
                backoff.pause(attempt);
            }
        }
    }

    /** Commits; a commit whose outcome is unknown is sent again (it is idempotent), up to the same limit. */
    private void commit(Boundary boundary, Outcomes outcomes) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                boundary.commit();
                return;
            } catch (Exception e) {
                if (classify(e) != Retry.COMMIT || attempt >= maxAttempts) {
                    throw e;
                }
                outcomes.retried();
                backoff.pause(attempt);
            }
        }
    }

    private static void rollbackQuietly(Boundary boundary, Exception cause) {
        try {
            boundary.rollback();
        } catch (Exception rollbackFailed) {
            cause.addSuppressed(rollbackFailed);
        }
    }

    /** What a failure allows, looking through causes (drivers wrap). */
    public static Retry classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                if (sql.getSQLState() != null && RETRYABLE_SQL_STATES.contains(sql.getSQLState())) {
                    return Retry.TRANSACTION;
                }
            } else if (t instanceof MongoException mongo) {
                if (mongo.hasErrorLabel(TRANSIENT_TRANSACTION_ERROR)) {
                    return Retry.TRANSACTION;
                }
                if (mongo.hasErrorLabel(UNKNOWN_COMMIT_RESULT)) {
                    return Retry.COMMIT;
                }
            }
        }
        return Retry.NONE;
    }
}
