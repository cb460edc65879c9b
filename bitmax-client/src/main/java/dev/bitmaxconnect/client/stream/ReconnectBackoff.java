package dev.bitmaxconnect.client.stream;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before the next reconnect: exponential backoff with jitter, so that clients do not reconnect in step.
 * The connectors' {@code dev.bitmaxconnect.common.retry.Backoff} uses the same formula; this client is standalone and
 * keeps its own copy.
 */
final class ReconnectBackoff {
    private final long minMillis;
    private final long maxMillis;

    ReconnectBackoff(Duration min, Duration max) {
        this.minMillis = min.toMillis();
        this.maxMillis = max.toMillis();
    }

    /** A random delay between half and all of min * 2^attempt, capped at max. */
    long delayMillis(int attempt) {
        long base = attempt >= 30 ? maxMillis : Math.min(maxMillis, minMillis << attempt);
        long half = Math.max(1, base / 2);
        return half + ThreadLocalRandom.current().nextLong(base - half + 1);
    }
}
