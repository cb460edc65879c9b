package dev.bitmaxconnect.source.stream;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.bitmaxconnect.source.config.Channel;
import dev.bitmaxconnect.source.config.QueueFullBehavior;
import dev.bitmaxconnect.source.metrics.SourceTaskMetrics;

/**
 * The bounded queue between a task's WebSocket and REST threads and {@code poll()}. Market data meets the
 * configured {@link QueueFullBehavior} when the queue is full; everything else always waits for room.
 */
public final class EventQueue {
    private final BlockingQueue<TaskEvent> queue;
    private final QueueFullBehavior fullBehavior;
    private final SourceTaskMetrics metrics;
    private final Set<Stream> droppedStreams = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** A market-data stream: one channel of one symbol. */
    public record Stream(Channel channel, String symbol) {
    }

    public EventQueue(int capacity, QueueFullBehavior fullBehavior, SourceTaskMetrics metrics) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.fullBehavior = fullBehavior;
        this.metrics = metrics;
    }

    /**
     * Adds a market-data message of the given channel and symbol; when the queue is full it waits, or drops the
     * message and remembers its stream so that the stream's next record is marked with a gap.
     */
    public void offerMarketData(TaskEvent event, Channel channel, String symbol) throws InterruptedException {
        if (fullBehavior == QueueFullBehavior.DROP) {
            if (!queue.offer(event)) {
                metrics.dropped();
                if (symbol != null) {
                    droppedStreams.add(new Stream(channel, symbol));
                }
            }
            return;
        }
        put(event);
    }

    /** Adds an event that must not be lost, waiting for room (in slices, so that a closed queue releases the waiter). */
    public void put(TaskEvent event) throws InterruptedException {
        while (!closed) {
            if (queue.offer(event, 100, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }

    /** Queues an error that fails the task at its next poll; an interrupted wait gives up, keeping the interrupt. */
    public void putFatal(String message) {
        try {
            put(new TaskEvent.Fatal(message, null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits up to {@code timeoutMs} for a first event, then takes up to {@code max} events without waiting. */
    public int drainTo(List<TaskEvent> out, int max, long timeoutMs) throws InterruptedException {
        TaskEvent first = queue.poll(timeoutMs, TimeUnit.MILLISECONDS);
        if (first == null) {
            return 0;
        }
        out.add(first);
        return 1 + queue.drainTo(out, max - 1);
    }

    /** Streams that lost a message to a full queue since the last call. */
    public Set<Stream> takeDroppedStreams() {
        if (droppedStreams.isEmpty()) {
            return Set.of();
        }
        Set<Stream> taken = Set.copyOf(droppedStreams);
        droppedStreams.removeAll(taken);
        return taken;
    }

    public int size() {
        return queue.size();
    }

    /** Releases waiting producers; events still queued are discarded. */
    public void close() {
        closed = true;
        queue.clear();
    }
}
