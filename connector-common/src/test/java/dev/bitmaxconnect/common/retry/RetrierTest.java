package dev.bitmaxconnect.common.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RetrierTest {

    @Test
    void allowsAtMostTheMaximumNumberOfRetries() {
        Retrier retrier = new Retrier(3, new Backoff(1, 1), 60_000);
        Retrier.Retries retries = retrier.begin();
        int made = 0;
        while (retries.canRetry()) {
            retries.next();
            made++;
        }
        assertThat(made).isEqualTo(3);
        assertThat(retries.done()).isEqualTo(3);
        assertThat(new Retrier(0, new Backoff(1, 1), 60_000).begin().canRetry()).isFalse();
    }

    @Test
    void allowsNoRetryOnceTheTimeIsUp() {
        MutableClock clock = new MutableClock();
        Retrier retrier = new Retrier(100, new Backoff(1, 1), 1_000, clock);
        Retrier.Retries retries = retrier.begin();
        clock.advance(999);
        assertThat(retries.canRetry()).isTrue();
        clock.advance(1);
        assertThat(retrier.begin().canRetry()).as("a new operation has its own time").isTrue();
    }

    @Test
    void eachRetryWaitsTheBackoffOfItsNumber() {
        Retrier.Retries retries = new Retrier(10, new Backoff(100, 10_000), 60_000).begin();
        assertThat(retries.next()).isBetween(50L, 100L);
        assertThat(retries.next()).isBetween(100L, 200L);
        assertThat(retries.next()).isBetween(200L, 400L);
    }

    @Test
    void aWaitRunsItsCourse() throws InterruptedException {
        long start = System.nanoTime();
        assertThat(new Retrier(1, new Backoff(1, 1), 60_000).await(50)).isTrue();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(50L);
    }

    @Test
    void stopEndsAWaitAtOnceAndEveryLaterOne() throws Exception {
        Retrier retrier = Retrier.unbounded(new Backoff(600_000, 600_000));
        Retrier.Retries retries = retrier.begin();
        CompletableFuture<Boolean> waited = CompletableFuture.supplyAsync(() -> {
            try {
                return retries.backOff();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        long start = System.nanoTime();
        retrier.stop();
        assertThat(waited.get(5, TimeUnit.SECONDS)).isFalse();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000L);
        assertThat(retrier.await(600_000)).as("a wait after stop does not start").isFalse();
    }

    @Test
    void interruptionEndsAWaitAtOnce() throws Exception {
        Retrier retrier = Retrier.unbounded(new Backoff(600_000, 600_000));
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            try {
                retrier.begin().backOff();
                ended.complete(null);
            } catch (InterruptedException e) {
                ended.complete(e);
            }
        });
        waiter.start();
        waiter.interrupt();
        assertThat(ended.get(5, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
    }

    @Test
    void refusesANegativeNumberOfRetries() {
        assertThatThrownBy(() -> new Retrier(-1, new Backoff(1, 1), 1)).hasMessageContaining("maxRetries")
                .hasMessageContaining("-1");
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(long ms) {
            now = now.plus(Duration.ofMillis(ms));
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
