package tradeoffbench.cap;

/**
 * The timeline every configuration runs through: {@code steadySeconds} of normal operation, the partition for
 * {@code partitionSeconds}, then {@code healSeconds} after the heal. A write not acknowledged within
 * {@code writeTimeoutMs} is cancelled and counted as timed out; each worker pauses {@code paceMs} between operations
 * (so two workers do not take a small machine's cores from the servers). {@code cut}: how the partition looks
 * ({@link TcpRelay.Cut}).
 */
public record TimelineSpec(int steadySeconds, int partitionSeconds, int healSeconds, int writeTimeoutMs, int paceMs,
                           TcpRelay.Cut cut) {

    public TimelineSpec {
        if (steadySeconds < 1 || partitionSeconds < 1 || healSeconds < 1) {
            throw new IllegalArgumentException("steady, partition and heal must each last at least 1 s (got "
                    + steadySeconds + "/" + partitionSeconds + "/" + healSeconds + ")");
        }
        if (writeTimeoutMs < 10) {
            throw new IllegalArgumentException("the write timeout must be at least 10 ms (got " + writeTimeoutMs + ")");
        }
        if (cut == null) {
            throw new IllegalArgumentException("a timeline needs a kind of cut");
        }
        if (paceMs < 0) {
            throw new IllegalArgumentException("the pace must not be negative (got " + paceMs + ")");
        }
    }

    public int totalSeconds() {
        return steadySeconds + partitionSeconds + healSeconds;
    }

    public Phase phaseOf(int second) {
        if (second < steadySeconds) {
            return Phase.STEADY;
        }
        return second < steadySeconds + partitionSeconds ? Phase.PARTITION : Phase.HEALED;
    }
}
