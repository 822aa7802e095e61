package tradeoffbench.joins;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import tradeoffbench.dataset.CopyStream;
import tradeoffbench.dataset.PostgresDatasetRegistry;
import tradeoffbench.dataset.Progress;

/**
 * Loads one dataset ({@link JoinsModel}) into all three PostgreSQL layouts, in its own schema, through COPY; records
 * it in {@code tb_datasets} (the table {@link tradeoffbench.dataset.PostgresUsers} uses) so an identical dataset is
 * reused; and, every time, undoes what an interrupted write benchmark may have left (a renamed planned user, added
 * comments), so every fork starts from the generated data.
 */
public final class PostgresJoinsLoader {
    static final String RENAMED_USERS = """
            SELECT id FROM users WHERE name LIKE '% (renamed %)'
            UNION SELECT id FROM d_users WHERE name LIKE '% (renamed %)'
            UNION SELECT id FROM j_users WHERE name LIKE '% (renamed %)'""";


    private PostgresJoinsLoader() {
    }

    /** Loads unless identical data is there; then restores the generated state. Returns true when it loaded. */
    public static boolean ensure(Connection connection, JoinsModel model) throws SQLException {
        String schema = model.name();
        boolean loaded = PostgresDatasetRegistry.ensure(connection, schema, model.fingerprintValue(),
                c -> isLoaded(c, model), c -> {
                    try (Statement statement = c.createStatement()) {
                        statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                        statement.execute("CREATE SCHEMA " + schema);
                        statement.execute("SET LOCAL search_path TO " + schema);
                        load(c, statement, model);
                        return model.comments();
                    }
                });
        if (loaded) {
            try (Statement statement = connection.createStatement()) {
                for (String table : JoinsSql.TABLES) {
                    statement.execute("ANALYZE " + schema + "." + table);
                }
            }
        }
        restore(connection, model);
        return loaded;
    }

    static boolean isLoaded(Connection connection, JoinsModel model) throws SQLException {
        if (!PostgresDatasetRegistry.matches(connection, model.name(), model.fingerprintValue(), model.comments())) {
            return false;
        }
        for (String table : JoinsSql.TABLES) {
            if (!PostgresDatasetRegistry.exists(connection, model.name() + "." + table)) {
                return false;
            }
        }
        return true;
    }

    /** Undoes interrupted write benchmarks: removes added comments, gives renamed planned users their names back. */
    static void restore(Connection connection, JoinsModel model) throws SQLException {
        try (PostgresJoinsStore store = PostgresJoinsStore.borrow(connection, model)) {
            for (Layout layout : List.of(Layout.NORMALIZED, Layout.DENORMALIZED, Layout.JSONB)) {
                store.removeAddedComments(layout);
            }
            List<Long> renamed = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery(RENAMED_USERS)) {
                while (rs.next()) {
                    renamed.add(rs.getLong(1));
                }
            }
            for (long user : renamed) {
                for (Layout layout : List.of(Layout.NORMALIZED, Layout.DENORMALIZED, Layout.JSONB)) {
                    store.rename(layout, user, model.userName(user));
                }
            }
        }
    }

    private static void load(Connection connection, Statement statement, JoinsModel model) throws SQLException {
        for (String ddl : concat(JoinsSql.CREATE_NORMALIZED, JoinsSql.CREATE_DENORMALIZED, JoinsSql.CREATE_JSONB)) {
            statement.execute(ddl);
        }
        long rows = (long) model.users() * 3 + model.posts() * 3L + model.comments() * 2 + model.feedRows()
                + (long) model.backgroundUsers() * JoinsModel.FOLLOWS_PER_USER;
        Progress progress = new Progress(model.name() + " (5 layouts' PostgreSQL part)", rows);
        copy(connection, "users", progress, out -> {
            for (long u = 1; u <= model.users(); u++) {
                out.row(u, model.userHandle(u), model.userName(u));
            }
        });
        copy(connection, "posts", progress, out -> {
            for (long p = 1; p <= model.posts(); p++) {
                out.row(p, model.postAuthor(p), JoinsModel.postTitle(p), JoinsModel.postBody(p),
                        JoinsModel.postCreatedAt(p));
            }
        });
        copy(connection, "comments", progress, out -> {
            for (long c = 1; c <= model.comments(); c++) {
                out.row(c, model.commentPost(c), model.commentAuthor(c), JoinsModel.commentBody(c));
            }
        });
        copy(connection, "follows", progress, out -> {
            for (long u = 1; u <= model.backgroundUsers(); u++) {
                for (long f : model.followees(u)) {
                    out.row(u, f);
                }
            }
        });
        copy(connection, "d_users", progress, out -> {
            for (long u = 1; u <= model.users(); u++) {
                out.row(u, model.userName(u));
            }
        });
        copy(connection, "d_posts", progress, out -> {
            for (long p = 1; p <= model.posts(); p++) {
                long a = model.postAuthor(p);
                out.row(p, a, model.userName(a), JoinsModel.postTitle(p), JoinsModel.postBody(p),
                        JoinsModel.postCreatedAt(p));
            }
        });
        copy(connection, "d_comments", progress, out -> {
            for (long c = 1; c <= model.comments(); c++) {
                long a = model.commentAuthor(c);
                long p = model.commentPost(c);
                long pa = model.postAuthor(p);
                out.row(c, p, JoinsModel.postTitle(p), pa, model.userName(pa), a, model.userName(a),
                        JoinsModel.commentBody(c));
            }
        });
        copy(connection, "d_feed", progress, out -> {
            for (long u = 1; u <= model.backgroundUsers(); u++) {
                for (long f : model.followees(u)) {
                    for (long p : model.postsBy(f)) {
                        out.row(u, JoinsModel.postCreatedAt(p), p, f, model.userName(f), JoinsModel.postTitle(p));
                    }
                }
            }
        });
        copy(connection, "j_users", progress, out -> {
            for (long u = 1; u <= model.users(); u++) {
                out.row(u, model.userName(u));
            }
        });
        copy(connection, "j_posts", progress, out -> {
            for (long p = 1; p <= model.posts(); p++) {
                out.row(p, PostDocuments.json(model.expectedPost(p)));
            }
        });
        for (String ddl : concat(JoinsSql.INDEX_NORMALIZED, JoinsSql.INDEX_DENORMALIZED, JoinsSql.INDEX_JSONB)) {
            statement.execute(ddl);
        }
        progress.finish();
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> l : lists) {
            all.addAll(l);
        }
        return all;
    }

    /** Rows of one COPY, written in 64 KiB chunks in the text format. */
    interface CopyRows {
        void row(Object... values) throws SQLException;
    }

    private interface Producer {
        void rows(CopyRows out) throws SQLException;
    }

    private static void copy(Connection connection, String table, Progress progress, Producer producer)
            throws SQLException {
        try (CopyStream copy = CopyStream.open(connection, JoinsSql.COPY.formatted(table))) {
            producer.rows(values -> {
                StringBuilder line = copy.line();
                for (int i = 0; i < values.length; i++) {
                    if (i > 0) {
                        line.append('\t');
                    }
                    escape(line, String.valueOf(values[i]));
                }
                line.append('\n');
                progress.advance(1);
            });
            copy.end();
        }
    }

    /** COPY text format: backslash, tab, newline and carriage return must be escaped. */
    static void escape(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
