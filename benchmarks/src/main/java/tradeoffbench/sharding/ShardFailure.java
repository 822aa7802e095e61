package tradeoffbench.sharding;

import java.sql.SQLException;

import tradeoffbench.targets.Endpoint;

/**
 * A shard that failed (died, refused a connection, returned an error): the message names the shard and its
 * masked URL. The driver's exception is attached as suppressed, not as the cause, because the launcher reports
 * the innermost cause's message and that must still say which shard it was.
 */
public final class ShardFailure extends RuntimeException {

    private ShardFailure(String message, SQLException original) {
        super(message);
        addSuppressed(original);
    }

    static ShardFailure of(String name, Endpoint endpoint, String doing, SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new ShardFailure("shard " + name + " (" + endpoint.maskedUrl() + ") failed while " + doing + ": "
                + message.replaceAll("\\s+", " ").trim(), e);
    }
}
