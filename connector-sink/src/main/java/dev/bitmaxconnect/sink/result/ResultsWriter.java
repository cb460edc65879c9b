package dev.bitmaxconnect.sink.result;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.bitmaxconnect.client.json.BitMaxJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Writes result records (JSON, keyed by command id) with the task's own producer. {@link #flush()}
 * returns only when every result written so far is acknowledged, so that offsets can be committed.
 */
public final class ResultsWriter implements AutoCloseable {

    private final String topic;
    private final Producer<byte[], byte[]> producer;
    private final AtomicReference<Exception> firstError = new AtomicReference<>();

    public ResultsWriter(String topic, Producer<byte[], byte[]> producer) {
        this.topic = topic;
        this.producer = producer;
    }

    /** A writer whose producer is built from {@code props} (the {@code results.producer.} settings). */
    public static ResultsWriter create(String topic, Map<String, Object> props, String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.putAll(props);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new ResultsWriter(topic, new KafkaProducer<>(config));
    }

    public void write(CommandResult result) {
        byte[] key = result.commandId().getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(topic, key, toJson(result)), (md, e) -> {
            if (e != null) {
                firstError.compareAndSet(null, e);
            }
        });
    }

    /** Waits until every result is acknowledged; throws when one could not be written. */
    public void flush() {
        producer.flush();
        Exception e = firstError.get();
        if (e != null) {
            throw new ConnectException("Could not write to the results topic " + topic + ": " + e.getMessage(), e);
        }
    }

    /** The longest message a result record carries. */
    static final int MAX_MESSAGE = 2_000;

    /**
     * The record's value, written in one pass (the results topic's format: field order, nulls written as null,
     * characters beyond the BMP as escaped surrogate pairs, as the tree serialised by a plain mapper gave).
     */
    public static byte[] toJson(CommandResult r) {
        return BitMaxJson.writeObject(g -> writeResult(g, r));
    }

    // The field names, encoded once: a record is mostly names.
    private static final SerializedString COMMAND_ID = new SerializedString("commandId");
    private static final SerializedString GIVEN_ID = new SerializedString("givenId");
    private static final SerializedString ACTION = new SerializedString("action");
    private static final SerializedString STATUS = new SerializedString("status");
    private static final SerializedString ORDER_ID = new SerializedString("orderId");
    private static final SerializedString CODE = new SerializedString("code");
    private static final SerializedString REASON = new SerializedString("reason");
    private static final SerializedString MESSAGE = new SerializedString("message");
    private static final SerializedString REQUEST_TIME = new SerializedString("requestTime");
    private static final SerializedString LATENCY_MS = new SerializedString("latencyMs");
    private static final SerializedString ATTEMPTS = new SerializedString("attempts");
    private static final SerializedString ORDERS = new SerializedString("orders");
    private static final SerializedString CLIENT_ID = new SerializedString("clientId");
    private static final SerializedString TOPIC = new SerializedString("topic");
    private static final SerializedString PARTITION = new SerializedString("partition");
    private static final SerializedString OFFSET = new SerializedString("offset");
    private static final SerializedString CONNECTOR = new SerializedString("connector");
    private static final SerializedString TIMESTAMP = new SerializedString("timestamp");

    private static void writeResult(JsonGenerator g, CommandResult r) throws IOException {
        text(g, COMMAND_ID, r.commandId());
        // A command's id is whatever its writer put there, refused ones included: no longer than a message.
        text(g, GIVEN_ID, bounded(r.givenId()));
        text(g, ACTION, r.action());
        text(g, STATUS, r.status().wireName());
        text(g, ORDER_ID, r.orderId());
        numberOrNull(g, CODE, r.code());
        text(g, REASON, r.reason());
        text(g, MESSAGE, bounded(r.message()));
        numberOrNull(g, REQUEST_TIME, r.requestTime());
        number(g, LATENCY_MS, r.latencyMs());
        number(g, ATTEMPTS, r.attempts());
        g.writeFieldName(ORDERS);
        g.writeStartArray();
        for (ItemOutcome o : r.orders()) {
            g.writeStartObject();
            text(g, CLIENT_ID, o.clientId());
            text(g, ORDER_ID, o.orderId());
            text(g, STATUS, o.status().wireName());
            numberOrNull(g, CODE, o.code());
            text(g, REASON, o.reason());
            text(g, MESSAGE, bounded(o.message()));
            g.writeEndObject();
        }
        g.writeEndArray();
        text(g, TOPIC, r.topic());
        number(g, PARTITION, r.partition());
        number(g, OFFSET, r.offset());
        text(g, CONNECTOR, r.connector());
        number(g, TIMESTAMP, r.timestamp());
    }

    /** A string field; null is written as null. */
    private static void text(JsonGenerator g, SerializableString name, String value) throws IOException {
        g.writeFieldName(name);
        g.writeString(value);
    }

    private static void number(JsonGenerator g, SerializableString name, long value) throws IOException {
        g.writeFieldName(name);
        g.writeNumber(value);
    }

    private static void numberOrNull(JsonGenerator g, SerializableString name, Number value) throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(value.longValue());
        }
    }

    /**
     * A message cut to {@link #MAX_MESSAGE} characters: an exchange may answer with megabytes of text, and a
     * result record over the producer's {@code max.request.size} would fail the task.
     */
    static String bounded(String message) {
        if (message == null || message.length() <= MAX_MESSAGE) {
            return message;
        }
        return message.substring(0, MAX_MESSAGE) + "... (" + message.length() + " characters)";
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
