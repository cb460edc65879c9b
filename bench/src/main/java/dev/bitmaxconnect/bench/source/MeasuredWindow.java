package dev.bitmaxconnect.bench.source;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.bitmaxconnect.bench.cpu.ThreadCpu;

/** The measured window of a run: after the warm-up, with the CPU time spent within it, in all and by thread. */
record MeasuredWindow(long start, long end, long cpuNanos, List<ThreadCpu.Group> threads) {

    /** Waits out the warm-up and the window, then a second more for the window's messages to reach Kafka. */
    static MeasuredWindow measure(int warmupSeconds, int seconds) throws InterruptedException {
        long start = System.currentTimeMillis() + TimeUnit.SECONDS.toMillis(warmupSeconds);
        Thread.sleep(Math.max(0, start - System.currentTimeMillis()));
        ThreadCpu cpuStart = ThreadCpu.snapshot();
        long end = start + TimeUnit.SECONDS.toMillis(seconds);
        Thread.sleep(Math.max(0, end - System.currentTimeMillis()));
        ThreadCpu cpuEnd = ThreadCpu.snapshot();
        Thread.sleep(1_000);
        return new MeasuredWindow(start, end, cpuEnd.processNanosSince(cpuStart), cpuEnd.since(cpuStart));
    }
}
