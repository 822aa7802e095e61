package tradeoffbench.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import com.mongodb.MongoException;
import org.junit.jupiter.api.Test;
import tradeoffbench.tx.TransactionRunner.Retry;

/** The retry and classification rules, with simulated failures and a boundary that records what it was asked. */
class TransactionRunnerTest {
    private final List<String> calls = new ArrayList<>();
    private final Deque<Exception> commitFailures = new ArrayDeque<>();
    /** Counts what the runner reports, and the commits the caller would count. */
    private static final class Counts implements TransactionRunner.Outcomes {
        long commits;
        long retries;
        long aborts;

        @Override
        public void retried() {
            retries++;
        }

        @Override
        public void gaveUp() {
            aborts++;
        }

        void committed(boolean committed) {
            if (committed) {
                commits++;
            }
        }
    }

    private final Counts counters = new Counts();

    private final TransactionRunner.Boundary recording = new TransactionRunner.Boundary() {
        @Override
        public void begin() {
            calls.add("begin");
        }

        @Override
        public void commit() throws Exception {
            calls.add("commit");
            if (!commitFailures.isEmpty()) {
                throw commitFailures.pop();
            }
        }

        @Override
        public void rollback() {
            calls.add("rollback");
        }
    };
    private final List<Integer> pauses = new ArrayList<>();
    private final TransactionRunner runner = new TransactionRunner(recording, TransactionRunner.AUTOCOMMIT, 3,
            pauses::add);

    @Test
    void classifiesPostgresSerializationFailuresAndDeadlocksAsRetryable() {
        assertThat(TransactionRunner.classify(new SQLException("could not serialize", "40001")))
                .isEqualTo(Retry.TRANSACTION);
        assertThat(TransactionRunner.classify(new SQLException("deadlock detected", "40P01")))
                .isEqualTo(Retry.TRANSACTION);
        assertThat(TransactionRunner.classify(new RuntimeException(new SQLException("wrapped", "40001"))))
                .isEqualTo(Retry.TRANSACTION);
        assertThat(TransactionRunner.classify(new SQLException("unique violation", "23505"))).isEqualTo(Retry.NONE);
        assertThat(TransactionRunner.classify(new SQLException("no state"))).isEqualTo(Retry.NONE);
        assertThat(TransactionRunner.classify(new IllegalStateException("bug"))).isEqualTo(Retry.NONE);
    }

    @Test
    void classifiesMongoErrorsByTheirLabels() {
        assertThat(TransactionRunner.classify(labelled("TransientTransactionError"))).isEqualTo(Retry.TRANSACTION);
        assertThat(TransactionRunner.classify(labelled("UnknownTransactionCommitResult"))).isEqualTo(Retry.COMMIT);
        assertThat(TransactionRunner.classify(new MongoException("duplicate key"))).isEqualTo(Retry.NONE);
    }

    @Test
    void aSerializationFailureIsRolledBackAndRetriedUntilItCommits() throws Exception {
        Deque<Exception> failures = new ArrayDeque<>(List.of(
                new SQLException("could not serialize", "40001"), new SQLException("deadlock", "40P01")));
        boolean committed = runner.transaction(() -> {
            calls.add("work");
            if (!failures.isEmpty()) {
                throw failures.pop();
            }
        }, counters);
        counters.committed(committed);

        assertThat(committed).isTrue();
        assertThat(calls).containsExactly("begin", "work", "rollback", "begin", "work", "rollback",
                "begin", "work", "commit");
        assertThat(pauses).as("a jittered pause before each retry, growing with the attempt").containsExactly(1, 2);
        assertThat(counters.commits).isEqualTo(1);
        assertThat(counters.retries).isEqualTo(2);
        assertThat(counters.aborts).isZero();
    }

    @Test
    void givesUpAfterTheLastAttemptAndCountsOneAbort() throws Exception {
        boolean committed = runner.transaction(() -> {
            throw new SQLException("could not serialize", "40001");
        }, counters);
        counters.committed(committed);

        assertThat(committed).isFalse();
        assertThat(calls).filteredOn("begin"::equals).hasSize(3);
        assertThat(calls).filteredOn("rollback"::equals).hasSize(3);
        assertThat(counters.commits).isZero();
        assertThat(counters.retries).isEqualTo(2);
        assertThat(counters.aborts).isEqualTo(1);
    }

    @Test
    void aNonRetryableErrorIsRolledBackAndRethrownAtOnce() {
        SQLException broken = new SQLException("relation does not exist", "42P01");
        assertThatThrownBy(() -> runner.transaction(() -> {
            throw broken;
        }, counters)).isSameAs(broken);
        assertThat(calls).containsExactly("begin", "rollback");
        assertThat(counters.retries).isZero();
        assertThat(counters.aborts).isZero();
    }

    @Test
    void aTransientMongoErrorRetriesTheWholeTransaction() throws Exception {
        Deque<Exception> failures = new ArrayDeque<>(List.of(labelled("TransientTransactionError")));
        boolean committed = runner.transaction(() -> {
            calls.add("work");
            if (!failures.isEmpty()) {
                throw failures.pop();
            }
        }, counters);
        assertThat(committed).isTrue();
        assertThat(calls).containsExactly("begin", "work", "rollback", "begin", "work", "commit");
        assertThat(counters.retries).isEqualTo(1);
    }

    @Test
    void anUnknownCommitResultRetriesTheCommitOnlyNotTheWork() throws Exception {
        commitFailures.add(labelled("UnknownTransactionCommitResult"));
        boolean committed = runner.transaction(() -> calls.add("work"), counters);
        counters.committed(committed);
        assertThat(committed).isTrue();
        assertThat(calls).containsExactly("begin", "work", "commit", "commit");
        assertThat(counters.retries).isEqualTo(1);
        assertThat(counters.commits).isEqualTo(1);
    }

    @Test
    void aCommitStillUnknownAfterItsRetriesFailsRatherThanRunningTheWorkTwice() {
        for (int i = 0; i < 3; i++) {
            commitFailures.add(labelled("UnknownTransactionCommitResult"));
        }
        assertThatThrownBy(() -> runner.transaction(() -> calls.add("work"), counters))
                .isInstanceOf(MongoException.class);
        assertThat(calls).filteredOn("work"::equals).hasSize(1);
    }

    @Test
    void aLoaderTransactionReturnsItsResultAndFailsWhenItGivesUp() throws Exception {
        assertThat(runner.inTransaction(() -> 42)).isEqualTo(42);
        assertThatThrownBy(() -> runner.inTransaction(() -> {
            throw new SQLException("could not serialize", "40001");
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("gave up after 3 attempts");
    }

    @Test
    void theJitteredBackoffStaysWithinItsCap() {
        long start = System.nanoTime();
        Backoff.jittered().pause(30);
        assertThat((System.nanoTime() - start) / 1e6).as("ms").isLessThan(1_000);
    }

    private static MongoException labelled(String label) {
        MongoException e = new MongoException("simulated " + label);
        e.addLabel(label);
        return e;
    }
}
