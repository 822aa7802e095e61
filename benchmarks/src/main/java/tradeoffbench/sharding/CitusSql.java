package tradeoffbench.sharding;

import java.util.List;

/**
 * Citus's arm of the sharding questions: the same three tables as the postgres_fdw coordinator ({@link FdwSql},
 * whose queries it answers unchanged), distributed by user id and co-located, so a user's posts and their comments
 * share a shard; the commenters' handles need a join across shards (a repartition join).
 */
final class CitusSql {
    private CitusSql() {
    }

    static final String CREATE_EXTENSION = "CREATE EXTENSION IF NOT EXISTS citus";
    static final String USERS = """
            CREATE TABLE %s (id bigint PRIMARY KEY, handle text NOT NULL, email text NOT NULL, name text NOT NULL,
                country char(2) NOT NULL, signup_day int NOT NULL)""";
    static final String POSTS = "CREATE TABLE %s (id bigint NOT NULL, author_id bigint NOT NULL, body text NOT NULL, "
            + "PRIMARY KEY (author_id, id))";
    static final String COMMENTS = "CREATE TABLE %s (id bigint NOT NULL, post_id bigint NOT NULL, "
            + "post_author_id bigint NOT NULL, author_id bigint NOT NULL, body text NOT NULL, "
            + "PRIMARY KEY (post_author_id, id))";
    /** A unique index on a distributed table must include its distribution column: the handle index is not unique. */
    static final String INDEX_HANDLE = "CREATE INDEX ON %s (handle)";
    static final String COPY_POSTS = "COPY %s (id, author_id, body) FROM STDIN";
    static final String COPY_COMMENTS = "COPY %s (id, post_id, post_author_id, author_id, body) FROM STDIN";
    static final String REPARTITION_JOINS = "SET citus.enable_repartition_joins = on";

    /** Distributes the three tables on the user id, co-located with the users. */
    static List<String> distribute(String users, String posts, String comments) {
        return List.of(
                "SELECT create_distributed_table('" + users + "', 'id')",
                "SELECT create_distributed_table('" + posts + "', 'author_id', colocate_with => '" + users + "')",
                "SELECT create_distributed_table('" + comments + "', 'post_author_id', colocate_with => '" + users
                        + "')");
    }
}
