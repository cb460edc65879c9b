package dev.bitmaxconnect.bench.source;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.bitmaxconnect.source.config.BitMaxSourceConfig;
import dev.bitmaxconnect.source.config.ValueFormat;

/**
 * What a run appended to its topics, read back in one pass: the latency (append time minus the exchange time found
 * in the payload) of every record appended within the measured window, and the first payloads, kept for the bare
 * producer baselines. Streaming keeps a run of millions of records from holding them all in memory.
 */
final class AppendedRecords {
    /** Payloads kept for the bare producer baselines: enough for seconds of sending, bounded in memory. */
    static final int MAX_KEPT_PAYLOADS = 2_000_000;
    private static final JsonFactory JSON = new JsonFactory();

    record Payload(byte[] key, byte[] value) {
    }

    private final List<Payload> payloads = new ArrayList<>();
    private long[] latencies = new long[1 << 16];
    private int inWindow;

    /**
     * Reads the topics (one partition each) to their end; {@code timeField} names the payload field holding the
     * exchange time in milliseconds (its first occurrence counts).
     */
    static AppendedRecords read(String bootstrapServers, List<String> topics, String timeField, long windowStart,
            long windowEnd) throws IOException {
        AppendedRecords read = new AppendedRecords();
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-reader-" + UUID.randomUUID(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = topics.stream().map(topic -> new TopicPartition(topic, 0)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    read.add(record, timeField, windowStart, windowEnd);
                }
            }
        }
        return read;
    }

    /**
     * The payload field holding the exchange time in the records of a connector with this configuration: the typed
     * records' {@code time}, or the exchange's own {@code ts} with {@code value.format=exchange-json}.
     */
    static String exchangeTimeField(Map<String, String> connectorConfig) {
        String format = connectorConfig.getOrDefault(BitMaxSourceConfig.VALUE_FORMAT, ValueFormat.TYPED.configName());
        return ValueFormat.fromConfigName(format) == ValueFormat.EXCHANGE_JSON ? "ts" : "time";
    }

    private void add(ConsumerRecord<byte[], byte[]> record, String timeField, long windowStart, long windowEnd)
            throws IOException {
        if (payloads.size() < MAX_KEPT_PAYLOADS) {
            payloads.add(new Payload(record.key(), record.value()));
        }
        long appended = record.timestamp();
        if (appended < windowStart || appended >= windowEnd) {
            return;
        }
        if (inWindow == latencies.length) {
            latencies = Arrays.copyOf(latencies, latencies.length * 2);
        }
        latencies[inWindow++] = appended - firstLong(record.value(), timeField);
    }

    /** Records appended within the window. */
    int inWindow() {
        return inWindow;
    }

    long[] sortedLatencies() {
        long[] sorted = Arrays.copyOf(latencies, inWindow);
        Arrays.sort(sorted);
        return sorted;
    }

    List<Payload> payloads() {
        return payloads;
    }

    private static long firstLong(byte[] json, String field) throws IOException {
        try (JsonParser parser = JSON.createParser(json)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME && field.equals(parser.currentName())) {
                    parser.nextToken();
                    return parser.getLongValue();
                }
            }
        }
        throw new IOException("no " + field + " in " + new String(json, java.nio.charset.StandardCharsets.UTF_8));
    }
}
