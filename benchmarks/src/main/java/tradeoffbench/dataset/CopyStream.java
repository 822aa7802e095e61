package tradeoffbench.dataset;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * One text-format {@code COPY … FROM STDIN}, its rows buffered into 64 KiB writes: every loader's way of sending
 * generated rows to PostgreSQL. Append a row to {@link #line()}, then {@link #end()}; closing without ending cancels
 * the COPY, so a failed load leaves nothing half sent.
 */
public final class CopyStream implements AutoCloseable {
    static final int CHUNK = 1 << 16;

    private final CopyIn copy;
    private final StringBuilder chunk = new StringBuilder(CHUNK + 1024);

    private CopyStream(CopyIn copy) {
        this.copy = copy;
    }

    public static CopyStream open(Connection connection, String copySql) throws SQLException {
        return new CopyStream(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql));
    }

    /** The buffer to append the next row to (tab-separated, ending in a newline). */
    public StringBuilder line() throws SQLException {
        if (chunk.length() >= CHUNK) {
            flush();
        }
        return chunk;
    }

    /** Sends what is buffered and ends the COPY; returns the rows the server took. */
    public long end() throws SQLException {
        flush();
        return copy.endCopy();
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }

    private void flush() throws SQLException {
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        chunk.setLength(0);
    }
}
