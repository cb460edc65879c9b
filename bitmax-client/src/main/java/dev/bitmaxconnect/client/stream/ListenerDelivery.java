package dev.bitmaxconnect.client.stream;

/**
 * How a stream hands messages and lifecycle events to its {@link StreamListener}: through a buffer and a thread of
 * its own ({@link ListenerDispatcher}, the default), or on the thread that read the frame ({@link DirectDelivery}).
 */
interface ListenerDelivery {

    void start();

    /**
     * Hands over a message, read from {@code text}. False when it was dropped for want of room under the
     * {@code RECONNECT} overflow policy: the caller resets the session.
     */
    boolean deliver(StreamMessage message, String text);

    void connected(boolean first);

    void disconnected(String reason);

    void error(Throwable error);

    /** False while the listener is behind. */
    boolean hasRoom();

    long dropped();

    long bufferFullEvents();

    /** Stops handing over; what is still buffered is delivered first, for a while. */
    void stop();
}
