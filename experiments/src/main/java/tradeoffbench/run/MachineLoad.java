package tradeoffbench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the machine was doing while a fork ran (Linux, from {@code /proc}; elsewhere unknown): the 1-minute load
 * average at the start, the CPU time used by processes that are not this run's — everything but the launcher, its
 * forks and the servers it started, each with its descendants — in cores averaged over the fork, and the share of CPU
 * time the hypervisor stole. A fork is called disturbed when outside processes used more than
 * {@value #DISTURBED_CORES} of a core or steal exceeded {@value #DISTURBED_STEAL_PERCENT}%.
 */
final class MachineLoad {
    static final double DISTURBED_CORES = 0.25;
    static final double DISTURBED_STEAL_PERCENT = 5.0;
    /** USER_HZ, the unit of /proc's CPU times: 100 on every mainstream Linux. */
    private static final double TICKS_PER_SECOND = 100;
    private static final Path STAT = Path.of("/proc/stat");
    private static final Path LOADAVG = Path.of("/proc/loadavg");

    /** The machine's counters at one moment; null fields where /proc cannot be read. */
    record Snapshot(long nanos, Double load1, long busyTicks, long stealTicks, long totalTicks, long ourTicks,
                    boolean known) {
    }

    /** Between two snapshots. */
    record Fork(Double load1, Double outsideCores, Double stealPercent) {
    }

    private MachineLoad() {
    }

    static Snapshot now(List<Long> serverPids) {
        long nanos = System.nanoTime();
        try {
            String[] cpu = Files.readAllLines(STAT).get(0).trim().split("\\s+");
            long user = Long.parseLong(cpu[1]);
            long nice = Long.parseLong(cpu[2]);
            long system = Long.parseLong(cpu[3]);
            long idle = Long.parseLong(cpu[4]);
            long iowait = Long.parseLong(cpu[5]);
            long irq = Long.parseLong(cpu[6]);
            long softirq = Long.parseLong(cpu[7]);
            long steal = cpu.length > 8 ? Long.parseLong(cpu[8]) : 0;
            long busy = user + nice + system + irq + softirq;
            long total = busy + idle + iowait + steal;
            Double load1 = Double.valueOf(Files.readString(LOADAVG).trim().split("\\s+")[0]);
            return new Snapshot(nanos, load1, busy, steal, total, ourTicks(serverPids), true);
        } catch (IOException | RuntimeException e) {
            return new Snapshot(nanos, null, 0, 0, 0, 0, false);
        }
    }

    static Fork between(Snapshot start, Snapshot end) {
        if (!start.known() || !end.known() || end.totalTicks() <= start.totalTicks()) {
            return new Fork(start.load1(), null, null);
        }
        double seconds = (end.nanos() - start.nanos()) / 1e9;
        long busy = end.busyTicks() - start.busyTicks();
        long ours = end.ourTicks() - start.ourTicks();
        double outside = Math.max(0, (busy - ours) / TICKS_PER_SECOND / seconds);
        double steal = 100.0 * (end.stealTicks() - start.stealTicks()) / (end.totalTicks() - start.totalTicks());
        return new Fork(start.load1(), outside, steal);
    }

    static boolean disturbed(Double outsideCores, Double stealPercent) {
        return (outsideCores != null && outsideCores > DISTURBED_CORES)
                || (stealPercent != null && stealPercent > DISTURBED_STEAL_PERCENT);
    }

    /**
     * CPU ticks of this JVM (with its reaped children: forks that ended), its live descendants, and the servers'
     * processes with theirs (a postmaster reaps its backends, so theirs are in its children's times).
     */
    private static long ourTicks(List<Long> serverPids) {
        Set<Long> seen = new HashSet<>();
        long ticks = 0;
        ProcessHandle self = ProcessHandle.current();
        ticks += tree(self, seen);
        for (long pid : serverPids) {
            ticks += ProcessHandle.of(pid).map(p -> tree(p, seen)).orElse(0L);
        }
        return ticks;
    }

    private static long tree(ProcessHandle root, Set<Long> seen) {
        long ticks = ticks(root.pid(), seen);
        for (ProcessHandle p : root.descendants().toList()) {
            ticks += ticks(p.pid(), seen);
        }
        return ticks;
    }

    /** utime + stime + cutime + cstime of one process, counted once. */
    private static long ticks(long pid, Set<Long> seen) {
        if (!seen.add(pid)) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
            return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
