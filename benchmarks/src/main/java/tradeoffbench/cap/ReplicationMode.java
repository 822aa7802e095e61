package tradeoffbench.cap;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two answers to the partition: CP makes every commit wait until the replica has applied it (so a read on the
 * replica is never older than an acknowledged write, and a write cannot be acknowledged while the replica is
 * unreachable); AP commits locally and ships the WAL afterwards (writes go on, the replica falls behind).
 */
public enum ReplicationMode {
    CP("cp", ReplicatedPostgres.REPLICA_NAME, "remote_apply"),
    AP("ap", "", "on");

    private final String label;
    private final String synchronousStandbyNames;
    private final String synchronousCommit;

    ReplicationMode(String label, String synchronousStandbyNames, String synchronousCommit) {
        this.label = label;
        this.synchronousStandbyNames = synchronousStandbyNames;
        this.synchronousCommit = synchronousCommit;
    }

    public String label() {
        return label;
    }

    /** The primary's replication settings for this mode (explicit, recorded with the results). */
    Map<String, String> primarySettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("synchronous_standby_names", "'" + synchronousStandbyNames + "'");
        settings.put("synchronous_commit", synchronousCommit);
        return settings;
    }
}
