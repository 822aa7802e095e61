package tradeoffbench.atomicity;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

import com.mongodb.MongoException;
import com.mongodb.TransactionOptions;
import com.mongodb.client.ClientSession;

/**
 * The one owner of transaction boundaries in this family (BenchBase's Worker idea, small): it begins, commits and
 * rolls back, classifies every failure, retries what is retryable up to {@link #MAX_ATTEMPTS} attempts, and counts
 * the outcomes. Benchmark methods only say what a transfer does.
 *
 * <p>Retryable: PostgreSQL serialization failures ({@code 40001}) and deadlocks ({@code 40P01}); MongoDB errors
 * labelled {@code TransientTransactionError} (the whole transaction again) or {@code UnknownTransactionCommitResult}
 * (the commit again, as the driver's own {@code withTransaction} does). Everything else is a bug or a broken target
 * and is rethrown, failing the run. The loop is ours rather than the driver's {@code withTransaction} because that
 * one retries invisibly for up to 120 s, and the retry count is one of the numbers this family reports.
 */
public final class TransactionRunner {
    /** Attempts per unit of work before giving up (an abort). */
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

    /** The outcome of one transfer. */
    public enum Status {
        COMMITTED,
        /** Gave up after {@link #MAX_ATTEMPTS}; nothing of it was written. */
        GAVE_UP,
        /** Unsafe variants only: a later step gave up after earlier steps had committed (money lost or created). */
        PARTIAL
    }

    /** A piece of work inside a boundary. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    /** How a unit of work starts and ends on one engine. */
    public interface Boundary {
        void begin() throws Exception;

        void commit() throws Exception;

        void rollback() throws Exception;
    }

    /** Autocommit: each statement is its own transaction, so there is nothing to begin, commit or roll back. */
    static final Boundary NONE = new Boundary() {
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

    TransactionRunner(Boundary transaction, Boundary statement, int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        this.transaction = transaction;
        this.statement = statement;
        this.maxAttempts = maxAttempts;
    }

    /**
     * JDBC: a transaction is {@code BEGIN} (sent by the driver with the first statement once autocommit is off) ..
     * {@code COMMIT}; a statement runs in autocommit.
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
            }

            @Override
            public void rollback() throws SQLException {
                connection.rollback();
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
        return new TransactionRunner(transaction, statement, MAX_ATTEMPTS);
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
        return new TransactionRunner(transaction, NONE, MAX_ATTEMPTS);
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
        return new TransactionRunner(unavailable, NONE, MAX_ATTEMPTS);
    }

    /** Runs the work as one transaction, retried as a whole. */
    public Status transaction(Work work, TransferCounters counters) throws Exception {
        return count(attempt(transaction, work, counters), counters);
    }

    /** Runs one statement (or one single-document operation) on its own, retried alone. */
    public Status statement(Work work, TransferCounters counters) throws Exception {
        return count(attempt(statement, work, counters), counters);
    }

    /**
     * The unsafe shape: each step is its own autocommitted statement, retried alone, and nothing makes them one
     * unit. When a step gives up, the later steps are not run; if earlier steps had written, the transfer is
     * {@link Status#PARTIAL PARTIAL}.
     *
     * @param writesFrom index of the first step that writes (steps before it only read)
     */
    public Status steps(TransferCounters counters, int writesFrom, Work... steps) throws Exception {
        for (int i = 0; i < steps.length; i++) {
            if (!attempt(statement, steps[i], counters)) {
                return i > writesFrom ? Status.PARTIAL : Status.GAVE_UP;
            }
        }
        counters.commits++;
        return Status.COMMITTED;
    }

    private static Status count(boolean committed, TransferCounters counters) {
        if (committed) {
            counters.commits++;
            return Status.COMMITTED;
        }
        return Status.GAVE_UP;
    }

    /** True when the work committed; false (one abort counted) when it gave up after the last attempt. */
    private boolean attempt(Boundary boundary, Work work, TransferCounters counters) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                boundary.begin();
                work.run();
                commit(boundary, counters);
                return true;
            } catch (Exception e) {
                rollbackQuietly(boundary, e);
                // A commit still unknown after its retries may have committed: running the work again could apply
                // it twice, so it fails the run like any other unexpected error.
                if (classify(e) != Retry.TRANSACTION) {
                    throw e;
                }
                if (attempt >= maxAttempts) {
                    counters.aborts++;
                    return false;
                }
                counters.retries++;
            }
        }
    }

    /** Commits; a commit whose outcome is unknown is sent again (it is idempotent), up to the same limit. */
    private void commit(Boundary boundary, TransferCounters counters) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                boundary.commit();
                return;
            } catch (Exception e) {
                if (classify(e) != Retry.COMMIT || attempt >= maxAttempts) {
                    throw e;
                }
                counters.retries++;
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
