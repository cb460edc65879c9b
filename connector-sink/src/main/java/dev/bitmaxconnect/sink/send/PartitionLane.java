package dev.bitmaxconnect.sink.send;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commands of one partition, executed in offset order by one thread. Consecutive single places
 * (or single cancels) are coalesced into one unit of up to {@code maxBatch} within {@code lingerMs};
 * a cancel therefore never overtakes the place before it. {@link #committableOffset()} is the offset
 * after the last command whose outcome is known.
 */
public final class PartitionLane implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(PartitionLane.class);

    /** Executes one unit of commands of a lane (all coalescable of one action, or a single command). */
    public interface UnitProcessor {
        void process(TopicPartition partition, List<PendingCommand> unit);
    }

    private final TopicPartition partition;
    private final UnitProcessor processor;
    private final Runnable afterUnit;
    private final int maxBatch;
    private final long lingerNanos;
    private final LinkedBlockingDeque<PendingCommand> queue = new LinkedBlockingDeque<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long committable = -1;
    private long lastAdded = -1;
    private volatile RuntimeException failure;

    public PartitionLane(TopicPartition partition, UnitProcessor processor, int maxBatch, long lingerMs,
                         String threadName) {
        this(partition, processor, maxBatch, lingerMs, threadName, () -> { });
    }

    /**
     * @param afterUnit run after each unit is processed and when the lane stops (its {@link #failure()} set), so
     *                  that whoever waits for the lane to make progress wakes up
     */
    public PartitionLane(TopicPartition partition, UnitProcessor processor, int maxBatch, long lingerMs,
                         String threadName, Runnable afterUnit) {
        this.partition = partition;
        this.processor = processor;
        this.afterUnit = afterUnit;
        this.maxBatch = maxBatch;
        this.lingerNanos = TimeUnit.MILLISECONDS.toNanos(lingerMs);
        this.thread = new Thread(this, threadName);
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /**
     * Queues a command; returns false, queuing nothing, for an offset this lane has already taken (a
     * re-delivery within the task), which is never executed twice.
     */
    public boolean add(PendingCommand command) {
        if (command.offset() <= lastAdded) {
            return false;
        }
        lastAdded = command.offset();
        queue.add(command);
        return true;
    }

    public int queued() {
        return queue.size();
    }

    /** The next offset to commit, or -1 when no command of this lane has an outcome yet. */
    public long committableOffset() {
        return committable;
    }

    /** Why the lane stopped, when a command ended it (errors.tolerance=none, or a refused API key). */
    public RuntimeException failure() {
        return failure;
    }

    @Override
    public void run() {
        try {
            while (running) {
                PendingCommand head = queue.poll(100, TimeUnit.MILLISECONDS);
                if (head == null) {
                    continue;
                }
                List<PendingCommand> unit = new ArrayList<>();
                unit.add(head);
                if (head.coalescable() && maxBatch > 1) {
                    collect(unit);
                }
                processor.process(partition, unit);
                committable = unit.get(unit.size() - 1).offset() + 1;
                afterUnit.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
            running = false;
            log.error("Stopped processing {}: {}", partition, e.getMessage());
        } catch (Error e) {
            failure = new IllegalStateException("the lane of " + partition + " died: " + e, e);
            running = false;
            log.error("The lane of {} died", partition, e);
        } finally {
            afterUnit.run();
        }
    }

    /** Takes the following commands of the same action as the head, waiting up to the linger time for them. */
    private void collect(List<PendingCommand> unit) throws InterruptedException {
        long deadline = System.nanoTime() + lingerNanos;
        while (unit.size() < maxBatch && running) {
            PendingCommand next = queue.peek();
            if (next == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                next = queue.poll(left, TimeUnit.NANOSECONDS);
                if (next == null) {
                    return;
                }
                if (!sameKind(unit.get(0), next)) {
                    queue.addFirst(next);
                    return;
                }
                unit.add(next);
                continue;
            }
            if (!sameKind(unit.get(0), next)) {
                return;
            }
            unit.add(queue.poll());
        }
    }

    private static boolean sameKind(PendingCommand a, PendingCommand b) {
        return b.coalescable() && a.command().action() == b.command().action();
    }

    /**
     * Stops after the unit in progress; what is still queued is left for the next owner of the partition.
     * A unit still busy after {@code waitMs} (retrying a failing exchange) is interrupted, so that it sends
     * nothing more once the partition may belong to another task.
     */
    public int stop(long waitMs) {
        running = false;
        try {
            thread.join(waitMs);
            if (thread.isAlive()) {
                log.warn("The lane of {} is still busy after {} ms; interrupting it", partition, waitMs);
                thread.interrupt();
                thread.join(1_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int left = queue.size();
        queue.clear();
        return left;
    }
}
