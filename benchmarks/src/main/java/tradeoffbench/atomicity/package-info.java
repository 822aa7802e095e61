/**
 * Family {@code atomicity}: what atomicity and isolation each prevent, and what they cost.
 *
 * <p>A closed economy (accounts with balances; a transfer moves 1..100 between two accounts; the total never
 * changes), on PostgreSQL ({@link tradeoffbench.atomicity.PostgresTransferBenchmark}) and MongoDB
 * ({@link tradeoffbench.atomicity.MongoTransferBenchmark}); the names claims use are in
 * {@link tradeoffbench.atomicity.Atomicity}. Decisions taken, and why:
 *
 * <ul>
 *   <li><b>Variants differ in one thing at a time.</b> Atomicity: the same two relative updates as two autocommits,
 *       in one transaction, or as one statement. Isolation: a read and absolute writes in one transaction, at the
 *       trial's isolation level, or with {@code FOR UPDATE}.</li>
 *   <li><b>One detector for every variant</b>: lost updates through each row's {@code version} (a write returns the
 *       version after it; {@code after - read - 1} writes landed in between and were overwritten), transfers left
 *       half done, the total at the end of every iteration, and an {@link tradeoffbench.atomicity.Auditor} reading the
 *       sum of all balances while transfers run. A violation is a counted row, never a crash: in a variant that should
 *       prevent it, it is the finding that refutes the claim.</li>
 *   <li><b>Iterations are alike</b>: balances are restored (and the table vacuumed) after every iteration, and the
 *       auditor is paused meanwhile, so iteration 3 measures what iteration 1 did.</li>
 *   <li><b>An operation is one committed transfer.</b> A transfer given up after every retry wrote nothing; it is
 *       counted ({@code aborts}) and another pair is drawn, so give-ups are never scored as work.</li>
 *   <li><b>Lock order.</b> Rows are updated (and locked) in id order, as a careful application would: opposite
 *       transfers then cannot deadlock. {@code 40P01} is still classified and retried.</li>
 *   <li><b>Retries</b> are owned by {@link tradeoffbench.tx.TransactionRunner}: at most
 *       {@value tradeoffbench.tx.TransactionRunner#MAX_ATTEMPTS} attempts with jittered exponential backoff, then the
 *       transfer is given up.</li>
 *   <li><b>Overdrafts are allowed</b>, so no transfer aborts for a business reason.</li>
 * </ul>
 */
package tradeoffbench.atomicity;
