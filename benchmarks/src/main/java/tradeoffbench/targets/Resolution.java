package tradeoffbench.targets;

/**
 * How one engine will be reached in this run, and why.
 *
 * @param mode      the mode, or {@code null} when the engine is not available
 * @param reason    one line saying why this mode (or why none)
 * @param userError the user asked for something that cannot be had (e.g. {@code --pg-mode container} without
 *                  Docker): a run needing this engine must stop with exit 2, not skip
 */
public record Resolution(Engine engine, TargetMode mode, String reason, boolean userError) {

    public boolean available() {
        return mode != null;
    }

    public String describe() {
        return engine.label() + ": " + (available() ? mode.label() : "not available") + " — " + reason;
    }
}
