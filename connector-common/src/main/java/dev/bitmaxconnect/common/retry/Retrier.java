package dev.bitmaxconnect.common.retry;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The retries of one kind of operation: how many at most and for how long ({@link Retries#canRetry()}), and
 * the wait before each ({@link Backoff}). A wait ends at once when the waiting thread is interrupted or when
 * {@link #stop()} is called, so that a task stops without sitting out a backoff.
 */
public final class Retrier {
    private final int maxRetries;
    private final Backoff backoff;
    private final long maxTimeMs;
    private final Clock clock;
    private final CountDownLatch stopped = new CountDownLatch(1);

    /**
     * @param maxRetries the retries allowed after the first try
     * @param maxTimeMs  the time after the first try past which no retry starts
     */
    public Retrier(int maxRetries, Backoff backoff, long maxTimeMs) {
        this(maxRetries, backoff, maxTimeMs, Clock.systemUTC());
    }

    Retrier(int maxRetries, Backoff backoff, long maxTimeMs, Clock clock) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative, not " + maxRetries);
        }
        this.maxRetries = maxRetries;
        this.backoff = backoff;
        this.maxTimeMs = maxTimeMs;
        this.clock = clock;
    }

    /** Retries until stopped: for what must come back however long the exchange is away. */
    public static Retrier unbounded(Backoff backoff) {
        return new Retrier(Integer.MAX_VALUE, backoff, Long.MAX_VALUE);
    }

    public int maxRetries() {
        return maxRetries;
    }

    /** Starts counting the retries (and the time) of one operation, at its first try. */
    public Retries begin() {
        return new Retries(clock.millis());
    }

    /**
     * Waits {@code ms}, or less if stopped. The one place the connectors wait before trying again.
     *
     * @return false when {@link #stop()} ended (or had ended) the wait: the caller gives up
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public boolean await(long ms) throws InterruptedException {
        return !stopped.await(ms, TimeUnit.MILLISECONDS);
    }

    /** Ends every wait at once, now and later: each returns false. */
    public void stop() {
        stopped.countDown();
    }

    /** The retries of one operation. Not thread-safe: one operation runs on one thread. */
    public final class Retries {
        private final long startMs;
        private int done;

        private Retries(long startMs) {
            this.startMs = startMs;
        }

        /** The retries counted so far. */
        public int done() {
            return done;
        }

        /**
         * Whether another retry is allowed: fewer than the maximum so far, within the time. A stopped retrier
         * is seen in {@link #await(long)}, where the caller gives up in its own way (not as retries exhausted).
         */
        public boolean canRetry() {
            return done < maxRetries && clock.millis() - startMs < maxTimeMs;
        }

        /** Counts one more retry and returns the wait before it, to log before {@link #await(long)}. */
        public long next() {
            done++;
            return backoff.delayMillis(done);
        }

        /**
         * Counts one more retry and waits its backoff.
         *
         * @return false when {@link #stop()} ended the wait
         */
        public boolean backOff() throws InterruptedException {
            return await(next());
        }
    }
}
