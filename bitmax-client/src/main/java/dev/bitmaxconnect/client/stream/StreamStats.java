package dev.bitmaxconnect.client.stream;

/**
 * Counters of a {@link BitMaxStream} at one moment.
 *
 * @param messagesReceived frames decoded since the stream was built
 * @param messagesDropped messages not delivered because the listener buffer was full
 * @param bufferFullEvents times a message found the listener buffer full (whatever the policy did then)
 * @param reconnects sessions opened after the first
 * @param unknownMessages frames decoded as {@link StreamMessage.Unknown}
 * @param rejectedFrames frames not decoded: binary, or larger than {@code maxFrameBytes}
 */
public record StreamStats(long messagesReceived, long messagesDropped, long bufferFullEvents, long reconnects,
                          long unknownMessages, long rejectedFrames) {
    /** Counters without rejected frames (the shape before {@code rejectedFrames} existed). */
    public StreamStats(long messagesReceived, long messagesDropped, long bufferFullEvents, long reconnects,
                       long unknownMessages) {
        this(messagesReceived, messagesDropped, bufferFullEvents, reconnects, unknownMessages, 0);
    }
}
