package dev.bitmaxconnect.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitmaxconnect.distribution.PluginLocations;
import dev.bitmaxconnect.simulator.AcceptedOrder;
import dev.bitmaxconnect.simulator.BitMaxSimulator;
import dev.bitmaxconnect.simulator.SimulatorDefaults;
import dev.bitmaxconnect.testsupport.SimulatorSettings;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.storage.StringConverter;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Avro through a real schema registry: the plugin archive and Apicurio Registry's Avro converter on a Connect
 * worker's plugin.path, against a running Apicurio Registry. The same source writes JSON and Avro side by side,
 * and a plain consumer with the registry's deserializer reads Avro records equal to the JSON ones field by field;
 * the sink answers Avro commands written with the registry's serializer as it answers JSON ones.
 */
class AvroPipelineIT {

    private static final String AVRO_CONVERTER = "io.apicurio.registry.utils.converter.AvroConverter";
    private static final String EXAMPLE_REGISTRY = "http://localhost:8080";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String RUN = "a" + Long.toString(System.currentTimeMillis(), 36);

    private static RegistryProcess registry;
    private static BitMaxSimulator simulator;
    private static EmbeddedConnectCluster connect;

    @BeforeAll
    static void start() throws InterruptedException {
        registry = RegistryProcess.start();
        simulator = BitMaxSimulator.builder().apiKey(SimulatorDefaults.API_KEY, SimulatorDefaults.API_SECRET)
                .build().start();
        Path plugin = PluginLocations.unpackArchiveInto(Paths.get("target", "it-plugin-path").toAbsolutePath());
        Map<String, String> workerProps = new HashMap<>();
        // The plugin archive and the converter's directory, each as an operator installs it.
        workerProps.put("plugin.path", plugin + "," + Paths.get(System.getProperty("converter.plugin.dir"))
                .toAbsolutePath().getParent());
        // Apicurio's converter jar has no ServiceLoader manifest: a worker that only loads manifests does not see it.
        workerProps.put("plugin.discovery", "hybrid_warn");
        workerProps.put("key.converter", StringConverter.class.getName());
        workerProps.put("value.converter", JsonConverter.class.getName());
        workerProps.put("value.converter.schemas.enable", "false");
        workerProps.put("offset.flush.interval.ms", "1000");
        connect = new EmbeddedConnectCluster.Builder().name("avro").numWorkers(1).numBrokers(1)
                .workerProps(workerProps).build();
        connect.start();
        for (String topic : List.of("json.trades", "json.order", "avro.trades", "avro.order", "avro.account",
                "avrodec.trades", "avro-commands", "avro-results")) {
            connect.kafka().createTopic(topic, 1);
        }

        connect.configureConnector("json-source", sourceConfig("json", "trades,order"));
        Map<String, String> avroSource = sourceConfig("avro", "trades,order,account");
        avroSource.putAll(avroConverter("source"));
        connect.configureConnector("avro-source", avroSource);
        Map<String, String> preciseSource = sourceConfig("avrodec", "trades");
        preciseSource.putAll(avroConverter("source"));
        preciseSource.put("decimal.handling.mode", "precise");
        preciseSource.put("decimal.precise.scale", "8");
        connect.configureConnector("avrodec-source", preciseSource);
        connect.configureConnector("avro-sink", sinkConfig());
        for (String source : List.of("json-source", "avro-source", "avrodec-source")) {
            connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(source, 1, "source");
        }
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("avro-sink", 1, "sink");
    }

    @AfterAll
    static void stop() {
        try {
            if (connect != null) {
                connect.stop();
            }
        } finally {
            if (simulator != null) {
                simulator.close();
            }
            if (registry != null) {
                registry.close();
            }
        }
    }

