package tradeoffbench.targets;

import java.util.Locale;

/**
 * How a database server was reached. The mode is recorded with every number because it changes what the
 * number means: a container adds a network hop through Docker's proxy, an embedded server runs as a child
 * process on this machine, an external server is whatever the user pointed at.
 */
public enum TargetMode {
    /** A server the user named by URL. */
    EXTERNAL,
    /** A Testcontainers container started for this run. */
    CONTAINER,
    /** An embedded real PostgreSQL server (zonky binaries) started for this run. */
    EMBEDDED,
    /** An in-memory wire-protocol fake used by tests only: never a number, never a verdict. */
    FAKE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
