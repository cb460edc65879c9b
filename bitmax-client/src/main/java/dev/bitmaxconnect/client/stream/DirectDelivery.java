package dev.bitmaxconnect.client.stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the listener on the thread that has the event: the socket's reader for messages, in the order they were
 * read. No buffer and no thread of its own, so no hand-over between threads for each message; the listener is the
 * buffer, and while it blocks the socket is not read (the exchange's own back-pressure). For listeners that only
 * queue what they get: one that blocks for long stalls the session, and since lifecycle events may come from other
 * threads (a session declared silent, a reconnect), it must be thread-safe. The {@link ListenerDispatcher} puts its
 * buffer and thread in front of one of these.
 */
final class DirectDelivery implements ListenerDelivery {
    private static final Logger log = LoggerFactory.getLogger(BitMaxStream.class); // one logger for the stream

    private final StreamListener listener;
    /** Whether messages travel with their frame text, to {@link StreamListener#onMessage(StreamMessage, String)}. */
    private final boolean frameText;

    DirectDelivery(StreamListener listener, boolean frameText) {
        this.listener = listener;
        this.frameText = frameText;
    }

    /** Whether the listener takes each message with its frame's text. */
    boolean keepsFrameText() {
        return frameText;
    }

    @Override
    public void start() {
    }

    @Override
    public boolean deliver(StreamMessage message, String text) {
        try {
            if (frameText) {
                listener.onMessage(message, text);
            } else {
                listener.onMessage(message);
            }
        } catch (RuntimeException e) {
            failed(message.getClass().getSimpleName(), e);
        }
        return true;
    }

    @Override
    public void connected(boolean first) {
        call(first ? "onConnected" : "onReconnected", first ? listener::onConnected : listener::onReconnected);
    }

    @Override
    public void disconnected(String reason) {
        call("onDisconnected", () -> listener.onDisconnected(reason));
    }

    @Override
    public void error(Throwable error) {
        call("onError", () -> listener.onError(error));
    }

    @Override
    public boolean hasRoom() {
        return true;
    }

    @Override
    public long dropped() {
        return 0;
    }

    @Override
    public long bufferFullEvents() {
        return 0;
    }

    @Override
    public void stop() {
    }

    /** A lifecycle call (rare, unlike messages, so a lambda for it costs nothing that matters). */
    private static void call(String event, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            failed(event, e);
        }
    }

    /** A listener's failure is logged and the stream goes on. */
    private static void failed(String event, RuntimeException e) {
        log.error("BitMax stream listener failed on {}: {}", event, e.toString(), e);
    }
}
