package dev.bitmaxconnect.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every topic under the quickstart's prefix and prints what flows, one readable line per record:
 * market data throttled to a line per symbol and second, every order event, result and command. Counts
 * records per topic for the closing check.
 */
final class FlowPrinter implements Runnable, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final int MAX_LINE = 160;
    /** Market data ticks fast: at most one line per topic and key in this interval. */
    private static final Duration TICK_THROTTLE = Duration.ofSeconds(1);

    private final KafkaConsumer<String, String> consumer;
    private final String prefix;
    private final PrintStream out;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastPrinted = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Consumer<String> onFirstRecord;
    private final AtomicBoolean firstSeen = new AtomicBoolean();

    FlowPrinter(String bootstrapServers, String prefix, PrintStream out, Consumer<String> onFirstRecord) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bitmax-quickstart-printer-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // New topics appear as the connectors start: look for them often.
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        this.consumer = new KafkaConsumer<>(props);
        this.prefix = prefix;
        this.out = out;
        this.onFirstRecord = onFirstRecord;
    }

    @Override
    public void run() {
        try {
            // The source's topics are <prefix>.<channel>, the sink's <prefix>-commands and <prefix>-results.
            consumer.subscribe(Pattern.compile(Pattern.quote(prefix) + "[.-].+"));
            while (running.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    counts.computeIfAbsent(record.topic(), t -> new LongAdder()).increment();
                    if (firstSeen.compareAndSet(false, true)) {
                        onFirstRecord.accept(record.topic());
                    }
                    if (shouldPrint(record)) {
                        out.println(format(record));
                    }
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
        }
    }

    /** Records seen per topic so far. */
    Map<String, Long> counts() {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((topic, count) -> snapshot.put(topic, count.sum()));
        return snapshot;
    }

    private boolean shouldPrint(ConsumerRecord<String, String> record) {
        String kind = kind(record.topic());
        if (!isTicking(kind)) {
            return true;
        }
        String throttleKey = record.topic() + "|" + record.key();
        Instant now = Instant.now();
        Instant last = lastPrinted.get(throttleKey);
        if (last != null && Duration.between(last, now).compareTo(TICK_THROTTLE) < 0) {
            return false;
        }
        lastPrinted.put(throttleKey, now);
        return true;
    }

    private static boolean isTicking(String kind) {
        return kind.equals("bbo") || kind.equals("depth") || kind.equals("trades") || kind.equals("pricing")
                || kind.equals("bar") || kind.startsWith("ref.");
    }

    private String kind(String topic) {
        boolean underPrefix = topic.length() > prefix.length() + 1 && topic.startsWith(prefix)
                && (topic.charAt(prefix.length()) == '.' || topic.charAt(prefix.length()) == '-');
        return underPrefix ? topic.substring(prefix.length() + 1) : topic;
    }

    String format(ConsumerRecord<String, String> record) {
        String time = LocalTime.ofInstant(Instant.ofEpochMilli(record.timestamp()), ZoneId.systemDefault())
                .format(CLOCK);
        String kind = kind(record.topic());
        String line = time + "  " + String.format("%-8s", kind.toUpperCase(java.util.Locale.ROOT)) + " "
                + describe(kind, record.key(), record.value());
        return line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE - 3) + "...";
    }

    /** One readable line for the record kinds users look at first; field=value pairs for the others. */
    static String describe(String kind, String key, String value) {
        JsonNode v = parse(value);
        if (v == null || !v.isObject()) {
            return (key == null ? "" : key + "  ") + describe(value);
        }
        return switch (kind) {
            case "bbo" -> String.format("%-9s bid %s x %s | ask %s x %s", text(v, "symbol"), text(v, "bidPrice"),
                    text(v, "bidSize"), text(v, "askPrice"), text(v, "askSize"));
            case "trades" -> String.format("%-9s %s @ %s%s", text(v, "symbol"), text(v, "quantity"),
                    text(v, "price"), v.path("buyerIsMaker").asBoolean() ? "  (sell aggressor)" : "  (buy aggressor)");
            case "order" -> String.format("%-9s %s %-15s %s %s %s%s  filled %s%s", text(v, "symbol"),
                    text(v, "orderId"), text(v, "status"), text(v, "side"), text(v, "orderQty"),
                    text(v, "orderType"), v.hasNonNull("price") && !"0".equals(text(v, "price"))
                            ? " @ " + text(v, "price") : "",
                    text(v, "cumFilledQty"), v.hasNonNull("avgFilledPx") && !"0".equals(text(v, "avgFilledPx"))
                            ? " @ " + text(v, "avgFilledPx") : "");
            case "results" -> String.format("%-26s %-11s %-8s%s%s", text(v, "commandId"), text(v, "action"),
                    text(v, "status"), v.hasNonNull("orderId") ? " orderId " + text(v, "orderId") : "",
                    v.hasNonNull("reason") || v.hasNonNull("message")
                            ? "  " + text(v, "reason") + " " + v.path("message").asText("") : "");
            case "account" -> account(v);
            case "commands" -> (key == null ? "" : String.format("%-26s ", key)) + describe(value);
            default -> describe(value);
        };
    }

    /** An account update: event, sequence number, then each position and each collateral balance. */
    private static String account(JsonNode v) {
        StringBuilder line = new StringBuilder(String.format("%-9s %s #%s", text(v, "accountType"), text(v, "event"),
                text(v, "seqNum")));
        for (JsonNode position : v.path("positions")) {
            if (!"0".equals(text(position, "position"))) {
                line.append("  ").append(text(position, "symbol")).append(' ').append(text(position, "position"))
                        .append(" @ ").append(text(position, "avgOpenPrice"));
            }
        }
        for (JsonNode collateral : v.path("collaterals")) {
            line.append("  ").append(text(collateral, "asset")).append(' ').append(text(collateral, "balance"));
        }
        return line.toString();
    }

    private static JsonNode parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(value);
            return node.has("payload") && node.has("schema") ? node.get("payload") : node;
        } catch (Exception e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? "-" : value.asText();
    }

    /** The value as {@code field=value} pairs, nested objects flattened one level, in the record's own order. */
    static String describe(String value) {
        if (value == null) {
            return "(tombstone)";
        }
        JsonNode node;
        try {
            node = JSON.readTree(value);
        } catch (Exception e) {
            return value;
        }
        if (node.has("payload") && node.has("schema")) {
            node = node.get("payload");
        }
        if (!node.isObject()) {
            return node.toString();
        }
        StringBuilder text = new StringBuilder();
        appendFields(node, "", text);
        return text.toString().trim();
    }

    private static void appendFields(JsonNode object, String path, StringBuilder text) {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            if (value.isObject() && path.isEmpty()) {
                appendFields(value, field.getKey() + ".", text);
            } else if (value.isValueNode()) {
                text.append(path).append(field.getKey()).append('=').append(value.asText()).append(' ');
            } else {
                text.append(path).append(field.getKey()).append('=').append(value).append(' ');
            }
        }
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
    }
}
