package dev.bitmaxconnect.sink.result;

import com.fasterxml.jackson.core.JsonGenerator;
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

    private static void writeResult(JsonGenerator g, CommandResult r) throws IOException {
        g.writeStringField("commandId", r.commandId());
        // A command's id is whatever its writer put there, refused ones included: no longer than a message.
        g.writeStringField("givenId", bounded(r.givenId()));
        g.writeStringField("action", r.action());
        g.writeStringField("status", r.status().wireName());
        g.writeStringField("orderId", r.orderId());
        writeNumberOrNull(g, "code", r.code());
        g.writeStringField("reason", r.reason());
        g.writeStringField("message", bounded(r.message()));
        writeNumberOrNull(g, "requestTime", r.requestTime());
        g.writeNumberField("latencyMs", r.latencyMs());
        g.writeNumberField("attempts", r.attempts());
        g.writeArrayFieldStart("orders");
        for (ItemOutcome o : r.orders()) {
            g.writeStartObject();
            g.writeStringField("clientId", o.clientId());
            g.writeStringField("orderId", o.orderId());
            g.writeStringField("status", o.status().wireName());
            writeNumberOrNull(g, "code", o.code());
            g.writeStringField("reason", o.reason());
            g.writeStringField("message", bounded(o.message()));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("topic", r.topic());
        g.writeNumberField("partition", r.partition());
        g.writeNumberField("offset", r.offset());
        g.writeStringField("connector", r.connector());
        g.writeNumberField("timestamp", r.timestamp());
    }

    private static void writeNumberOrNull(JsonGenerator g, String name, Integer value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value.intValue());
        }
    }

    private static void writeNumberOrNull(JsonGenerator g, String name, Long value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value.longValue());
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
