package dev.bitmaxconnect.source.metrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far behind the exchange a task's {@code poll()} runs: the lag of each streamed record from its exchange time
 * goes to the {@code record-lag-ms} metrics, and a lag above the threshold is logged as a warning, at most one line
 * per interval however many records pass it, so that a task falling behind is never silent and never floods the log.
 */
public final class RecordLag {
    private static final Logger log = LoggerFactory.getLogger(RecordLag.class);

    /** At most one warning line this often. */
    public static final long WARN_INTERVAL_MS = 60_000;

    private final SourceTaskMetrics metrics;
    private final long thresholdMs;
    private final String thresholdKey;
    private final long intervalMs;
    private long lastWarningMs = Long.MIN_VALUE;
    private long recordsOver;
    private long maxOver;

    /** {@code thresholdKey} names the setting in the warning, so that the reader knows what to change. */
    public RecordLag(SourceTaskMetrics metrics, long thresholdMs, String thresholdKey, long intervalMs) {
        this.metrics = metrics;
        this.thresholdMs = thresholdMs;
        this.thresholdKey = thresholdKey;
        this.intervalMs = intervalMs;
    }

    /** One streamed record with the exchange's time {@code exchangeTimeMs}, returned by a poll() at {@code nowMs}. */
    public void record(long exchangeTimeMs, long nowMs) {
        long lag = nowMs - exchangeTimeMs;
        metrics.recordLag(lag, nowMs);
        if (lag > thresholdMs) {
            recordsOver++;
            maxOver = Math.max(maxOver, lag);
        }
    }

    /** At the end of a poll(): warns when records passed the threshold and no warning went out this interval. */
    public boolean warnIfBehind(long nowMs) {
        if (recordsOver == 0 || (lastWarningMs != Long.MIN_VALUE && nowMs - lastWarningMs < intervalMs)) {
            return false;
        }
        log.warn("The task is behind the exchange: {} records reached poll() more than {} ms ({}) after their "
                + "exchange time, up to {} ms, since the last warning; see the record-lag-ms and queue-depth metrics",
                recordsOver, thresholdMs, thresholdKey, maxOver);
        lastWarningMs = nowMs;
        recordsOver = 0;
        maxOver = 0;
        return true;
    }
}
