package dev.bitmaxconnect.distribution.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads topics from their beginning on a background thread for as long as a suite runs, so scenarios look at what
 * was written without reading the topics again each time.
 */
final class TopicRecorder implements AutoCloseable {

    /** One record as read: its key, its value as JSON (null when it is not JSON), and when it was read. */
    record Seen(String key, JsonNode value, long readAtMillis) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, List<Seen>> byTopic = new ConcurrentHashMap<>();
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    TopicRecorder(String bootstrapServers, Collection<String> topics) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "topic-recorder-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumer = new KafkaConsumer<>(props);
        for (String topic : topics) {
            byTopic.put(topic, new CopyOnWriteArrayList<>());
        }
        consumer.subscribe(topics);
        thread = new Thread(this::run, "topic-recorder");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
                    byTopic.get(r.topic()).add(new Seen(key, json(r.value()), System.currentTimeMillis()));
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private static JsonNode json(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            return null;
        }
    }

    /** Every record of the topic read so far, in topic order (the suite's topics have one partition each). */
    List<Seen> records(String topic) {
        return new ArrayList<>(byTopic.get(topic));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }
}
