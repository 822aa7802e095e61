package tradeoffbench.cap;

/** Every SQL statement of the CAP experiment, in one place. */
final class CapSql {
    /** One register (the value readers ask for) and the log of every write (so the checksum covers history). */
    static final String CREATE_TABLES = """
            CREATE TABLE cap_register (id int PRIMARY KEY, version bigint NOT NULL, written_at timestamptz NOT NULL);
            CREATE TABLE cap_log (version bigint PRIMARY KEY, written_at timestamptz NOT NULL);
            INSERT INTO cap_register VALUES (1, 0, clock_timestamp());
            INSERT INTO cap_log VALUES (0, clock_timestamp());
            """;

    /** One write, one statement, one transaction (autocommit): the register moves to version ?, the log keeps it. */
    static final String WRITE = """
            WITH moved AS (UPDATE cap_register SET version = ?, written_at = clock_timestamp() WHERE id = 1)
            INSERT INTO cap_log VALUES (?, clock_timestamp())""";

    static final String READ = "SELECT version FROM cap_register WHERE id = 1";

    /** Content hash of both tables, compared between primary and replica after the heal. */
    static final String CHECKSUM = """
            SELECT (SELECT md5(string_agg(id || ':' || version || ':' || written_at, ',' ORDER BY id)) FROM cap_register)
                || '/' || (SELECT md5(string_agg(version || ':' || written_at, ',' ORDER BY version)) FROM cap_log)""";

    /** On the primary: the replica's walsender row, named by its application_name. */
    static final String REPLICATION_STATE =
            "SELECT state, sync_state, replay_lsn FROM pg_stat_replication WHERE application_name = ?";

    static final String PRIMARY_LSN = "SELECT pg_current_wal_lsn()";

    /** On the replica: has it replayed at least the given LSN? */
    static final String REPLAYED_AT_LEAST = "SELECT pg_last_wal_replay_lsn() >= ?::pg_lsn";

    static final String SHOW_HBA_FILE = "SHOW hba_file";

    private CapSql() {
    }
}
