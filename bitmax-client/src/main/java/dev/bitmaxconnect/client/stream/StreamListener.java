package dev.bitmaxconnect.client.stream;

/**
 * Receives what a {@link BitMaxStream} reads, on one dispatch thread, in order. Pings and pongs are
 * answered internally and not delivered; everything else is.
 */
public interface StreamListener {
    /** A decoded message (market data, private updates, acks, errors, unknown messages). */
    void onMessage(StreamMessage message);

    /**
     * A decoded message with the text of the frame it was read from, verbatim; called instead of
     * {@link #onMessage(StreamMessage)} when the stream was built with {@link BitMaxStream.Builder#frameText(boolean)}.
     * By default the text is dropped.
     */
    default void onMessage(StreamMessage message, String frameText) {
        onMessage(message);
    }

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
