package tradeoffbench.targets;

/**
 * A target could not be reached or started. The message is one line, names the target with its password masked,
 * and is meant to be shown to the user as it is.
 */
public class TargetException extends RuntimeException {
    public TargetException(String message) {
        super(message);
    }

    public TargetException(String message, Throwable cause) {
        super(message, cause);
    }
}
