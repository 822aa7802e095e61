package tradeoffbench.targets;

/**
 * One server a run needs: its endpoint name ({@link Endpoints#name}), engine and mode, and for
 * {@link TargetMode#EXTERNAL} the URL the user gave.
 */
public record ServerSpec(String name, Engine engine, TargetMode mode, String url) {
}
