package tradeoffbench.sharding;

/**
 * Every statement of PostgreSQL's own sharding arm, in one place: a coordinator (the run's main server) whose users,
 * posts and comments are declaratively partitioned by hash of the user id, each partition a {@code postgres_fdw}
 * foreign table on one of the N shard servers. Posts are partitioned by their author, comments by their post's
 * author, so a user's posts and their comments share a partition (and a server) and can be joined there.
 */
final class FdwSql {
    private FdwSql() {
    }

    static final String CREATE_EXTENSION = "CREATE EXTENSION IF NOT EXISTS postgres_fdw";
    static final String SERVER_EXISTS = "SELECT 1 FROM pg_foreign_server WHERE srvname = ?";
    /** One foreign server per shard; its address is set (again) by every fork, since shard ports change per run. */
    static final String CREATE_SERVER = "CREATE SERVER %s FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '%s', "
            + "port '%d', dbname '%s', async_capable 'true', batch_size '1000', fetch_size '1000')";
    static final String ALTER_SERVER = "ALTER SERVER %s OPTIONS (SET host '%s', SET port '%d', SET dbname '%s')";
    static final String SET_ASYNC = "ALTER SERVER %s OPTIONS (SET async_capable '%s')";
    static final String USER_MAPPING_EXISTS = """
            SELECT 1 FROM pg_user_mappings WHERE srvname = ? AND usename = current_user""";
    static final String CREATE_USER_MAPPING = "CREATE USER MAPPING FOR CURRENT_USER SERVER %s OPTIONS (user '%s'%s)";
    static final String DROP_USER_MAPPING = "DROP USER MAPPING IF EXISTS FOR CURRENT_USER SERVER %s";

    /** On each shard: the partition's real tables. */
    static final String SHARD_USERS = """
            CREATE TABLE %s (
                id         bigint PRIMARY KEY,
                handle     text NOT NULL UNIQUE,
                email      text NOT NULL,
                name       text NOT NULL,
                country    char(2) NOT NULL,
                signup_day int NOT NULL)""";
    static final String SHARD_POSTS = """
            CREATE TABLE %1$s (
                id        bigint PRIMARY KEY,
                author_id bigint NOT NULL,
                body      text NOT NULL);
            CREATE INDEX ON %1$s (author_id)""";
    static final String SHARD_COMMENTS = """
            CREATE TABLE %1$s (
                id             bigint PRIMARY KEY,
                post_id        bigint NOT NULL,
                post_author_id bigint NOT NULL,
                author_id      bigint NOT NULL,
                body           text NOT NULL);
            CREATE INDEX ON %1$s (post_id)""";
    static final String DROP_TABLE = "DROP TABLE IF EXISTS %s CASCADE";

    /** On the coordinator: the partitioned tables, and one foreign partition per shard. */
    static final String PARENT_USERS = """
            CREATE TABLE %s (id bigint NOT NULL, handle text NOT NULL, email text NOT NULL, name text NOT NULL,
                country char(2) NOT NULL, signup_day int NOT NULL) PARTITION BY HASH (id)""";
    static final String PARENT_POSTS = """
            CREATE TABLE %s (id bigint NOT NULL, author_id bigint NOT NULL, body text NOT NULL)
                PARTITION BY HASH (author_id)""";
    static final String PARENT_COMMENTS = """
            CREATE TABLE %s (id bigint NOT NULL, post_id bigint NOT NULL, post_author_id bigint NOT NULL,
                author_id bigint NOT NULL, body text NOT NULL) PARTITION BY HASH (post_author_id)""";
    static final String FOREIGN_PARTITION = "CREATE FOREIGN TABLE %1$s_p%2$d PARTITION OF %1$s FOR VALUES WITH "
            + "(MODULUS %3$d, REMAINDER %2$d) SERVER %4$s OPTIONS (table_name '%1$s_p%2$d')";

    /** The coordinator routes every row to its partition's server (batched inserts). */
    static final String FILL_USERS = "INSERT INTO %s SELECT id, handle, email, name, country, signup_day FROM %s";
    static final String FILL_POSTS = "INSERT INTO %s SELECT id, author_id, body FROM %s";
    static final String FILL_COMMENTS = "INSERT INTO %s SELECT c.id, c.post_id, p.author_id, c.author_id, c.body "
            + "FROM %s c JOIN %s p ON p.id = c.post_id";
    /** Counted on the shards (partitionwise aggregation pushes count(*) down to each remote). */
    static final String COUNT = "SELECT count(*) FROM %s";
    static final String PARTITIONWISE = "SET enable_partitionwise_aggregate = on; SET enable_partitionwise_join = on";

    static final String USER_BY_ID = "SELECT id, handle, email, name, country, signup_day FROM %s WHERE id = ?";
    static final String USER_BY_HANDLE =
            "SELECT id, handle, email, name, country, signup_day FROM %s WHERE handle = ?";
    /**
     * The join as one statement on the coordinator. The author's filter reaches the author's posts and comments
     * partitions (one shard); the commenters' handles come from every users partition, and the coordinator joins
     * (PostgreSQL's plan, checked in PostgresFdwTest: at small sizes it fetches the users partitions whole and
     * hash-joins them).
     */
    static final String POSTS_WITH_COMMENTERS = """
            SELECT p.id, c.id, c.author_id, u.handle FROM %1$s p
              JOIN %2$s c ON c.post_id = p.id AND c.post_author_id = p.author_id
              JOIN %3$s u ON u.id = c.author_id
             WHERE p.author_id = ? ORDER BY p.id, c.id""";
    static final String EXPLAIN = "EXPLAIN (VERBOSE, COSTS OFF) ";
}
