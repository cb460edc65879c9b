package dev.bitmaxconnect.source.stream;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The orders the order topic last showed as not final, handed from the poll thread to the recovery thread. The poll
 * thread publishes them when it takes in the loss of a private session (and at start), after every state of the lost
 * session went out and before anything of the new one can: so the recovery of that session looks up exactly the
 * orders whose end the topic may have missed.
 */
public final class NotFinalOrders {
    private long generation = -1;
    private List<String> orderIds = List.of();

    /** The orders not final once the poll thread has taken in {@code generation} private session losses. */
    public synchronized void publish(long generation, List<String> orderIds) {
        this.generation = generation;
        this.orderIds = List.copyOf(orderIds);
        notifyAll();
    }

    /**
     * The orders published for {@code generation} (or a later one), waiting up to {@code timeoutMs} for the poll
     * thread; {@code null} when it has not got that far.
     */
    public synchronized List<String> await(long generation, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (this.generation < generation) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return null;
            }
            wait(left);
        }
        return orderIds;
    }
}
