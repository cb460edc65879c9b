package dev.bitmaxconnect.client.stream;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The channels a stream subscribes on every session, in the order they were asked for, and the futures of
 * subscriptions asked for while no session was up (they complete with the ack of the next session's).
 */
final class Subscriptions {
    private final Set<StreamChannel> channels = new LinkedHashSet<>();
    private final Map<StreamChannel, CompletableFuture<Void>> waiting = new HashMap<>();

    synchronized void add(StreamChannel channel) {
        channels.add(channel);
    }

    /** Adds a channel while no session is up; the future completes with the next session's ack. */
    synchronized CompletableFuture<Void> addForNextSession(StreamChannel channel) {
        channels.add(channel);
        return waiting.computeIfAbsent(channel, c -> new CompletableFuture<>());
    }

    synchronized void remove(StreamChannel channel) {
        channels.remove(channel);
        CompletableFuture<Void> waiter = waiting.remove(channel);
        if (waiter != null) {
            waiter.cancel(false);
        }
    }

    synchronized List<StreamChannel> all() {
        return List.copyOf(channels);
    }

    /** A new session sent the subscription: whoever waited for it hears its ack. */
    void sent(StreamChannel channel, CompletableFuture<Void> ack) {
        CompletableFuture<Void> waiter;
        synchronized (this) {
            waiter = waiting.remove(channel);
        }
        if (waiter != null) {
            ack.whenComplete((ok, error) -> {
                if (error != null) {
                    waiter.completeExceptionally(error);
                } else {
                    waiter.complete(null);
                }
            });
        }
    }
}
