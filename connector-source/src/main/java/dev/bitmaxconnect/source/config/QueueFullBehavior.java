package dev.bitmaxconnect.source.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the WebSocket reader does with a market-data message when the queue to {@code poll()} is full. */
public enum QueueFullBehavior {
    /** Wait for room: back-pressure reaches the socket; nothing is dropped while the connection holds. */
    BLOCK,
    /** Drop the message, count it, and mark a gap on the channel's next record. */
    DROP;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static QueueFullBehavior fromConfigName(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    public static List<String> configNames() {
        return Arrays.stream(values()).map(QueueFullBehavior::configName).collect(Collectors.toList());
    }
}
