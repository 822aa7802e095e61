package tradeoffbench.dataset;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;


/**
 * The users dataset in PostgreSQL: one table per size ({@code users_10000}), bulk-loaded through COPY, recorded
 * in {@code tb_datasets} with its fingerprint so an identical dataset is reused.
 */
public final class PostgresUsers {
    static final String CREATE_TABLE = """
            CREATE TABLE %s (
                id         bigint PRIMARY KEY,
                handle     text NOT NULL,
                email      text NOT NULL,
                name       text NOT NULL,
                country    char(2) NOT NULL,
                signup_day int NOT NULL)""";
    public static final String COPY = "COPY %s (id, handle, email, name, country, signup_day) FROM STDIN";
    static final String INDEX_HANDLE = "CREATE UNIQUE INDEX %1$s_handle ON %1$s (handle)";
    public static final String SELECT_BY_ID =
            "SELECT id, handle, email, name, country, signup_day FROM %s WHERE id = ?";


    private PostgresUsers() {
    }

    /** Loads the dataset unless an identical one is there already. Returns true when it loaded. */
    public static boolean ensure(Connection connection, DatasetFingerprint fingerprint, String targetLabel)
            throws SQLException {
        String table = fingerprint.name();
        boolean loaded = PostgresDatasetRegistry.ensure(connection, table, fingerprint.value(),
                c -> PostgresDatasetRegistry.isLoaded(c, fingerprint), c -> {
                    try (Statement statement = c.createStatement()) {
                        statement.execute("DROP TABLE IF EXISTS " + table);
                        statement.execute(CREATE_TABLE.formatted(table));
                        long rows = copy(c, fingerprint, targetLabel);
                        statement.execute(INDEX_HANDLE.formatted(table));
                        return rows;
                    }
                });
        if (loaded) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE " + table);
            }
        }
        return loaded;
    }

    /** The CREATE TABLE of a users table of the given name. */
    public static String createTableSql(String table) {
        return CREATE_TABLE.formatted(table);
    }

    static long copy(Connection connection, DatasetFingerprint fingerprint, String targetLabel) throws SQLException {
        return copyInto(connection, fingerprint.name(), fingerprint.seed(), fingerprint.size(), targetLabel);
    }

    /**
     * Streams users 1..size generated from the seed into COPY of an existing table, in 64 KiB chunks (text format;
     * generated values hold no tab or newline). Returns the row count the server reports.
     */
    public static long copyInto(Connection connection, String table, long seed, long size, String targetLabel)
            throws SQLException {
        UserGenerator generator = new UserGenerator(seed);
        Progress progress = new Progress(table + " into " + targetLabel, size);
        try (CopyStream copy = CopyStream.open(connection, COPY.formatted(table))) {
            for (long id = 1; id <= size; id++) {
                appendRow(copy.line(), generator.user(id));
                progress.advance(1);
            }
            long rows = copy.end();
            progress.finish();
            return rows;
        }
    }

    /** One user as a line of text-format COPY (generated values hold no tab or newline). */
    public static StringBuilder appendRow(StringBuilder line, User u) {
        return line.append(u.id()).append('\t').append(u.handle()).append('\t').append(u.email()).append('\t')
                .append(u.name()).append('\t').append(u.country()).append('\t').append(u.signupDay()).append('\n');
    }

    /** Maps the current row of a {@link #SELECT_BY_ID} result. */
    public static User map(ResultSet rs) throws SQLException {
        return new User(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getInt(6));
    }
}
