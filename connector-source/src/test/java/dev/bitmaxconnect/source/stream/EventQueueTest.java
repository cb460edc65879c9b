package dev.bitmaxconnect.source.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.bitmaxconnect.source.config.Channel;
import dev.bitmaxconnect.source.config.QueueFullBehavior;
import dev.bitmaxconnect.source.metrics.SourceTaskMetrics;

class EventQueueTest {

    @Test
    void dropModeDropsMarketDataCountsItAndRemembersTheStream() throws Exception {
        SourceTaskMetrics metrics = new SourceTaskMetrics();
        EventQueue queue = new EventQueue(2, QueueFullBehavior.DROP, metrics);
        for (int i = 0; i < 5; i++) {
            queue.offerMarketData(new TaskEvent.SessionLost(false), Channel.TRADES, "BTC-PERP");
        }
        assertThat(queue.size()).isEqualTo(2);
        assertThat(metrics.droppedMessages()).isEqualTo(3);
        assertThat(queue.takeDroppedStreams()).containsExactly(new EventQueue.Stream(Channel.TRADES, "BTC-PERP"));
        assertThat(queue.takeDroppedStreams()).isEmpty();
    }

    @Test
    void blockModeWaitsForRoomAndCloseReleasesTheWaiter() throws Exception {
        EventQueue queue = new EventQueue(1, QueueFullBehavior.BLOCK, new SourceTaskMetrics());
        queue.offerMarketData(new TaskEvent.SessionLost(false), Channel.DEPTH, "X");
        CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> {
            try {
                queue.offerMarketData(new TaskEvent.SessionLost(false), Channel.DEPTH, "X");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread.sleep(200);
        assertThat(blocked).isNotDone();
        List<TaskEvent> out = new ArrayList<>();
        assertThat(queue.drainTo(out, 1, 100)).isEqualTo(1);
        blocked.get(2, TimeUnit.SECONDS);
        assertThat(queue.size()).isEqualTo(1);

        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            try {
                queue.put(new TaskEvent.SessionLost(true));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread.sleep(200);
        assertThat(waiting).isNotDone();
        queue.close();
        waiting.get(2, TimeUnit.SECONDS);
    }

    @Test
    void anInterruptedFatalPutGivesUpAndKeepsTheInterrupt() throws Exception {
        EventQueue queue = new EventQueue(1, QueueFullBehavior.BLOCK, new SourceTaskMetrics());
        queue.putFatal("check bitmax.api.key");
        List<TaskEvent> events = new ArrayList<>();
        queue.drainTo(events, 10, 0);
        assertThat(events).containsExactly(new TaskEvent.Fatal("check bitmax.api.key", null));

        queue.put(new TaskEvent.SessionLost(false));
        Thread.currentThread().interrupt();
        try {
            queue.putFatal("full");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(queue.size()).isEqualTo(1);
    }
}
