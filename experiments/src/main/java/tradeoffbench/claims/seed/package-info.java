/**
 * The claims of the seed notes, one class each, in the seed's order. {@link tradeoffbench.claims.Claims} finds every
 * public {@link tradeoffbench.claims.Claim} here; benchmark names and metric names are constants at the top of each
 * class, so following a renamed benchmark is a one-line change.
 */
package tradeoffbench.claims.seed;
