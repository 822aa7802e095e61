package tradeoffbench.dataset;

/**
 * One user of the generated social network.
 *
 * @param id         the shard key and primary key, 1..N
 * @param handle     unique, not the shard key: what a scatter-gather query looks users up by
 * @param email      unique, derived from the handle
 * @param name       display name
 * @param country    ISO-like two-letter code, skewed towards a few countries
 * @param signupDay  days since 2010-01-01
 */
public record User(long id, String handle, String email, String name, String country, int signupDay) {
}
