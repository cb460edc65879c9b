package dev.bitmaxconnect.client.rest;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket of {@code requestsPerSecond} with a burst of one second's worth, which can also be
 * paused (after an HTTP 429). {@link #acquire()} blocks until a request may go.
 */
public final class RequestRateLimiter {
    private final double permitsPerNano;
    private final double capacity;
    private final LongSupplier nanoTime;
    private double tokens;
    private long lastRefill;
    private long pausedUntil;

    public RequestRateLimiter(double requestsPerSecond) {
        this(requestsPerSecond, System::nanoTime);
    }

    RequestRateLimiter(double requestsPerSecond, LongSupplier nanoTime) {
        if (!(requestsPerSecond > 0)) {
            throw new IllegalArgumentException("requestsPerSecond must be > 0, was " + requestsPerSecond);
        }
        this.permitsPerNano = requestsPerSecond / TimeUnit.SECONDS.toNanos(1);
        this.capacity = Math.max(1.0, requestsPerSecond);
        this.nanoTime = nanoTime;
        this.tokens = capacity;
        this.lastRefill = nanoTime.getAsLong();
        this.pausedUntil = lastRefill;
    }

    /** Waits for a permit; throws {@link InterruptedException} if interrupted while waiting. */
    public void acquire() throws InterruptedException {
        while (true) {
            long waitNanos = tryAcquire();
            if (waitNanos <= 0) {
                return;
            }
            TimeUnit.NANOSECONDS.sleep(waitNanos);
        }
    }

    /** Takes a permit and returns 0, or returns how many nanoseconds to wait before trying again. */
    synchronized long tryAcquire() {
        long now = nanoTime.getAsLong();
        if (now - pausedUntil < 0) {
            return pausedUntil - now;
        }
        tokens = Math.min(capacity, tokens + (now - lastRefill) * permitsPerNano);
        lastRefill = now;
        if (tokens >= 1.0) {
            tokens -= 1.0;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1.0 - tokens) / permitsPerNano));
    }

    /** Lets no request through for {@code nanos} (the exchange said 429: slow down). */
    public synchronized void pauseFor(long nanos) {
        long until = nanoTime.getAsLong() + nanos;
        if (until - pausedUntil > 0) {
            pausedUntil = until;
        }
        tokens = 0;
    }
}
