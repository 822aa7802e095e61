package tradeoffbench.catalog;

/** Bad input from the user: shown as one line, exit code 2. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