    /**
     * The value converter settings of an example configuration ({@code config/bitmax-<kind>-apicurio.json}, as
     * docs/operations.md gives them to operators), pointed at the test's registry.
     */
    private static Map<String, String> avroConverter(String kind) {
        Path example = Paths.get(System.getProperty("project.basedir", "."))
                .resolve("../config/bitmax-" + kind + "-apicurio.json").normalize();
        Map<String, String> config = new HashMap<>();
        try {
            JSON.readTree(example.toFile()).path("config").fields().forEachRemaining(e -> {
                if (e.getKey().startsWith("value.converter")) {
                    config.put(e.getKey(), e.getValue().asText().replace(EXAMPLE_REGISTRY, registry.baseUrl()));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(config).as(example.toString()).containsEntry("value.converter", AVRO_CONVERTER);
        return config;
    }

    /** The source example's converter settings as a plain client's serializer or deserializer takes them. */
    private static Map<String, Object> serdeConfig() {
        Map<String, Object> config = new HashMap<>();
        avroConverter("source").forEach((key, value) -> {
            if (key.startsWith("value.converter.")) {
                config.put(key.substring("value.converter.".length()), value);
            }
        });
        return config;
    }

    private static Map<String, String> sourceConfig(String prefix, String channels) {
        Map<String, String> config = exchangeConfig("dev.bitmaxconnect.source.BitMaxSourceConnector");
        config.put("tasks.max", "1");
        config.put("symbols", "BTC-PERP,ETH-PERP");
        config.put("channels", channels);
        config.put("topic.prefix", prefix);
        return config;
    }

    private static Map<String, String> sinkConfig() {
        Map<String, String> config = exchangeConfig("dev.bitmaxconnect.sink.BitMaxSinkConnector");
        config.put("tasks.max", "1");
        config.put("topics", "avro-commands");
        config.put("topic.results", "avro-results");
        config.put("results.producer.bootstrap.servers", connect.kafka().bootstrapServers());
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", "avro-commands-dlq");
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        config.putAll(avroConverter("sink"));
        return config;
    }

    private static Map<String, String> exchangeConfig(String connectorClass) {
        Map<String, String> config = SimulatorSettings.connector(simulator, connectorClass);
        config.put("key.converter", StringConverter.class.getName());
        return config;
    }

    @Test
    void avroTradesEqualTheJsonTradesFieldByField() throws Exception {
        Map<String, JsonNode> json = new HashMap<>();
        Map<String, GenericRecord> avro = new HashMap<>();
        await().atMost(WAIT).untilAsserted(() -> {
            json.putAll(jsonRecords("json.trades", AvroPipelineIT::tradeKey));
            avro.putAll(avroRecords("avro.trades", r -> r.get("symbol") + "/" + r.get("seqnum")));
            assertThat(commonKeys(json, avro)).hasSizeGreaterThanOrEqualTo(10);
        });

        for (String key : commonKeys(json, avro)) {
            assertSameRecord(json.get(key), avro.get(key));
        }
        Schema time = avro.values().iterator().next().getSchema().getField("time").schema();
        assertThat(time.getLogicalType()).isEqualTo(LogicalTypes.timestampMillis());
    }

    @Test
    void preciseDecimalsAreExactAvroDecimals() throws Exception {
        Map<String, JsonNode> json = new HashMap<>();
        Map<String, GenericRecord> avro = new HashMap<>();
        await().atMost(WAIT).untilAsserted(() -> {
            json.putAll(jsonRecords("json.trades", AvroPipelineIT::tradeKey));
            avro.putAll(avroRecords("avrodec.trades", r -> r.get("symbol") + "/" + r.get("seqnum")));
            assertThat(commonKeys(json, avro)).hasSizeGreaterThanOrEqualTo(10);
        });

        for (String key : commonKeys(json, avro)) {
            GenericRecord trade = avro.get(key);
            for (String field : List.of("price", "quantity")) {
                Schema decimal = nonNull(trade.getSchema().getField(field).schema());
                assertThat(decimal.getLogicalType()).isInstanceOfSatisfying(LogicalTypes.Decimal.class,
                        d -> assertThat(d.getScale()).isEqualTo(8));
                BigDecimal value = new BigDecimal(new BigInteger(bytes(trade.get(field))), 8);
                assertThat(value).as("%s of %s", field, key)
                        .isEqualByComparingTo(new BigDecimal(json.get(key).path(field).asText()));
            }
        }
    }

    @Test
    void schemasLandInTheRegistryUnderTheTopicSubjectsAndReadThePreviousReleasesRecords() throws Exception {
        await().atMost(WAIT).untilAsserted(() -> assertThat(subjects())
                .contains("avro.trades-value", "avro.account-value"));

        assertRegisteredOnceAndBackwardCompatible("avro.trades-value", "Trade");
        assertRegisteredOnceAndBackwardCompatible("avro.account-value", "AccountUpdate");
    }

    /** Version 1 of the subject is the type's schema and reads what the previous release's schema wrote. */
    private static void assertRegisteredOnceAndBackwardCompatible(String subject, String type) throws Exception {
        assertThat(get("/subjects/" + subject + "/versions")).as(subject).isEqualTo(JSON.createArrayNode().add(1));
        Schema registered = new Schema.Parser().parse(get("/subjects/" + subject + "/versions/1").path("schema")
                .asText());
        assertThat(registered.getFullName()).isEqualTo("dev.bitmaxconnect.source." + type);
        assertThat(PreviousRelease.backward(registered, PreviousRelease.schema(type)).getResult()
                .getIncompatibilities())
                .as("%s registered under %s against the previous release", type, subject)
                .isEmpty();
    }

    @Test
    void recordsAreInConfluentWireFormatWithTheRegisteredSchemaId() throws Exception {
        await().atMost(WAIT).until(() -> subjects().contains("avro.trades-value"));
        int id = get("/subjects/avro.trades-value/versions/1").path("id").asInt();

        ConsumerRecord<byte[], byte[]> record = connect.kafka().consume(1, WAIT.toMillis(), "avro.trades")
                .iterator().next();
        ByteBuffer value = ByteBuffer.wrap(record.value());
        assertThat(value.get()).as("magic byte").isZero();
        assertThat(value.getInt()).as("schema id").isEqualTo(id);
        // The schema travels in the value, not in Apicurio's own headers (the connector's bitmax.* headers stay).
        assertThat(record.headers().toArray()).noneMatch(h -> h.key().startsWith("apicurio"));
    }

    @Test
    void avroCommandsAreAnsweredAsJsonOnesAre() throws Exception {
        Schema command = commandSchema();
        String limitId = RUN + "limit";
        String marketId = RUN + "market";
        String cancelId = RUN + "cancel";
        String refusedId = RUN + "refused";
        try (KafkaProducer<String, GenericRecord> producer = avroProducer()) {
            producer.send(new ProducerRecord<>("avro-commands", limitId, place(command, limitId, "BTC-PERP",
                    "Limit", "0.01", "1000")));
            producer.send(new ProducerRecord<>("avro-commands", marketId, place(command, marketId, "BTC-PERP",
                    "Market", "0.002", null)));
            GenericRecord cancel = new GenericData.Record(command);
            cancel.put("action", "cancel");
            cancel.put("id", cancelId);
            cancel.put("symbol", "BTC-PERP");
            cancel.put("origId", limitId);
            producer.send(new ProducerRecord<>("avro-commands", cancelId, cancel));
            producer.send(new ProducerRecord<>("avro-commands", refusedId, place(command, refusedId, "NOPE-PERP",
                    "Limit", "1", "1")));
        }

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(simulator.groundTruth().acceptedOrdersWithClientId(limitId)).hasSize(1);
            assertThat(simulator.groundTruth().acceptedOrdersWithClientId(marketId)).hasSize(1);
        });
        assertThat(simulator.groundTruth().acceptedOrdersWithClientId(refusedId)).isEmpty();
        AcceptedOrder limit = simulator.groundTruth().acceptedOrdersWithClientId(limitId).get(0);
        assertThat(limit.price()).isEqualByComparingTo("1000");
        assertThat(limit.orderQty()).isEqualByComparingTo("0.01");

        Map<String, JsonNode> results = new HashMap<>();
        await().atMost(WAIT).untilAsserted(() -> {
            results.putAll(jsonRecords("avro-results", r -> r.path("commandId").asText()));
            assertThat(results).containsKeys(limitId, marketId, cancelId, refusedId);
        });
        assertThat(results.get(limitId).path("status").asText()).isEqualToIgnoringCase("accepted");
        assertThat(results.get(limitId).path("orderId").asText()).isEqualTo(limit.orderId());
        assertThat(results.get(marketId).path("status").asText()).isEqualToIgnoringCase("accepted");
        assertThat(results.get(cancelId).path("status").asText()).isEqualToIgnoringCase("accepted");
        assertThat(results.get(cancelId).path("orderId").asText()).isEqualTo(limit.orderId());
        JsonNode refused = results.get(refusedId);
        assertThat(refused.path("status").asText()).isEqualToIgnoringCase("rejected");
        assertThat(refused.path("reason").asText("") + refused.path("message").asText("")).isNotBlank();
        assertThat(subjects()).contains("avro-commands-value");

        // The orders' events, from the private stream, are the same records in Avro as in JSON.
        Map<String, JsonNode> json = new HashMap<>();
        Map<String, GenericRecord> avro = new HashMap<>();
        await().atMost(WAIT).untilAsserted(() -> {
            json.putAll(jsonRecords("json.order", r -> r.path("orderId").asText() + "/" + r.path("seqNum").asLong()));
            avro.putAll(avroRecords("avro.order", r -> r.get("orderId") + "/" + r.get("seqNum")));
            assertThat(commonKeys(json, avro)).anyMatch(k -> k.startsWith(limit.orderId() + "/"));
        });
        for (String key : commonKeys(json, avro)) {
            assertSameRecord(json.get(key), avro.get(key));
        }
        assertRegisteredOnceAndBackwardCompatible("avro.order-value", "Order");
    }

    /** Every field of the Avro record has the JSON record's value: text exactly, times as epoch milliseconds. */
    private static void assertSameRecord(JsonNode json, GenericRecord avro) {
        Set<String> jsonFields = new TreeSet<>();
        json.fieldNames().forEachRemaining(jsonFields::add);
        Set<String> avroFields = new TreeSet<>();
        avro.getSchema().getFields().forEach(f -> avroFields.add(f.name()));
        assertThat(avroFields).isEqualTo(jsonFields);
        for (Schema.Field field : avro.getSchema().getFields()) {
            Object value = avro.get(field.name());
            JsonNode expected = json.path(field.name());
            String where = field.name() + " of " + json;
            if (value == null) {
                assertThat(expected.isNull()).as(where).isTrue();
                continue;
            }
            Schema schema = nonNull(field.schema());
            if (schema.getLogicalType() instanceof LogicalTypes.TimestampMillis) {
                assertThat(millis(value)).as(where).isEqualTo(expected.asLong());
                continue;
            }
            switch (schema.getType()) {
                case STRING -> assertThat(value.toString()).as(where).isEqualTo(expected.asText());
                case LONG, INT -> assertThat(((Number) value).longValue()).as(where).isEqualTo(expected.asLong());
                case BOOLEAN -> assertThat(value).as(where).isEqualTo(expected.asBoolean());
                default -> throw new AssertionError("Unexpected Avro type in " + where + ": " + schema);
            }
        }
    }

    private static long millis(Object value) {
        return value instanceof Instant instant ? instant.toEpochMilli() : ((Number) value).longValue();
    }

    private static byte[] bytes(Object value) {
        ByteBuffer buffer = ((ByteBuffer) value).duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static Schema nonNull(Schema schema) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        return schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElseThrow();
    }

    private static String tradeKey(JsonNode trade) {
        return trade.path("symbol").asText() + "/" + trade.path("seqnum").asLong();
    }

    private static <V> Set<String> commonKeys(Map<String, JsonNode> json, Map<String, V> avro) {
        Set<String> common = new TreeSet<>(json.keySet());
        common.retainAll(avro.keySet());
        return common;
    }

    private static Map<String, JsonNode> jsonRecords(String topic, Function<JsonNode, String> key) throws Exception {
        Map<String, JsonNode> records = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : connect.kafka().consumeAll(WAIT.toMillis(), topic)) {
            try {
                JsonNode value = JSON.readTree(r.value());
                records.put(key.apply(value), value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return records;
    }

    /**
     * Everything in the topic so far, read by a plain consumer and the registry's deserializer. The deserializer is
     * called without the record's headers: Apicurio 2.1's deserializer with {@code headers.enabled=false} fails with
     * a NullPointerException on a record that has headers (the source's records carry {@code bitmax.*} headers).
     */
    private static Map<String, GenericRecord> avroRecords(String topic, Function<GenericRecord, String> key) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, connect.kafka().bootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, GenericRecord> records = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config);
             AvroKafkaDeserializer<GenericRecord> avro = new AvroKafkaDeserializer<>()) {
            avro.configure(serdeConfig(), false);
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofSeconds(1))) {
                    GenericRecord value = avro.deserialize(topic, r.value());
                    records.put(key.apply(value), value);
                }
            }
        }
        return records;
    }

    private static KafkaProducer<String, GenericRecord> avroProducer() {
        Map<String, Object> config = serdeConfig();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, connect.kafka().bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroKafkaSerializer.class);
        return new KafkaProducer<>(config);
    }

    private static GenericRecord place(Schema schema, String id, String symbol, String type, String qty,
            String price) {
        GenericRecord order = new GenericData.Record(schema);
        order.put("action", "place");
        order.put("id", id);
        order.put("symbol", symbol);
        order.put("side", "Buy");
        order.put("orderType", type);
        order.put("orderQty", qty);
        if (price != null) {
            order.put("price", price);
            order.put("timeInForce", "GTC");
        }
        return order;
    }

    /** The shipped command schema, as users generate their classes from it. */
    private static Schema commandSchema() {
        Path file = Paths.get(System.getProperty("project.basedir", "."))
                .resolve("../connector-sink/src/main/resources/order-command.avsc").normalize();
        try (InputStream in = Files.newInputStream(file)) {
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> subjects() throws IOException, InterruptedException {
        List<String> subjects = new ArrayList<>();
        Iterator<JsonNode> names = get("/subjects").elements();
        names.forEachRemaining(n -> subjects.add(n.asText()));
        return subjects;
    }

    /** A GET on the registry's Confluent-compatible API. */
    private static JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(registry.confluentApiUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
