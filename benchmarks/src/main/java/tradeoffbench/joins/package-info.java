/**
 * Family {@code joins}: joined vs denormalized reads, and the write bill of denormalization.
 *
 * <p>Seed claim: "it is hard to perform join operations; the common workaround is to de-normalize so queries can be
 * performed in a single table". One logical model ({@link tradeoffbench.joins.JoinsModel}: users, posts, comments,
 * follows; users of very different activity) is generated from a seed and stored in five layouts
 * ({@link tradeoffbench.joins.Layout}): PostgreSQL normalized, denormalized and JSONB; MongoDB normalized
 * ({@code $lookup}) and embedded. Every layout must give the same answer for the same question; the benchmarks
 * check their answers and fail the run, naming the post and the differing answers, when a layout disagrees.
 *
 * <ul>
 *   <li>{@link tradeoffbench.joins.PostReadBenchmark}: a post with its comments and each author's name
 *       ({@code fanout}, {@code posts}).</li>
 *   <li>{@link tradeoffbench.joins.FeedReadBenchmark}: a user's feed page, the wider join.</li>
 *   <li>{@link tradeoffbench.joins.RenameWriteBenchmark}: a user renames; K = {@code copies} of the name.</li>
 *   <li>{@link tradeoffbench.joins.AddCommentBenchmark}: add a comment in each layout.</li>
 * </ul>
 *
 * <p>Reads and writes run on the same dataset and share the {@code posts} and {@code fanout} parameters, so a
 * report pairs each read with its write twin ({@link tradeoffbench.joins.Joins}) and computes the break-even
 * reads per write: denormalizing pays while reads/writes exceed (extra write cost) / (read saving).
 *
 * <p>SQL lives in {@link tradeoffbench.joins.JoinsSql}, MongoDB queries in
 * {@link tradeoffbench.joins.MongoJoinsStore}; one loader per database ({@link tradeoffbench.joins.PostgresJoinsLoader},
 * {@link tradeoffbench.joins.MongoJoinsLoader}) loads once per (posts, fanout) and reuses an identical dataset.
 */
package tradeoffbench.joins;
