package tradeoffbench.family;

import tradeoffbench.targets.Engine;

/** A sharded benchmark needs as many servers of {@code engine} as its parameter {@code param} says. */
public record ShardNeed(Engine engine, String param) {
}
