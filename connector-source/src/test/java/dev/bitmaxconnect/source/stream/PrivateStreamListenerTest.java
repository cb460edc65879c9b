package dev.bitmaxconnect.source.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.bitmaxconnect.client.stream.StreamMessage;
import dev.bitmaxconnect.source.config.QueueFullBehavior;
import dev.bitmaxconnect.source.metrics.SourceTaskMetrics;

/** The recovery waits for the subscriptions of its session: woken by the last ack or by the session's loss. */
class PrivateStreamListenerTest {

    private static final long LONG_WAIT_MS = 600_000;

    private final SourceTaskMetrics metrics = new SourceTaskMetrics();
    private final EventQueue queue = new EventQueue(10, QueueFullBehavior.BLOCK, metrics);
    private final PrivateStreamListener listener = new PrivateStreamListener(queue, metrics,
            Set.of("futures-order", "futures-account-update"));

    @Test
    void theWaitEndsWithTheLastSubscriptionAck() throws Exception {
        CompletableFuture<Void> waited = waitInBackground(0);
        listener.onMessage(ack("futures-order"));
        assertThat(waited).as("one of two acks").isNotDone();
        listener.onMessage(ack("futures-account-update"));
        waited.get(5, TimeUnit.SECONDS);
        assertThat(listener.subscribed()).isTrue();
    }

    @Test
    void theWaitEndsWhenTheSessionIsLost() throws Exception {
        CompletableFuture<Void> waited = waitInBackground(0);
        listener.onDisconnected("gone");
        waited.get(5, TimeUnit.SECONDS);
        assertThat(listener.generation()).isEqualTo(1);
    }

    @Test
    void theWaitEndsAfterTheTimeout() throws Exception {
        long start = System.nanoTime();
        listener.awaitSubscribed(0, 50);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(50), Duration.ofSeconds(5));
        assertThat(listener.subscribed()).isFalse();
    }

    /** A thread waiting for the session of {@code generation}, once it is waiting. */
    private CompletableFuture<Void> waitInBackground(long generation) {
        CompletableFuture<Void> waited = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            try {
                listener.awaitSubscribed(generation, LONG_WAIT_MS);
                waited.complete(null);
            } catch (InterruptedException e) {
                waited.completeExceptionally(e);
            }
        }, "awaits-subscribed");
        waiter.setDaemon(true);
        waiter.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> waiter.getState() == Thread.State.TIMED_WAITING);
        return waited;
    }

    private static StreamMessage ack(String channel) {
        return new StreamMessage.SubscriptionAck("sub", "1", channel, 0, null, null, null);
    }
}
