package dev.bitmaxconnect.bench.source;

import java.util.List;

import dev.bitmaxconnect.bench.cpu.ThreadCpu;

/**
 * One measured run: records appended in its window, their latencies, and the process's CPU time meanwhile, in all
 * ({@code -1} when it says nothing of the cost) and by thread.
 */
record RunResult(int rate, long records, double seconds, long[] latenciesMs, long cpuNanos,
        List<ThreadCpu.Group> threads) {

    double recordsPerSecond() {
        return records / seconds;
    }

    double cpuMicrosPerRecord() {
        return records == 0 ? Double.NaN : cpuNanos / 1e3 / records;
    }
}
