package dev.bitmaxconnect.sink.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Reads the results topic back: the sink's own history of the orders it placed, so that a task started
 * after a restart knows their orderIds whatever their age. Bounded: the first read starts
 * {@code maxRecords} records before the end of each partition (or at its beginning, if the topic's
 * retention has deleted more); each later read takes what was written since the one before.
 */
public final class ResultsReader implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(200);

    private final String topic;
    private final org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer;
    private final long maxRecords;
    private final Duration timeout;
    /** Where the next read of each partition starts: the end reached by the last one. */
    private final Map<TopicPartition, Long> next = new HashMap<>();

    /**
     * An order a result record names as placed: the exchange accepted it, or already held it.
     *
     * @param topic the command's topic, partition and offset
     * @param resultTime when the result was written
     */
    public record PlacedOrder(String clientId, String orderId, String topic, int partition, long offset,
                              long resultTime) {
    }

    public ResultsReader(String topic, org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer,
                         long maxRecords, Duration timeout) {
        this.topic = topic;
        this.consumer = consumer;
        this.maxRecords = maxRecords;
        this.timeout = timeout;
    }

    /**
     * A reader whose consumer takes the connection settings of the results producer ({@code props}, the
     * {@code results.producer.} settings), so that it reaches the same brokers with the same credentials.
     */
    public static ResultsReader create(String topic, Map<String, Object> props, String clientId, long maxRecords,
                                       Duration timeout) {
        Map<String, Object> config = new HashMap<>();
        // Producer-only settings (acks, linger.ms, ...) would only make the consumer warn
        props.forEach((k, v) -> {
            if (ConsumerConfig.configNames().contains(k)) {
                config.put(k, v);
            }
        });
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new ResultsReader(topic, new KafkaConsumer<>(config), maxRecords, timeout);
    }

    /**
     * Reads up to the end the topic has now, handing every placed order a result names to {@code placed},
     * oldest first. Returns the number of records read.
     *
     * @throws ConnectException when the end is not reached within the timeout
     */
    public long readToEnd(Consumer<PlacedOrder> placed) {
        List<TopicPartition> partitions = new ArrayList<>();
        try {
            for (PartitionInfo p : consumer.partitionsFor(topic, timeout)) {
                partitions.add(new TopicPartition(p.topic(), p.partition()));
            }
        } catch (UnknownTopicOrPartitionException e) {
            return 0;
        }
        if (partitions.isEmpty()) {
            return 0; // not created yet: nothing was written
        }
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, timeout);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        List<TopicPartition> behind = new ArrayList<>();
        Map<TopicPartition, Long> from = new HashMap<>();
        for (TopicPartition tp : partitions) {
            long first = Math.max(begin.get(tp), next.getOrDefault(tp, end.get(tp) - maxRecords));
            if (first < end.get(tp)) {
                behind.add(tp);
                from.put(tp, first);
            } else {
                next.put(tp, end.get(tp));
            }
        }
        consumer.assign(behind);
        from.forEach(consumer::seek);
        long read = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!behind.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new ConnectException("Could not read the results topic " + topic + " back to its end within "
                        + timeout.toMillis() + " ms (" + read + " records read); check the brokers, or read fewer "
                        + "records back");
            }
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                placedOrders(r.value(), placed);
                read++;
            }
            behind.removeIf(tp -> {
                long position = consumer.position(tp, timeout);
                next.put(tp, position);
                return position >= end.get(tp);
            });
        }
        consumer.assign(List.of());
        return read;
    }

    /**
     * The placed orders a result record names: each order of a {@code place} or {@code place-batch} command
     * that the exchange accepted or already held. A record that is not a result names none.
     */
    public static void placedOrders(byte[] value, Consumer<PlacedOrder> placed) {
        JsonNode result;
        try {
            result = value == null ? null : JSON.readTree(value);
        } catch (IOException e) {
            return;
        }
        if (result == null || !result.isObject()) {
            return;
        }
        String action = result.path("action").asText();
        if (!action.equals("place") && !action.equals("place-batch")) {
            return;
        }
        // One copy of a topic's name for the many orders kept from it
        String commandTopic = result.path("topic").asText().intern();
        for (JsonNode order : result.path("orders")) {
            String status = order.path("status").asText();
            JsonNode clientId = order.path("clientId");
            JsonNode orderId = order.path("orderId");
            if ((status.equals(ResultStatus.ACCEPTED.wireName()) || status.equals(ResultStatus.DUPLICATE.wireName()))
                    && clientId.isTextual() && orderId.isTextual()) {
                placed.accept(new PlacedOrder(clientId.asText(), orderId.asText(), commandTopic,
                        result.path("partition").asInt(), result.path("offset").asLong(),
                        result.path("timestamp").asLong()));
            }
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
