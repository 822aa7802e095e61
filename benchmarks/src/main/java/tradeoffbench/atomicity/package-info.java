/**
 * Family {@code atomicity}: the cost of atomic transactions, and what is lost without them.
 *
 * <p>A closed economy (accounts with balances; a transfer moves 1..100 between two accounts; the total never
 * changes), on PostgreSQL ({@link tradeoffbench.atomicity.PostgresTransferBenchmark}) and MongoDB
 * ({@link tradeoffbench.atomicity.MongoTransferBenchmark}). Decisions taken, and why:
 *
 * <ul>
 *   <li><b>Counting anomalies.</b> Every write bumps the row's (document's) {@code version}. The unsafe variants
 *       read balance and version, and their write returns the version after it: {@code after - read - 1} writes
 *       landed in between and were overwritten by a balance computed from a stale read — each is one lost update.
 *       A transfer whose second write gave up after the first committed counts one more. So {@code anomalies > 0}
 *       exactly when money was lost or created in some account; the total itself may still balance by chance (a
 *       lost debit and a lost credit of equal size), which is why the per-write count, not the total's drift, is
 *       the metric. The drift is printed after every unsafe trial, and a drift with no anomaly counted fails the
 *       run (the detector would be broken).</li>
 *   <li><b>The invariant</b> is checked after every trial ({@link tradeoffbench.atomicity.BalanceCheck}): a safe
 *       variant whose total changed fails the run, naming the benchmark and both totals. Balances are reset (and
 *       the table vacuumed) at every trial setup; the table is loaded once by COPY and reused by fingerprint.</li>
 *   <li><b>{@code isolation} applies to all three PostgreSQL methods</b> (it is the session's
 *       {@code default_transaction_isolation}, so the implicit one-statement transactions run at it too). It is
 *       kept for {@code unsafeReadModifyWrite} on purpose: its rows show that no isolation level protects a
 *       read-modify-write split over separate transactions. No split into a second class was needed.</li>
 *   <li><b>Lock order.</b> {@code explicitTransaction} and {@code multiDocumentTransaction} update the lower id
 *       first, as a careful application would: opposite transfers then cannot deadlock. (Otherwise every deadlock
 *       would stall for PostgreSQL's 1 s {@code deadlock_timeout}, and the numbers would measure that setting.)
 *       {@code 40P01} is still classified and retried.</li>
 *   <li><b>Retries</b> are owned by {@link tradeoffbench.atomicity.TransactionRunner}: at most
 *       {@value tradeoffbench.atomicity.TransactionRunner#MAX_ATTEMPTS} attempts, immediately, no backoff; then
 *       the transfer is given up (an abort). MongoDB's retry loop is ours, not the driver's
 *       {@code withTransaction}, so its retries are counted.</li>
 *   <li><b>Counters</b> ({@link tradeoffbench.atomicity.TransferCounters}) are JMH EVENTS named as the claims
 *       expect: counts, summed by JMH over threads, iterations and forks. {@link
 *       tradeoffbench.atomicity.TransferRates} carries commits, retries and aborts as ops/s (throughput rows).</li>
 *   <li><b>Overdrafts are allowed</b>, so no transfer aborts for a business reason.</li>
 * </ul>
 */
package tradeoffbench.atomicity;
