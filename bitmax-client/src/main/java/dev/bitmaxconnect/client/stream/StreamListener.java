package dev.bitmaxconnect.client.stream;

/**
 * Receives what a {@link BitMaxStream} reads, on one dispatch thread, in order. Pings and pongs are
 * answered internally and not delivered; everything else is.
 */
public interface StreamListener {
    /** A decoded message (market data, private updates, acks, errors, unknown messages). */
    void onMessage(StreamMessage message);

    /** The first session is up (and authenticated when the stream is private). */
    default void onConnected() {
    }

    /**
     * A new session replaced a lost one, re-authenticated and re-subscribed. Private data sent while
     * disconnected is gone: reconcile now (open orders, order history, account snapshot).
     */
    default void onReconnected() {
    }

    /** The session was lost (the stream will reconnect unless closed). */
    default void onDisconnected(String reason) {
    }

    /** Something went wrong that the stream handled on its own (a failed reconnect, a rejected auth, ...). */
    default void onError(Throwable error) {
    }
}
