package tradeoffbench.joins;

import java.util.List;

/**
 * Every PostgreSQL statement of the joins family, by name. All tables of one dataset live in one schema
 * ({@link JoinsModel#name()}), set as the session's search_path, so the statements carry no dataset name.
 *
 * <p>Three layouts side by side, each with its own users table so a rename in one never shows in another:
 * normalized ({@code users, posts, comments, follows}), denormalized ({@code d_users, d_posts, d_comments, d_feed})
 * and JSONB ({@code j_users, j_posts}).
 */
final class JoinsSql {
    private JoinsSql() {
    }

    // ---- schema -----------------------------------------------------------------------------------------------

    /** Normalized: foreign keys, and the indexes a careful engineer adds for these questions. */
    static final List<String> CREATE_NORMALIZED = List.of(
            "CREATE TABLE users (id bigint PRIMARY KEY, handle text NOT NULL UNIQUE, name text NOT NULL)",
            """
            CREATE TABLE posts (id bigint PRIMARY KEY, author_id bigint NOT NULL REFERENCES users (id),
                title text NOT NULL, body text NOT NULL, created_at timestamptz NOT NULL)""",
            """
            CREATE TABLE comments (id bigint PRIMARY KEY, post_id bigint NOT NULL REFERENCES posts (id),
                author_id bigint NOT NULL REFERENCES users (id), body text NOT NULL)""",
            """
            CREATE TABLE follows (follower_id bigint NOT NULL REFERENCES users (id),
                followee_id bigint NOT NULL REFERENCES users (id), PRIMARY KEY (follower_id, followee_id))""");
    static final List<String> INDEX_NORMALIZED = List.of(
            "CREATE INDEX comments_post ON comments (post_id, id)",
            "CREATE INDEX comments_author ON comments (author_id)",
            "CREATE INDEX posts_author_time ON posts (author_id, created_at DESC, id DESC)");

    /**
     * Denormalized: author names copied into posts, comments and a fan-out-on-write feed table, and each comment row
     * carrying its post's title and author, so "a post with its comments" is a read of one table.
     */
    static final List<String> CREATE_DENORMALIZED = List.of(
            "CREATE TABLE d_users (id bigint PRIMARY KEY, name text NOT NULL)",
            """
            CREATE TABLE d_posts (id bigint PRIMARY KEY, author_id bigint NOT NULL, author_name text NOT NULL,
                title text NOT NULL, body text NOT NULL, created_at timestamptz NOT NULL)""",
            """
            CREATE TABLE d_comments (id bigint PRIMARY KEY, post_id bigint NOT NULL, post_title text NOT NULL,
                post_author_id bigint NOT NULL, post_author_name text NOT NULL, author_id bigint NOT NULL,
                author_name text NOT NULL, body text NOT NULL)""",
            """
            CREATE TABLE d_feed (follower_id bigint NOT NULL, created_at timestamptz NOT NULL, post_id bigint NOT NULL,
                author_id bigint NOT NULL, author_name text NOT NULL, title text NOT NULL,
                PRIMARY KEY (follower_id, created_at, post_id))""");
    static final List<String> INDEX_DENORMALIZED = List.of(
            "CREATE INDEX d_comments_post ON d_comments (post_id, id)",
            "CREATE INDEX d_comments_author ON d_comments (author_id)",
            "CREATE INDEX d_comments_post_author ON d_comments (post_author_id)",
            "CREATE INDEX d_posts_author ON d_posts (author_id)",
            "CREATE INDEX d_feed_author ON d_feed (author_id)");

    /** JSONB: one document per post, comments embedded; a GIN index finds the documents mentioning a user. */
    static final List<String> CREATE_JSONB = List.of(
            "CREATE TABLE j_users (id bigint PRIMARY KEY, name text NOT NULL)",
            "CREATE TABLE j_posts (id bigint PRIMARY KEY, doc jsonb NOT NULL)");
    static final List<String> INDEX_JSONB = List.of(
            "CREATE INDEX j_posts_doc ON j_posts USING gin (doc jsonb_path_ops)");

    static final List<String> TABLES = List.of(
            "users", "posts", "comments", "follows", "d_users", "d_posts", "d_comments", "d_feed", "j_users",
            "j_posts");

    static final String COPY = "COPY %s FROM STDIN";

    // ---- reads: a post with its comments and each comment author's name ---------------------------------------

    /** Two joins to users (post author, each comment's author) plus the comments of the post. */
    static final String POST_JOINED = """
            SELECT p.id, p.title, p.author_id, pu.name, c.id, c.author_id, cu.name, c.body
              FROM posts p
              JOIN users pu ON pu.id = p.author_id
              LEFT JOIN comments c ON c.post_id = p.id
              LEFT JOIN users cu ON cu.id = c.author_id
             WHERE p.id = ?
             ORDER BY c.id""";

    /** One table: every comment row carries its post's title and author, and the names are in the rows. */
    static final String POST_DENORMALIZED = """
            SELECT post_id, post_title, post_author_id, post_author_name, id, author_id, author_name, body
              FROM d_comments
             WHERE post_id = ?
             ORDER BY id""";

    /** One row: the whole document, parsed by the client as an application would. */
    static final String POST_JSONB = "SELECT doc::text FROM j_posts WHERE id = ?";

