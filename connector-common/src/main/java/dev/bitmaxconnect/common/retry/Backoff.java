package dev.bitmaxconnect.common.retry;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: before retry {@code n} (1 for the first) a random wait between half and all
 * of {@code initialMs * 2^(n-1)}, capped at {@code maxMs}. The jitter keeps tasks that failed together from
 * retrying in step. bitmax-client's {@code ReconnectBackoff} uses the same formula (the client is standalone
 * and does not depend on this module).
 */
public record Backoff(long initialMs, long maxMs) {

    public Backoff {
        if (initialMs < 1) {
            throw new IllegalArgumentException("initialMs must be at least 1, not " + initialMs);
        }
        if (maxMs < 1) {
            throw new IllegalArgumentException("maxMs must be at least 1, not " + maxMs);
        }
    }

    /** The wait before retry number {@code retry} (1 for the first). */
    public long delayMillis(int retry) {
        int doublings = Math.max(retry - 1, 0);
        long base = doublings >= Long.numberOfLeadingZeros(initialMs) - 1 ? maxMs : Math.min(maxMs, initialMs << doublings);
        long half = Math.max(1, base / 2);
        return half + ThreadLocalRandom.current().nextLong(base - half + 1);
    }
}
