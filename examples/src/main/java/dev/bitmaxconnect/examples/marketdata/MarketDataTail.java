package dev.bitmaxconnect.examples.marketdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the source connector's trades and depth topics (values written by {@code JsonConverter}, with or without
 * schemas) with a plain {@link KafkaConsumer} and prints one line per record: its key (the symbol), its timestamp
 * (the exchange's time of the event), the {@code bitmax.*} headers and the value; a record after missed messages
 * ({@code gapBefore}) is flagged, since what was missed cannot be replayed.
 *
 * <p>Arguments: {@code <bootstrap servers> <topic>[,<topic>...] [records=20]}, e.g.
 * {@code localhost:9092 bitmax.trades,bitmax.depth 20}.
 */
public final class MarketDataTail {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A market-data record as a consumer reads it. */
    public record Tick(String topic, String symbol, Instant timestamp, String channel, Long seqnumHeader, boolean gapHeader,
            JsonNode value) {

        /** A depth book kept from these updates must be rebuilt from a snapshot; a trade series has a hole. */
        public boolean gapBefore() {
            return gapHeader || value.path("gapBefore").asBoolean(false);
        }

        @Override
        public String toString() {
            return String.format("%s key=%s ts=%s channel=%s seqnum=%s%s %s", topic, symbol, timestamp, channel,
                    seqnumHeader, gapBefore() ? " GAP BEFORE" : "", value);
        }
    }

    private MarketDataTail() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: MarketDataTail <bootstrap servers> <topic>[,<topic>...] [records=20]");
            System.exit(2);
        }
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        read(args[0], List.of(args[1].split(",")), count, Duration.ofSeconds(30)).forEach(System.out::println);
    }

    /** Up to {@code count} records of the topics from their beginning, within the timeout. */
    public static List<Tick> read(String bootstrapServers, List<String> topics, int count, Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "market-data-tail-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<Tick> ticks = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(topics);
            while (ticks.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (ticks.size() < count && record.value() != null) {
                        ticks.add(tick(record));
                    }
                }
            }
        }
        return ticks;
    }

    /** One record: the value without its schema envelope, the headers as text. */
    public static Tick tick(ConsumerRecord<String, byte[]> record) {
        JsonNode value;
        try {
            value = JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON at " + record.topic() + "-" + record.partition() + "@"
                    + record.offset(), e);
        }
        if (value.has("schema") && value.has("payload")) {
            value = value.get("payload");
        }
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        String seqnum = headers.get("bitmax.seqnum");
        return new Tick(record.topic(), record.key(), Instant.ofEpochMilli(record.timestamp()), headers.get("bitmax.channel"),
                seqnum == null ? null : Long.valueOf(seqnum), "true".equals(headers.get("bitmax.gap")), value);
    }
}
