package dev.bitmaxconnect.source.metrics;

/** The JMX view of one source task's counters. */
public interface SourceTaskMetricsMBean {
    /** WebSocket messages (and REST recovery items) received. */
    long getMessagesIn();

    /** Records handed to Connect by poll(). */
    long getRecordsOut();

    /** WebSocket reconnects after a lost connection. */
    long getReconnects();

    /** Sequence gaps detected on depth and trades (and messages dropped by a full queue). */
    long getGaps();

    /** Market-data messages dropped because the queue was full (queue.full.behavior=drop). */
    long getDroppedMessages();

    /** Messages that could not be decoded or mapped; each is logged, truncated. */
    long getUndecodableMessages();

    /** Order states emitted from the REST recovery rather than the stream. */
    long getRecoveredOrderStates();

    /** Subscriptions the exchange refused (an unknown symbol, a channel the key may not read). */
    long getRefusedSubscriptions();

    /** Messages waiting in the queue between the WebSocket and poll(). */
    int getQueueDepth();

    /** Milliseconds from the exchange's time of the last polled record to its poll(). */
    long getLastLagMs();

    /** Largest exchange-time-to-poll lag seen since the task started, in milliseconds. */
    long getMaxLagMs();
}
