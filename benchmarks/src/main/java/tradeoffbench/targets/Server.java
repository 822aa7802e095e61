package tradeoffbench.targets;

import java.util.List;

/** A database server this run reaches: started by the run (container, embedded) or named by the user. */
public interface Server extends AutoCloseable {

    Endpoint endpoint();

    /** The server's own processes on this machine (their descendants included when counted), if it runs here. */
    default List<Long> processIds() {
        return List.of();
    }

    /** What must be removed should this JVM die without {@link #close()}; nothing for a server the user named. */
    default Remains remains() {
        return Remains.NONE;
    }

    /** Stops what the run started; a no-op for a server the user named. Never throws. */
    @Override
    void close();
}
