package dev.bitmaxconnect.source.stream;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.bitmaxconnect.client.stream.StreamListener;
import dev.bitmaxconnect.client.stream.StreamMessage;
import dev.bitmaxconnect.source.auth.AuthFailures;
import dev.bitmaxconnect.source.metrics.SourceTaskMetrics;

/**
 * Hands the private WebSocket's order and account messages to the task's queue (they are never dropped), counts
 * lost sessions, and starts the {@link PrivateStreamRecovery} once each new session is subscribed.
 */
public final class PrivateStreamListener implements StreamListener {
    private static final Logger log = LoggerFactory.getLogger(PrivateStreamListener.class);

    private final EventQueue queue;
    private final SourceTaskMetrics metrics;
    private final Set<String> privateChannels;
    private final Set<String> acked = ConcurrentHashMap.newKeySet();
    private volatile long generation;
    private volatile PrivateStreamRecovery recovery;
    /** Signalled when a subscription is acknowledged or the session is lost. */
    private final ReentrantLock sessionLock = new ReentrantLock();
    private final Condition sessionChanged = sessionLock.newCondition();

    public PrivateStreamListener(EventQueue queue, SourceTaskMetrics metrics, Set<String> privateChannels) {
        this.queue = queue;
        this.metrics = metrics;
        this.privateChannels = Set.copyOf(privateChannels);
    }

    public void recovery(PrivateStreamRecovery recovery) {
        this.recovery = recovery;
    }

    /** Whether the current session has acknowledged every private subscription. */
    public boolean subscribed() {
        return acked.containsAll(privateChannels);
    }

    /**
     * Waits until the session that followed {@code generation} losses has acknowledged every private subscription,
     * is lost too, or {@code timeoutMs} have passed.
     */
    public void awaitSubscribed(long generation, long timeoutMs) throws InterruptedException {
        long leftNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        sessionLock.lock();
        try {
            while (!subscribed() && this.generation == generation && leftNanos > 0) {
                leftNanos = sessionChanged.awaitNanos(leftNanos);
            }
        } finally {
            sessionLock.unlock();
        }
    }

    private void sessionChanged() {
        sessionLock.lock();
        try {
            sessionChanged.signalAll();
        } finally {
            sessionLock.unlock();
        }
    }

    @Override
    public void onMessage(StreamMessage message) {
        try {
            if (message instanceof StreamMessage.OrderReport || message instanceof StreamMessage.AccountUpdate
                    || message instanceof StreamMessage.Unknown) {
                queue.put(new TaskEvent.Message(message, true, System.currentTimeMillis()));
            } else if (message instanceof StreamMessage.SubscriptionAck ack && "sub".equals(ack.type())) {
                if (ack.code() == null || ack.code() == 0) {
                    acked.add(ack.channel());
                    sessionChanged();
                } else {
                    metrics.refusedSubscription();
                    queue.put(new TaskEvent.Fatal("The exchange refused the subscription to " + ack.channel()
                            + " (code " + ack.code() + " " + ack.refusal() + "); check that the API key may read "
                            + "the futures account", null));
                }
            } else if (message instanceof StreamMessage.ErrorMessage error) {
                Optional<String> auth = AuthFailures.describe(error);
                if (auth.isPresent()) {
                    queue.put(new TaskEvent.Fatal(auth.get(), null));
                } else {
                    queue.put(new TaskEvent.Message(message, true, System.currentTimeMillis()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void onConnected() {
        sessionReady();
    }

    @Override
    public void onReconnected() {
        metrics.reconnect();
        sessionReady();
    }

    private void sessionReady() {
        PrivateStreamRecovery current = recovery;
        if (current != null) {
            current.recoverAfterSubscribed(generation);
        }
    }

    @Override
    public void onDisconnected(String reason) {
        acked.clear();
        generation++;
        sessionChanged();
        try {
            queue.put(new TaskEvent.SessionLost(true));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public long generation() {
        return generation;
    }

    @Override
    public void onError(Throwable error) {
        Optional<String> auth = AuthFailures.describe(error);
        if (auth.isPresent()) {
            queue.putFatal(auth.get());
        } else {
            log.warn("Private stream error: {}", error.toString());
        }
    }
}
