package dev.bitmaxconnect.bench.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** A window's CPU time by thread: a pool's threads are one group, and the groups add up to the process's time. */
class ThreadCpuTest {

    @Test
    void threadsEndedWithinTheWindowCountInTheJvmLine() throws Exception {
        ThreadCpu start = ThreadCpu.snapshot();
        Thread first = busy("cpu-test-worker-1");
        Thread second = busy("cpu-test-worker-2");
        first.join();
        second.join();
        ThreadCpu end = ThreadCpu.snapshot();
        List<ThreadCpu.Group> groups = end.since(start);
        // ended, the workers are no group of their own: their 400 ms are in the process's time and the JVM line
        assertThat(groups).extracting(ThreadCpu.Group::name).doesNotContain("cpu-test-worker-#");
        ThreadCpu.Group jvm = groups.stream().filter(g -> g.name().equals(ThreadCpu.JVM_AND_ENDED)).findFirst()
                .orElseThrow();
        assertThat(jvm.cpuNanos()).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(300));
        assertThat(groups.stream().mapToLong(ThreadCpu.Group::cpuNanos).sum()).isEqualTo(end.processNanosSince(start));
    }

    @Test
    void aLiveBusyPoolShowsAsOneGroupAndItsShareInTheLines() throws Exception {
        Object hold = new Object();
        ThreadCpu start = ThreadCpu.snapshot();
        Thread first = busy("cpu-test-pool-1", hold);
        Thread second = busy("cpu-test-pool-2", hold);
        TimeUnit.MILLISECONDS.sleep(300);
        ThreadCpu end = ThreadCpu.snapshot();
        synchronized (hold) {
            hold.notifyAll();
        }
        first.join();
        second.join();
        ThreadCpu.Group pool = end.since(start).stream().filter(g -> g.name().equals("cpu-test-pool-#")).findFirst()
                .orElseThrow();
        assertThat(pool.cpuNanos()).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(100));
        assertThat(pool.userNanos()).isBetween(0L, pool.cpuNanos());
        assertThat(ThreadCpu.describe(end.since(start), 1_000, "record", 0.01))
                .anyMatch(line -> line.contains("cpu-test-pool-#")).last().asString().contains("(whole process)");
    }

    /** A thread spinning for 200 ms. */
    private static Thread busy(String name) {
        Thread thread = new Thread(() -> spin(TimeUnit.MILLISECONDS.toNanos(200)), name);
        thread.start();
        return thread;
    }

    /** A thread spinning until {@code hold} is notified, at most 2 s. */
    private static Thread busy(String name, Object hold) {
        Thread thread = new Thread(() -> {
            spin(TimeUnit.MILLISECONDS.toNanos(400));
            synchronized (hold) {
                try {
                    hold.wait(2_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, name);
        thread.start();
        return thread;
    }

    private static long spin(long nanos) {
        long end = System.nanoTime() + nanos;
        long x = 0;
        while (System.nanoTime() < end) {
            x += System.nanoTime() % 7;
        }
        return x;
    }
}
