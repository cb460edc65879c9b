package dev.bitmaxconnect.sink.send;

import java.util.concurrent.ThreadLocalRandom;

/** Bounded retries: exponential backoff with jitter, a maximum count and a maximum time. */
public record RetryPolicy(int maxRetries, long backoffMs, long maxBackoffMs, long maxTimeMs) {

    /** The wait before retry number {@code retry} (1 for the first): doubled each time, plus up to 50% jitter. */
    public long backoff(int retry) {
        long base = backoffMs << Math.min(Math.max(retry - 1, 0), 20);
        long capped = Math.min(Math.max(base, 1), maxBackoffMs);
        long jitter = ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        return Math.min(capped + jitter, maxBackoffMs);
    }

    /** Whether another retry is allowed after {@code retriesDone} retries and {@code elapsedMs}. */
    public boolean allows(int retriesDone, long elapsedMs) {
        return retriesDone < maxRetries && elapsedMs < maxTimeMs;
    }
}
