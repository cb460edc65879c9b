package dev.bitmaxconnect.client.stream;

import dev.bitmaxconnect.client.BitMaxClientConfig.OverflowPolicy;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands messages and lifecycle events to the {@link StreamListener} on one thread, in order, through a
 * bounded buffer: the events queue here, and the thread passes them to a {@link DirectDelivery}, which calls the
 * listener. A full buffer is handled by the {@link OverflowPolicy}; lifecycle events always wait for room.
 */
final class ListenerDispatcher implements ListenerDelivery {
    private static final Object STOP = new Object();

    private final DirectDelivery target;
    /** Whether messages travel with their frame text: only when the listener takes it. */
    private final boolean frameText;
    private final OverflowPolicy overflowPolicy;
    private final BlockingQueue<Object> events;
    private final Thread thread;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong bufferFull = new AtomicLong();
    private volatile boolean stopped;

    ListenerDispatcher(DirectDelivery target, int bufferSize, OverflowPolicy overflowPolicy) {
        this.target = target;
        this.frameText = target.keepsFrameText();
        this.overflowPolicy = overflowPolicy;
        this.events = new ArrayBlockingQueue<>(bufferSize);
        this.thread = new Thread(this::run, "bitmax-stream-dispatch");
        this.thread.setDaemon(true);
    }

    @Override
    public void start() {
        thread.start();
    }

    /** Queues a message for the listener; a full buffer meets the overflow policy. */
    @Override
    public boolean deliver(StreamMessage message, String text) {
        // the text is kept only when the listener asked for it: otherwise the message travels alone, as it always did
        Object event = frameText ? new Frame(message, text) : message;
        if (events.offer(event)) {
            return true;
        }
        bufferFull.incrementAndGet();
        switch (overflowPolicy) {
            case BLOCK:
                try {
                    events.put(event);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    dropped.incrementAndGet();
                }
                return true;
            case DROP_NEWEST:
                dropped.incrementAndGet();
                return true;
            case RECONNECT:
                dropped.incrementAndGet();
                return false;
            default:
                throw new IllegalStateException("unknown overflow policy " + overflowPolicy);
        }
    }

    @Override
    public void connected(boolean first) {
        emit(new Lifecycle(first ? Lifecycle.Kind.CONNECTED : Lifecycle.Kind.RECONNECTED, null, null));
    }

    @Override
    public void disconnected(String reason) {
        emit(new Lifecycle(Lifecycle.Kind.DISCONNECTED, reason, null));
    }

    @Override
    public void error(Throwable error) {
        emit(new Lifecycle(Lifecycle.Kind.ERROR, null, error));
    }

    /** False while the listener is behind (the buffer is full). */
    @Override
    public boolean hasRoom() {
        return events.remainingCapacity() > 0;
    }

    @Override
    public long dropped() {
        return dropped.get();
    }

    @Override
    public long bufferFullEvents() {
        return bufferFull.get();
    }

    /**
     * Stops the thread once what is buffered is delivered (for up to 5 s; at once when called from the
     * listener itself), then empties the buffer, so that a reader blocked on it (BLOCK policy) does not wait for ever.
     */
    @Override
    public void stop() {
        stopped = true;
        if (thread.isAlive()) {
            events.offer(STOP);
            if (Thread.currentThread() != thread) {
                try {
                    thread.join(TimeUnit.SECONDS.toMillis(5));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                thread.interrupt();
            }
        }
        events.clear();
    }

    /** Lifecycle events are never dropped: they wait for room. */
    private void emit(Lifecycle event) {
        try {
            events.put(event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (true) {
            Object event;
            try {
                event = events.take();
            } catch (InterruptedException e) {
                return;
            }
            if (event == STOP || (stopped && events.isEmpty())) {
                return;
            }
            if (event instanceof StreamMessage m) {
                target.deliver(m, null);
            } else if (event instanceof Frame f) {
                target.deliver(f.message, f.text);
            } else if (event instanceof Lifecycle l) {
                switch (l.kind) {
                    case CONNECTED -> target.connected(true);
                    case RECONNECTED -> target.connected(false);
                    case DISCONNECTED -> target.disconnected(l.reason);
                    case ERROR -> target.error(l.error);
                    default -> throw new IllegalStateException();
                }
            }
        }
    }

    /** A message with the text of its frame. */
    private record Frame(StreamMessage message, String text) {
    }

    private record Lifecycle(Kind kind, String reason, Throwable error) {
        enum Kind { CONNECTED, RECONNECTED, DISCONNECTED, ERROR }
    }
}
