package tradeoffbench.sharding;

/**
 * Every SQL statement of the sharding family, in one place. Every shard (and the unsharded server) gets the same
 * schema; table names carry the dataset size and the router's layout ({@code sh_users_10000_j1n4}), so the data of
 * several shard counts, and of plain hashing and the dedicated celebrity shard, live side by side.
 */
final class ShardSql {
    private ShardSql() {
    }

    static final String CREATE_POSTS = """
            CREATE TABLE %s (
                id        bigint PRIMARY KEY,
                author_id bigint NOT NULL,
                body      text NOT NULL)""";
    static final String CREATE_COMMENTS = """
            CREATE TABLE %s (
                id        bigint PRIMARY KEY,
                post_id   bigint NOT NULL,
                author_id bigint NOT NULL,
                body      text NOT NULL)""";
    static final String COPY_POSTS = "COPY %s (id, author_id, body) FROM STDIN";
    static final String COPY_COMMENTS = "COPY %s (id, post_id, author_id, body) FROM STDIN";
    static final String INDEX_HANDLE = "CREATE UNIQUE INDEX %1$s_handle ON %1$s (handle)";
    static final String INDEX_POST_AUTHOR = "CREATE INDEX %1$s_author ON %1$s (author_id)";
    static final String INDEX_COMMENT_POST = "CREATE INDEX %1$s_post ON %1$s (post_id)";
    static final String COUNT = "SELECT count(*) FROM %s";
    /**
     * Scans of a table as the server counts them (pg_stat_user_tables, index and sequential alike: a lookup is one
     * scan whichever plan the server chose): the load a shard served.
     */
    static final String TABLE_SCANS = """
            SELECT coalesce(sum(coalesce(idx_scan, 0) + coalesce(seq_scan, 0)), 0)
              FROM pg_stat_user_tables WHERE relname = ?""";

    static final String USER_BY_ID = "SELECT id, handle, email, name, country, signup_day FROM %s WHERE id = ?";
    static final String USER_BY_HANDLE =
            "SELECT id, handle, email, name, country, signup_day FROM %s WHERE handle = ?";
    /** The author's posts with their comments: all on the author's shard (comments live with their post). */
    static final String POSTS_WITH_COMMENTS = """
            SELECT p.id, c.id, c.author_id FROM %1$s p JOIN %2$s c ON c.post_id = p.id
            WHERE p.author_id = ? ORDER BY p.id, c.id""";
    static final String HANDLES_BY_IDS = "SELECT id, handle FROM %s WHERE id = ANY(?)";
    /** The same question on one server: the commenters' handles joined in SQL. */
    static final String POSTS_WITH_COMMENTERS = """
            SELECT p.id, c.id, c.author_id, u.handle FROM %1$s p JOIN %2$s c ON c.post_id = p.id
            JOIN %3$s u ON u.id = c.author_id
            WHERE p.author_id = ? ORDER BY p.id, c.id""";

    /** The engine's own answer on one server: users hash-partitioned by id (appended to the users table's DDL). */
    static final String PARTITION_BY_HASH = " PARTITION BY HASH (id)";
    static final String CREATE_HASH_PARTITION =
            "CREATE TABLE %1$s_p%2$d PARTITION OF %1$s FOR VALUES WITH (MODULUS %3$d, REMAINDER %2$d)";
    /** Not unique: a unique index on a partitioned table must include the partition key. */
    static final String INDEX_PARTITIONED_HANDLE = "CREATE INDEX %1$s_handle ON %1$s (handle)";
    static final String EXPLAIN = "EXPLAIN (COSTS OFF) ";

    static final String CREATE_TWEETS = """
            CREATE TABLE IF NOT EXISTS sh_tweets (
                id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                author_id  bigint NOT NULL,
                body       text NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now())""";
    static final String TRUNCATE_TWEETS = "TRUNCATE sh_tweets";
    static final String INSERT_TWEET = "INSERT INTO sh_tweets (author_id, body) VALUES (?, ?)";
    static final String COUNT_TWEETS = "SELECT count(*) FROM sh_tweets";
    static final String SAMPLE_TWEET_AUTHORS = "SELECT author_id FROM sh_tweets ORDER BY id LIMIT 200";
}
