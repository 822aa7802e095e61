package tradeoffbench.targets;

/** A database server this run reaches: started by the run (container, embedded) or named by the user. */
public interface Server extends AutoCloseable {

    Endpoint endpoint();

    /** Stops what the run started; a no-op for a server the user named. Never throws. */
    @Override
    void close();
}
