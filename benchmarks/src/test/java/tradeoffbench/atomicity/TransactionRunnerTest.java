package tradeoffbench.atomicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import com.mongodb.MongoException;
import org.junit.jupiter.api.Test;
import tradeoffbench.atomicity.TransactionRunner.Retry;
import tradeoffbench.atomicity.TransactionRunner.Status;

/** The retry and classification rules, with simulated failures and a boundary that records what it was asked. */
class TransactionRunnerTest {
    private final List<String> calls = new ArrayList<>();
    private final Deque<Exception> commitFailures = new ArrayDeque<>();
    private final TransferCounters counters = new TransferCounters();

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
    private final TransactionRunner runner = new TransactionRunner(recording, TransactionRunner.NONE, 3);

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
        Status status = runner.transaction(() -> {
            calls.add("work");
            if (!failures.isEmpty()) {
                throw failures.pop();
            }
        }, counters);

        assertThat(status).isEqualTo(Status.COMMITTED);
        assertThat(calls).containsExactly("begin", "work", "rollback", "begin", "work", "rollback",
                "begin", "work", "commit");
        assertThat(counters.commits).isEqualTo(1);
        assertThat(counters.retries).isEqualTo(2);
        assertThat(counters.aborts).isZero();
    }

    @Test
    void givesUpAfterTheLastAttemptAndCountsOneAbort() throws Exception {
        Status status = runner.transaction(() -> {
            throw new SQLException("could not serialize", "40001");
        }, counters);

        assertThat(status).isEqualTo(Status.GAVE_UP);
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
        Status status = runner.transaction(() -> {
            calls.add("work");
            if (!failures.isEmpty()) {
                throw failures.pop();
            }
        }, counters);
        assertThat(status).isEqualTo(Status.COMMITTED);
        assertThat(calls).containsExactly("begin", "work", "rollback", "begin", "work", "commit");
        assertThat(counters.retries).isEqualTo(1);
    }

    @Test
    void anUnknownCommitResultRetriesTheCommitOnlyNotTheWork() throws Exception {
        commitFailures.add(labelled("UnknownTransactionCommitResult"));
        Status status = runner.transaction(() -> calls.add("work"), counters);
        assertThat(status).isEqualTo(Status.COMMITTED);
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
    void unsafeStepsThatGiveUpAfterAWriteLeaveAPartialTransfer() throws Exception {
        SQLException conflict = new SQLException("could not serialize", "40001");
        Status partial = runner.steps(counters, 1, () -> calls.add("read"), () -> calls.add("write from"),
                () -> {
                    throw conflict;
                });
        assertThat(partial).isEqualTo(Status.PARTIAL);
        assertThat(counters.aborts).isEqualTo(1);
        assertThat(counters.retries).isEqualTo(2);
        assertThat(counters.commits).isZero();

        Status nothingWritten = runner.steps(counters, 1, () -> calls.add("read"), () -> {
            throw conflict;
        }, () -> calls.add("never"));
        assertThat(nothingWritten).isEqualTo(Status.GAVE_UP);
        assertThat(calls).doesNotContain("never");

        assertThat(runner.steps(counters, 1, () -> { }, () -> { }, () -> { })).isEqualTo(Status.COMMITTED);
        assertThat(counters.commits).isEqualTo(1);
    }

    private static MongoException labelled(String label) {
        MongoException e = new MongoException("simulated " + label);
        e.addLabel(label);
        return e;
    }
}
