package tradeoffbench.targets;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A small shell process that outlives a launcher killed with {@code kill -9} just long enough to clean up after it.
 * The launcher tells it, one line at a time on its stdin, what it started (server processes, data directories,
 * containers, the endpoints file, the run's manifest); a normal end says {@code done} and the watchdog exits doing
 * nothing. When its stdin closes without {@code done} — the launcher is gone, however it died — it stops those
 * processes (INT, a fast shutdown for PostgreSQL, then KILL), removes the containers, deletes the files and directories, marks the run's manifest
 * {@code killed}, and says so in one line. It ignores Ctrl-C: the launcher's own shutdown hook handles that and then
 * says {@code done}.
 */
public final class Watchdog implements AutoCloseable {
    static final String SCRIPT = String.join("\n",
            "trap '' INT TERM HUP",
            "pids=''; containers=''; paths=''; manifests=''",
            "nl='",
            "'",
            "while IFS= read -r line; do",
            "  case \"$line\" in",
            "    done) exit 0 ;;",
            "    'pid '*) pids=\"$pids ${line#pid }\" ;;",
            "    'container '*) containers=\"$containers ${line#container }\" ;;",
            "    'path '*) paths=\"$paths$nl${line#path }\" ;;",
            "    'manifest '*) manifests=\"$manifests$nl${line#manifest }\" ;;",
            "  esac",
            "done",
            "for p in $pids; do kill -INT \"$p\" 2>/dev/null; done",
            "for i in 1 2 3 4 5 6 7 8 9 10; do alive=''; for p in $pids; do kill -0 \"$p\" 2>/dev/null && alive=1; done;"
                    + " [ -z \"$alive\" ] && break; sleep 0.5; done",
            "for p in $pids; do kill -KILL \"$p\" 2>/dev/null; done",
            "for c in $containers; do docker rm -f \"$c\" >/dev/null 2>&1; done",
            "printf '%s\\n' \"$paths\" | while IFS= read -r p; do [ -n \"$p\" ] && rm -rf -- \"$p\"; done",
            "printf '%s\\n' \"$manifests\" | while IFS= read -r m; do [ -f \"$m\" ] && "
                    + "sed -i 's/\"status\" : \"running\"/\"status\" : \"killed\"/' \"$m\"; done",
            "echo 'tradeoff-bench: the run ended without stopping its servers (killed?); its watchdog stopped them and "
                    + "removed their data' >&2",
            "");

    private final Process process;
    private final OutputStream commands;
    private boolean closed;

    private Watchdog(Process process) {
        this.process = process;
        this.commands = process.getOutputStream();
    }

    /** Starts the watchdog; where no POSIX shell exists (Windows) a watchdog that does nothing. */
    public static Watchdog start() {
        try {
            Process p = new ProcessBuilder("sh", "-c", SCRIPT).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            return new Watchdog(p);
        } catch (IOException e) {
            return new Watchdog(null);
        }
    }

    public synchronized void watch(Remains remains) {
        remains.processIds().forEach(pid -> say("pid " + pid));
        remains.containers().forEach(id -> say("container " + id));
        remains.paths().forEach(this::watchPath);
    }

    /** A file or directory to delete if the launcher dies (the endpoints file, a data directory). */
    public synchronized void watchPath(Path path) {
        say("path " + path.toAbsolutePath());
    }

    /** A run.json to mark {@code killed} if the launcher dies before it says how the run ended. */
    public synchronized void watchManifest(Path runJson) {
        say("manifest " + runJson.toAbsolutePath());
    }

    /** The launcher cleaned up itself: the watchdog ends without touching anything. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        say("done");
        try {
            if (commands != null) {
                commands.close();
            }
        } catch (IOException ignored) {
            // the watchdog is gone already
        }
    }

    /** Is the watchdog process still there (for tests)? */
    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    private void say(String line) {
        if (process == null || closed && !line.equals("done") || line.indexOf('\n') >= 0) {
            return;
        }
        try {
            commands.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            commands.flush();
        } catch (IOException ignored) {
            // the watchdog died: nothing more it can do
        }
    }
}
