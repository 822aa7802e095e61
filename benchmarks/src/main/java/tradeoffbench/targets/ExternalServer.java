package tradeoffbench.targets;

/** A server the user named by URL: the run reads its identity and never stops it. */
public record ExternalServer(Endpoint endpoint) implements Server {
    @Override
    public void close() {
        // not ours to stop
    }
}
