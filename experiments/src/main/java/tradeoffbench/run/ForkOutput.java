package tradeoffbench.run;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import tradeoffbench.dataset.Announce;

/**
 * What JMH prints while a fork runs: all of it into {@code jmh.log}, and the lines the benchmarks mean for the person
 * at the console ({@link Announce}: a long load's progress, a dataset reused) onto the console as well — on lines of
 * their own, each distinct line once per run.
 */
final class ForkOutput extends OutputStream {
    private final OutputStream log;
    private final PrintStream console;
    private final Set<String> shown = new HashSet<>();
    private final StringBuilder line = new StringBuilder();
    private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

    ForkOutput(OutputStream log, PrintStream console) {
        this.log = log;
        this.console = console;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        log.write(b);
        if (b == '\n') {
            endLine();
        } else {
            bytes.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        log.write(b, off, len);
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                endLine();
            } else {
                bytes.write(b[i]);
            }
        }
    }

    private void endLine() {
        line.setLength(0);
        line.append(bytes.toString(StandardCharsets.UTF_8));
        bytes.reset();
        int at = line.indexOf(Announce.PREFIX);
        if (at >= 0) {
            String text = line.substring(at + Announce.PREFIX.length()).strip();
            if (shown.add(text)) {
                console.println("  " + text);
            }
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        log.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        log.close();
    }
}