    // ---- reads: a user's feed page ----------------------------------------------------------------------------

    /** Follows x posts (all posts of every followee are candidates) x users, top 20 by time. */
    static final String FEED_JOINED = """
            SELECT p.id, p.author_id, u.name, p.title
              FROM follows f
              JOIN posts p ON p.author_id = f.followee_id
              JOIN users u ON u.id = p.author_id
             WHERE f.follower_id = ?
             ORDER BY p.created_at DESC, p.id DESC
             LIMIT ?""";

    /** The timeline materialized at write time: one index range scan. */
    static final String FEED_DENORMALIZED = """
            SELECT post_id, author_id, author_name, title
              FROM d_feed
             WHERE follower_id = ?
             ORDER BY created_at DESC, post_id DESC
             LIMIT ?""";

    // ---- writes: a user renames -------------------------------------------------------------------------------

    static final String RENAME_NORMALIZED = "UPDATE users SET name = ? WHERE id = ?";

    /** In one transaction (see {@link PostgresJoinsStore}): the user row and every copy of the name. */
    static final String RENAME_D_USER = "UPDATE d_users SET name = ? WHERE id = ?";
    static final String RENAME_D_POSTS = "UPDATE d_posts SET author_name = ? WHERE author_id = ?";
    static final String RENAME_D_COMMENTS = "UPDATE d_comments SET author_name = ? WHERE author_id = ?";
    static final String RENAME_D_COMMENT_POSTS = "UPDATE d_comments SET post_author_name = ? WHERE post_author_id = ?";
    static final String RENAME_D_FEED = "UPDATE d_feed SET author_name = ? WHERE author_id = ?";

    static final String RENAME_J_USER = "UPDATE j_users SET name = ? WHERE id = ?";
    /**
     * Rewrites every document that mentions the user (as post author or commenter), setting the name in each place.
     * The documents are locked first, in id order: two renames whose users share a document would otherwise lock
     * rows in different orders and deadlock (the first quick run at 2 threads did). Parameters: the containment
     * probes for the GIN index (post author, commenter), then user id and name (post author), user id and name
     * (comments).
     */
    static final String RENAME_J_POSTS = """
            WITH target AS (
                SELECT id FROM j_posts WHERE doc @> ?::jsonb OR doc @> ?::jsonb ORDER BY id FOR UPDATE)
            UPDATE j_posts d
               SET doc = jsonb_set(
                     CASE WHEN (d.doc->>'authorId')::bigint = ? THEN jsonb_set(d.doc, '{authorName}', to_jsonb(?::text))
                          ELSE d.doc END,
                     '{comments}',
                     (SELECT coalesce(jsonb_agg(CASE WHEN (c->>'authorId')::bigint = ?
                                                      THEN jsonb_set(c, '{authorName}', to_jsonb(?::text))
                                                      ELSE c END ORDER BY o), '[]'::jsonb)
                        FROM jsonb_array_elements(d.doc->'comments') WITH ORDINALITY AS e(c, o)))
              FROM target
             WHERE d.id = target.id""";

    // ---- writes: add a comment --------------------------------------------------------------------------------

    static final String ADD_COMMENT_NORMALIZED =
            "INSERT INTO comments (id, post_id, author_id, body) VALUES (?, ?, ?, ?)";
    /** The name and the post's title and author are copied by the same statement, as the application would. */
    static final String ADD_COMMENT_DENORMALIZED = """
            INSERT INTO d_comments (id, post_id, post_title, post_author_id, post_author_name, author_id, author_name, body)
            SELECT ?, p.id, p.title, p.author_id, p.author_name, u.id, u.name, ?
              FROM d_posts p, d_users u WHERE p.id = ? AND u.id = ?""";
    /** Dead rows of the write benchmarks, cleaned after every iteration so each one writes into the same tables. */
    static final List<String> VACUUM = List.of("VACUUM users", "VACUUM comments", "VACUUM d_users", "VACUUM d_posts",
            "VACUUM d_comments", "VACUUM d_feed", "VACUUM j_users", "VACUUM j_posts");
    /** Appends to the embedded array: the whole document is rewritten (and re-TOASTed) by every comment. */
    static final String ADD_COMMENT_JSONB = """
            UPDATE j_posts
               SET doc = jsonb_set(doc, '{comments}', doc->'comments' || jsonb_build_array(jsonb_build_object(
                     'id', ?::bigint, 'authorId', u.id, 'authorName', u.name, 'body', ?::text)))
              FROM j_users u
             WHERE j_posts.id = ? AND u.id = ?""";

    // ---- housekeeping: undo what write benchmarks added, restore planned names --------------------------------

    static final String REMOVE_ADDED_NORMALIZED = "DELETE FROM comments WHERE id > ?";
    static final String REMOVE_ADDED_DENORMALIZED = "DELETE FROM d_comments WHERE id > ?";
    static final String REMOVE_ADDED_JSONB = """
            UPDATE j_posts
               SET doc = jsonb_set(doc, '{comments}', (SELECT coalesce(jsonb_agg(c ORDER BY o), '[]'::jsonb)
                                       FROM jsonb_array_elements(doc->'comments') WITH ORDINALITY AS e(c, o)
                                      WHERE (c->>'id')::bigint <= ?))
             WHERE jsonb_array_length(doc->'comments') > ? """;
}
