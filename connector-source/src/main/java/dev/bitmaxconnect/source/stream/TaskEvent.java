package dev.bitmaxconnect.source.stream;

import java.util.List;

import org.apache.kafka.connect.source.SourceRecord;

import dev.bitmaxconnect.client.stream.StreamMessage;

/** What the task's WebSocket and REST threads hand to {@code poll()} through the bounded queue. */
public sealed interface TaskEvent {

    /**
     * A message read from a WebSocket connection, with the wall-clock time it was received, and the text of its
     * frame when the records carry it ({@code value.format=exchange-json}), else null.
     */
    record Message(StreamMessage message, boolean fromPrivateStream, long receivedAtMs, String frameText)
            implements TaskEvent {
        public Message(StreamMessage message, boolean fromPrivateStream, long receivedAtMs) {
            this(message, fromPrivateStream, receivedAtMs, null);
        }
    }

    /** A WebSocket session was lost; messages sent until the next one are gone. */
    record SessionLost(boolean privateStream) implements TaskEvent {
    }

    /**
     * The private stream's recovery: order states read over REST and the account snapshot, taken after the
     * private session that followed {@code generation} losses was subscribed.
     */
    record Recovery(long generation, List<PrivateEvent> events) implements TaskEvent {
    }

    /** Records built off the poll thread (reference data). */
    record Records(List<SourceRecord> records) implements TaskEvent {
    }

    /** An error that must stop the task, with a message that says what to fix. */
    record Fatal(String message, Throwable cause) implements TaskEvent {
    }
}
