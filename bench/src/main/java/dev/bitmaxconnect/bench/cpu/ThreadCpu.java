package dev.bitmaxconnect.bench.cpu;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;

/**
 * Where a measured window's CPU time went, by thread: the benchmarks run simulator, broker, worker, connector and
 * their own load in one JVM, and a whole-process figure does not say which of them a record costs. A snapshot holds
 * every live Java thread's CPU and user time and the process's CPU time; {@link #since} turns two snapshots into
 * the window's time per group of threads (thread names with their numbers taken out, so that a pool is one group),
 * split into user and kernel time. What no live Java thread accounts for (garbage collection, the JIT, threads that
 * ended within the window) is its own group.
 */
public final class ThreadCpu {

    /** The group of the CPU time no live Java thread accounts for. */
    public static final String JVM_AND_ENDED = "(JVM: GC, JIT; threads ended in the window)";

    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Map<Long, Times> byThread;
    private final long processNanos;

    /** One thread's times; {@code name} is its group. */
    private record Times(String name, long cpuNanos, long userNanos) {
    }

    /** One group's share of a window: CPU time and the part of it in user mode. */
    public record Group(String name, long cpuNanos, long userNanos) {
        public long kernelNanos() {
            return cpuNanos - userNanos;
        }
    }

    private ThreadCpu(Map<Long, Times> byThread, long processNanos) {
        this.byThread = byThread;
        this.processNanos = processNanos;
    }

    /** The times of now. */
    public static ThreadCpu snapshot() {
        long[] ids = THREADS.getAllThreadIds();
        long[] cpu = THREADS.getThreadCpuTime(ids);
        long[] user = THREADS.getThreadUserTime(ids);
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        Map<Long, Times> byThread = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] != null && cpu[i] >= 0) {
                byThread.put(ids[i], new Times(group(infos[i].getThreadName()), cpu[i], user[i]));
            }
        }
        long process = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class).getProcessCpuTime();
        return new ThreadCpu(byThread, process);
    }

    /** The process's CPU time from {@code start} to this snapshot. */
    public long processNanosSince(ThreadCpu start) {
        return processNanos - start.processNanos;
    }

    /** The CPU time from {@code start} to this snapshot by group of threads, largest first. */
    public List<Group> since(ThreadCpu start) {
        Map<String, long[]> sums = new HashMap<>();
        long accounted = 0;
        for (Map.Entry<Long, Times> entry : byThread.entrySet()) {
            Times end = entry.getValue();
            Times begin = start.byThread.get(entry.getKey());
            long cpu = end.cpuNanos() - (begin == null ? 0 : begin.cpuNanos());
            long user = end.userNanos() - (begin == null ? 0 : begin.userNanos());
            long[] sum = sums.computeIfAbsent(end.name(), name -> new long[2]);
            sum[0] += cpu;
            sum[1] += user;
            accounted += cpu;
        }
        List<Group> groups = new ArrayList<>();
        sums.forEach((name, sum) -> groups.add(new Group(name, sum[0], sum[1])));
        // user and kernel time of the JVM's own threads is not known, only their sum
        groups.add(new Group(JVM_AND_ENDED, Math.max(0, processNanosSince(start) - accounted), -1));
        groups.sort((a, b) -> Long.compare(b.cpuNanos(), a.cpuNanos()));
        return groups;
    }

    /**
     * A window's groups as lines of CPU microseconds per unit of work ({@code units}, e.g. records), those under
     * {@code minShare} of the process's time summed up as one line.
     */
    public static List<String> describe(List<Group> groups, long units, String unit, double minShare) {
        long total = groups.stream().mapToLong(Group::cpuNanos).sum();
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "  %-70s %8s %6s %9s", "threads", "us/" + unit, "share", "kernel"));
        long otherCpu = 0;
        for (Group group : groups) {
            if (group.cpuNanos() < minShare * total) {
                otherCpu += group.cpuNanos();
                continue;
            }
            lines.add(String.format(Locale.ROOT, "  %-70s %8.2f %5.1f%% %9s", abbreviate(group.name()),
                    group.cpuNanos() / 1e3 / units, 100.0 * group.cpuNanos() / total,
                    group.userNanos() < 0 ? "-" : String.format(Locale.ROOT, "%.1f%%",
                            100.0 * group.kernelNanos() / Math.max(1, group.cpuNanos()))));
        }
        lines.add(String.format(Locale.ROOT, "  %-70s %8.2f %5.1f%%", "(other threads)", otherCpu / 1e3 / units,
                100.0 * otherCpu / total));
        lines.add(String.format(Locale.ROOT, "  %-70s %8.2f", "(whole process)", total / 1e3 / units));
        return lines;
    }

    /** A thread's name with its numbers as {@code #}: the threads of one pool, or one kind, are one group. */
    static String group(String threadName) {
        return threadName.replaceAll("[0-9]+", "#");
    }

    private static String abbreviate(String name) {
        return name.length() <= 70 ? name : name.substring(0, 67) + "...";
    }
}
