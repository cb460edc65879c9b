package dev.bitmaxconnect.sink.result;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    private static final ObjectMapper JSON = new ObjectMapper();

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

    public static byte[] toJson(CommandResult r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("commandId", r.commandId());
        // A command's id is whatever its writer put there, refused ones included: no longer than a message.
        n.put("givenId", bounded(r.givenId()));
        n.put("action", r.action());
        n.put("status", r.status().wireName());
        n.put("orderId", r.orderId());
        if (r.code() == null) {
            n.putNull("code");
        } else {
            n.put("code", r.code());
        }
        n.put("reason", r.reason());
        n.put("message", bounded(r.message()));
        if (r.requestTime() == null) {
            n.putNull("requestTime");
        } else {
            n.put("requestTime", r.requestTime());
        }
        n.put("latencyMs", r.latencyMs());
        n.put("attempts", r.attempts());
        ArrayNode orders = n.putArray("orders");
        for (ItemOutcome o : r.orders()) {
            ObjectNode item = orders.addObject();
            item.put("clientId", o.clientId());
            item.put("orderId", o.orderId());
            item.put("status", o.status().wireName());
            if (o.code() == null) {
                item.putNull("code");
            } else {
                item.put("code", o.code());
            }
            item.put("reason", o.reason());
            item.put("message", bounded(o.message()));
        }
        n.put("topic", r.topic());
        n.put("partition", r.partition());
        n.put("offset", r.offset());
        n.put("connector", r.connector());
        n.put("timestamp", r.timestamp());
        try {
            return JSON.writeValueAsBytes(n);
        } catch (Exception e) {
            throw new IllegalStateException("cannot serialise a result", e);
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
