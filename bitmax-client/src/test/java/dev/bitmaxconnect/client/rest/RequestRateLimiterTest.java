package dev.bitmaxconnect.client.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RequestRateLimiterTest {
    final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void allowsABurstOfOneSecondThenSpacesRequests() {
        RequestRateLimiter limiter = new RequestRateLimiter(5, now::get);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryAcquire()).as("permit %d", i).isZero();
        }
        long wait = limiter.tryAcquire();
        assertThat(wait).isBetween(TimeUnit.MILLISECONDS.toNanos(199), TimeUnit.MILLISECONDS.toNanos(201));
        now.addAndGet(wait);
        assertThat(limiter.tryAcquire()).isZero();
        assertThat(limiter.tryAcquire()).isPositive();
    }

    @Test
    void fractionalRatesWork() {
        RequestRateLimiter limiter = new RequestRateLimiter(0.5, now::get);
        assertThat(limiter.tryAcquire()).isZero();
        assertThat(limiter.tryAcquire()).isBetween(TimeUnit.MILLISECONDS.toNanos(1999), TimeUnit.MILLISECONDS.toNanos(2001));
    }

    @Test
    void pauseBlocksEveryoneUntilItEnds() {
        RequestRateLimiter limiter = new RequestRateLimiter(100, now::get);
        limiter.pauseFor(TimeUnit.SECONDS.toNanos(2));
        assertThat(limiter.tryAcquire()).isEqualTo(TimeUnit.SECONDS.toNanos(2));
        now.addAndGet(TimeUnit.SECONDS.toNanos(2));
        assertThat(limiter.tryAcquire()).isZero();
    }

    @Test
    void acquireReallyWaits() throws InterruptedException {
        RequestRateLimiter limiter = new RequestRateLimiter(20);
        long start = System.nanoTime();
        for (int i = 0; i < 25; i++) {
            limiter.acquire();
        }
        // 20 at once, 5 more at 50 ms each
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(200));
    }
}
