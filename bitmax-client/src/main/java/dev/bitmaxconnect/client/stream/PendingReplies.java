package dev.bitmaxconnect.client.stream;

import dev.bitmaxconnect.client.BitMaxApiException;
import dev.bitmaxconnect.client.BitMaxTransportException;
import dev.bitmaxconnect.client.stream.StreamMessage.AccountSnapshot;
import dev.bitmaxconnect.client.stream.StreamMessage.AuthResult;
import dev.bitmaxconnect.client.stream.StreamMessage.DepthSnapshot;
import dev.bitmaxconnect.client.stream.StreamMessage.ErrorMessage;
import dev.bitmaxconnect.client.stream.StreamMessage.OrderAck;
import dev.bitmaxconnect.client.stream.StreamMessage.SubscriptionAck;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.WebSocket;

/**
 * Request/reply correlation: each request sent waits under a key (its {@code id}, or the symbol of a depth
 * snapshot, whose reply carries no id) for the reply with the same key, and fails when no reply comes within
 * the request timeout or the connection is lost first.
 */
final class PendingReplies {
    private final Map<String, Pending<?>> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    private final Duration timeout;

    PendingReplies(ScheduledExecutorService scheduler, Duration timeout) {
        this.scheduler = scheduler;
        this.timeout = timeout;
    }

    /** The key a depth snapshot of {@code symbol} waits under. */
    static String depthSnapshotKey(String symbol) {
        return "depth-snapshot:" + symbol;
    }

    /**
     * Sends {@code json} and returns the future of its reply. A second depth snapshot of a symbol shares the
     * one already on its way; any other key already waiting fails the request.
     */
    <T extends StreamMessage> CompletableFuture<T> send(WebSocket webSocket, String key, String what, String json,
                                                       Class<T> reply) {
        Pending<T> p = new Pending<>(what, reply);
        Pending<?> previous = pending.putIfAbsent(key, p);
        if (previous != null) {
            if (reply == DepthSnapshot.class) {
                @SuppressWarnings("unchecked")
                CompletableFuture<T> shared = (CompletableFuture<T>) previous.future;
                return shared;
            }
            return CompletableFuture.failedFuture(new IllegalStateException("duplicate request id " + key));
        }
        if (!webSocket.send(json)) {
            pending.remove(key, p);
            p.future.completeExceptionally(new BitMaxTransportException(what + ": the connection is closing", false, null));
            return p.future;
        }
        ScheduledFuture<?> timer = scheduler.schedule(() -> {
            if (pending.remove(key, p)) {
                p.future.completeExceptionally(new BitMaxTransportException(
                    what + ": no reply within " + timeout.toMillis() + " ms", true, null));
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        p.future.whenComplete((r, e) -> timer.cancel(false));
        return p.future;
    }

    /** Completes the request a message replies to, if any: with the message, or failed when it says no. */
    void complete(StreamMessage message) {
        String key = null;
        Throwable failure = null;
        if (message instanceof OrderAck ack) {
            key = ack.id();
            if (!ack.isSuccess()) {
                failure = new BitMaxApiException(ack.code() == null ? 0 : ack.code(),
                    ack.info() == null ? null : ack.info().reason(), ack.info() == null ? null : ack.info().errorMsg(), 0);
            }
        } else if (message instanceof AccountSnapshot s) {
            key = s.id();
        } else if (message instanceof DepthSnapshot s) {
            key = depthSnapshotKey(s.symbol());
        } else if (message instanceof SubscriptionAck ack) {
            key = ack.id();
            if (ack.code() != null && ack.code() != 0) {
                failure = new BitMaxApiException(ack.code(), ack.reason(), ack.info() != null ? ack.info() : ack.error(), 0);
            }
        } else if (message instanceof AuthResult auth) {
            key = auth.id();
            if (auth.code() == null || auth.code() != 0) {
                failure = new BitMaxApiException(auth.code() == null ? 0 : auth.code(), null, auth.error(), 0);
            }
        } else if (message instanceof ErrorMessage err) {
            key = err.id();
            failure = new BitMaxApiException(err.code() == null ? 0 : err.code(), err.reason(),
                err.info() != null ? err.info() : err.error(), 0);
        }
        if (key == null) {
            return;
        }
        Pending<?> p = pending.remove(key);
        if (p == null) {
            return;
        }
        if (failure != null) {
            p.future.completeExceptionally(failure);
        } else {
            p.complete(message);
        }
    }

    /** Fails every request still waiting: the connection that would carry its reply is gone. */
    void failAll(String reason) {
        for (Map.Entry<String, Pending<?>> e : pending.entrySet()) {
            if (pending.remove(e.getKey(), e.getValue())) {
                e.getValue().future.completeExceptionally(new BitMaxTransportException(
                    e.getValue().what + ": connection lost before the reply (" + reason + ")", true, null));
            }
        }
    }

    private static final class Pending<T extends StreamMessage> {
        final String what;
        final Class<T> type;
        final CompletableFuture<T> future = new CompletableFuture<>();

        Pending(String what, Class<T> type) {
            this.what = what;
            this.type = type;
        }

        void complete(StreamMessage message) {
            if (type.isInstance(message)) {
                future.complete(type.cast(message));
            } else {
                future.completeExceptionally(new IllegalStateException(what + ": unexpected reply " + message.type()));
            }
        }
    }
}
