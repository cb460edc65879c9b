package dev.bitmaxconnect.examples.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the commands, results and order topics from their beginning up to where they end when it starts, with a
 * plain {@link KafkaConsumer} (no group, nothing committed), joins them ({@link OrderLifecycles}) and prints each
 * order's lifecycle.
 *
 * <p>Arguments: {@code <bootstrap servers> <commands topic> <results topic> <order topic>}, e.g.
 * {@code localhost:9092 bitmax-commands bitmax-results bitmax.order}.
 */
public final class OrderLifecycleReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OrderLifecycleReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: OrderLifecycleReport <bootstrap servers> <commands topic> <results topic> <order topic>");
            System.exit(2);
        }
        System.out.print(format(read(args[0], args[1], args[2], args[3])));
    }

    /** Every lifecycle the three topics hold now. */
    public static List<OrderLifecycles.Lifecycle> read(String bootstrapServers, String commandsTopic, String resultsTopic,
            String orderTopic) throws IOException {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        // the source connector may write the order topic in transactions: read what they committed
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        OrderLifecycles join = new OrderLifecycles();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(commandsTopic, resultsTopic, orderTopic)) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30)).forEach(p -> partitions.add(new TopicPartition(topic,
                        p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() == null) {
                        continue; // a tombstone carries nothing to join
                    }
                    JsonNode value = JSON.readTree(record.value());
                    if (record.topic().equals(commandsTopic)) {
                        join.command(new OrderLifecycles.Position(record.topic(), record.partition(), record.offset()), value);
                    } else if (record.topic().equals(resultsTopic)) {
                        join.result(value);
                    } else {
                        join.orderEvent(value);
                    }
                }
            }
        }
        return join.lifecycles();
    }

    /** One block per order: the command, the sink's result, the order's states and cancels, its final state. */
    public static String format(List<OrderLifecycles.Lifecycle> lifecycles) {
        StringBuilder out = new StringBuilder();
        for (OrderLifecycles.Lifecycle l : lifecycles) {
            out.append(String.format("%s %s %s  (%s)%n", l.givenId() == null ? "(no id)" : l.givenId(), l.action(),
                    l.summary(), l.command()));
            out.append(String.format("    result  %s%s, client id %s%s%n", l.resultStatus() == null ? "none yet" : l.resultStatus(),
                    l.reason() == null ? "" : " " + l.reason(), l.clientId(),
                    l.orderId() == null ? "" : ", orderId " + l.orderId()));
            if (!l.states().isEmpty()) {
                out.append("    order   ").append(l.states().stream()
                        .map(s -> s.status() + " " + s.cumFilledQty() + (s.avgFilledPx().isEmpty() || "0".equals(s.cumFilledQty())
                                ? "" : " @ " + s.avgFilledPx()))
                        .collect(Collectors.joining(" -> "))).append(System.lineSeparator());
            }
            for (String cancel : l.cancels()) {
                out.append("    cancel  by ").append(cancel).append(System.lineSeparator());
            }
            out.append(String.format("    final   %s%s%n", l.finalStatus(), l.isFinal() ? "" : " (not final yet)"));
        }
        return out.toString();
    }
}
