package tradeoffbench.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import tradeoffbench.testing.ChildJvm;

/**
 * The real command in a child JVM, so a test can interrupt it the way a user does (SIGINT, as Ctrl-C sends) and
 * then look at what it left: files, processes, containers.
 */
final class ChildRun {
    private final Process process;
    private final Path log;
    private final Set<Long> descendants = new TreeSet<>();

    private ChildRun(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ChildRun start(Path workDir, String... args) throws IOException {
        List<String> command = ChildJvm.command(Main.class.getName(), List.of(args));
        Path log = Files.createTempFile(workDir, "child-", ".log");
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new ChildRun(process, log);
    }

    /** Waits until the condition holds, remembering every descendant process seen meanwhile. */
    boolean awaitUntil(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            process.descendants().forEach(p -> descendants.add(p.pid()));
            if (condition.getAsBoolean()) {
                return true;
            }
            if (!process.isAlive()) {
                return false;
            }
            Thread.sleep(200);
        }
        return false;
    }

    /** Sends SIGINT, as Ctrl-C does, and waits for the JVM to exit; returns its exit code. */
    int interrupt(Duration timeout) throws IOException, InterruptedException {
        return interrupt(timeout, 1);
    }

    /** Sends SIGINT {@code times} times, 100 ms apart (an impatient user), then waits for the exit. */
    int interrupt(Duration timeout, int times) throws IOException, InterruptedException {
        return signal(timeout, "INT", times);
    }

    /** Sends a signal ({@code INT}, {@code TERM}) {@code times} times, 100 ms apart, then waits for the exit. */
    int signal(Duration timeout, String signal, int times) throws IOException, InterruptedException {
        process.descendants().forEach(p -> descendants.add(p.pid()));
        ChildJvm.requireSignal(process.pid(), signal);
        for (int i = 0; i < times && process.isAlive(); i++) {
            if (i > 0) {
                Thread.sleep(100);
            }
            new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start().waitFor();
        }
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the run did not stop within " + timeout + " after SIGINT:\n" + output());
        }
        return process.exitValue();
    }

    /**
     * The live postmasters of the embedded servers this run reported (pg_ctl daemonizes them, so they are not
     * descendants of the JVM): found by the port in their command line.
     */
    List<ProcessHandle> embeddedPostgres() throws IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("jdbc:postgresql://localhost:(\\d+)/")
                .matcher(output());
        Set<String> ports = new TreeSet<>();
        while (m.find()) {
            ports.add(m.group(1));
        }
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("/bin/postgres ")
                        && ports.stream().anyMatch(port -> c.contains(" -p " + port + " "))).orElse(false))
                .toList();
    }

    /** Waits for the JVM to exit by itself; returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            process.descendants().forEach(p -> descendants.add(p.pid()));
            Thread.sleep(200);
        }
        if (process.isAlive()) {
            throw new AssertionError("the run did not end within " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }

    /** Processes of the run (JMH forks, embedded PostgreSQL servers) that are still alive. */
    List<String> survivors() throws IOException {
        List<String> alive = new ArrayList<>();
        embeddedPostgres().forEach(p -> alive.add(p.pid() + " " + p.info().commandLine().orElse("?")));
        for (long pid : descendants) {
            // A process with no command line left is a zombie waiting for PID 1 to reap it: it holds nothing.
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .ifPresent(p -> p.info().commandLine().ifPresent(c -> alive.add(pid + " " + c)));
        }
        return alive;
    }

    String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** SIGKILL to the launcher alone, as {@code kill -9} does: no shutdown hook runs. */
    void kill9() throws IOException {
        process.descendants().forEach(p -> descendants.add(p.pid()));
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void killIfAlive() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
