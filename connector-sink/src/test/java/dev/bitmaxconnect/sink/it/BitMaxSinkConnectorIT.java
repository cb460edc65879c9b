package dev.bitmaxconnect.sink.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static dev.bitmaxconnect.sink.it.SinkConnectorSetup.ordersWithClientId;
import static dev.bitmaxconnect.sink.it.SinkConnectorSetup.restClient;
import static dev.bitmaxconnect.sink.it.SinkConnectorSetup.resultsByOffset;
import static dev.bitmaxconnect.sink.it.SinkConnectorSetup.send;
import static dev.bitmaxconnect.sink.it.SinkConnectorSetup.sinkConfig;
import static dev.bitmaxconnect.sink.it.SinkConnectorSetup.startCluster;
import static dev.bitmaxconnect.sink.it.SinkConnectorSetup.startSink;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitmaxconnect.client.model.ContractPosition;
import dev.bitmaxconnect.client.model.MarginType;
import dev.bitmaxconnect.client.model.OrderInfo;
import dev.bitmaxconnect.client.model.OrderStatus;
import dev.bitmaxconnect.client.model.PositionCollateral;
import dev.bitmaxconnect.simulator.AcceptedOrder;
import dev.bitmaxconnect.simulator.SimulatorDefaults;
import dev.bitmaxconnect.sink.command.ClientIds;
import dev.bitmaxconnect.client.rest.BitMaxRestClient;
import dev.bitmaxconnect.testsupport.ConnectCluster;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sink on a real Kafka and Connect worker against the simulator: every action, bad commands, transports. */
class BitMaxSinkConnectorIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static ConnectCluster cluster;
    private static BitMaxRestClient rest;

    @BeforeAll
    static void start() {
        cluster = startCluster("sink-it");
        rest = restClient(cluster);
    }

    @AfterAll
    static void stop() {
        if (rest != null) {
            rest.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void commandsOfEveryActionLandAtTheExchangeAndInTheResults() throws Exception {
        String topic = "actions";
        Map<String, String> config = sinkConfig(cluster, topic);
        config.put("transfers.enabled", "true");
        startSink(cluster, "actions-sink", config);

        List<String> commands = List.of(
                "{\"action\":\"set-margin-type\",\"symbol\":\"ETH-PERP\",\"marginType\":\"isolated\"}",
                "{\"action\":\"set-leverage\",\"symbol\":\"BTC-PERP\",\"leverage\":20}",
                "{\"action\":\"place\",\"id\":\"actplace01\",\"symbol\":\"BTC-PERP\",\"side\":\"Buy\","
                        + "\"orderType\":\"Limit\",\"price\":\"20000\",\"orderQty\":\"0.01\",\"postOnly\":true}",
                "{\"action\":\"place\",\"symbol\":\"BTC-PERP\",\"side\":\"buy\",\"orderType\":\"limit\","
                        + "\"price\":\"20000.5\",\"orderQty\":\"0.02\",\"timeInForce\":\"GTC\"}",
                "{\"action\":\"place-batch\",\"id\":\"actbatch00\",\"orders\":["
                        + "{\"id\":\"actbatch01\",\"symbol\":\"BTC-PERP\",\"side\":\"Buy\",\"orderType\":\"Limit\","
                        + "\"price\":\"19000\",\"orderQty\":\"0.01\"},"
                        + "{\"id\":\"actbatch02\",\"symbol\":\"ETH-PERP\",\"side\":\"Sell\",\"orderType\":\"Limit\","
                        + "\"price\":\"2000\",\"orderQty\":\"0.1\"}]}",
                "{\"action\":\"cancel\",\"origId\":\"actplace01\",\"symbol\":\"BTC-PERP\"}",
                "{\"action\":\"cancel-batch\",\"orders\":[{\"origId\":\"actbatch01\",\"symbol\":\"BTC-PERP\"},"
                        + "{\"origId\":\"actbatch02\",\"symbol\":\"ETH-PERP\"}]}",
                "{\"action\":\"place\",\"id\":\"actplace02\",\"symbol\":\"ETH-PERP\",\"side\":\"Buy\","
                        + "\"orderType\":\"Limit\",\"price\":\"500\",\"orderQty\":\"0.1\"}",
                "{\"action\":\"cancel-all\",\"symbol\":\"ETH-PERP\"}",
                "{\"action\":\"deposit\",\"asset\":\"BTC\",\"amount\":\"1\"}",
                "{\"action\":\"withdraw\",\"asset\":\"BTC\",\"amount\":\"0.5\"}");
        commands.forEach(c -> send(cluster, topic, c));

        Map<Long, JsonNode> results = resultsByOffset(cluster, topic + ".results", commands.size(), WAIT);
        assertThat(results).hasSize(commands.size());
        results.forEach((offset, r) -> assertThat(r.get("status").asText())
                .as("command %d: %s", offset, r).isEqualTo("accepted"));
        assertThat(results.get(2L).get("commandId").asText()).isEqualTo("actplace01");
        String derived = new ClientIds("actions-sink").derived(topic, 0, 3, 0);
        assertThat(results.get(3L).get("commandId").asText()).isEqualTo(derived);
        assertThat(results.get(4L).get("orders")).hasSize(2);

        // Ground truth: each order exactly once, with the orderId reported in the results.
        for (String id : List.of("actplace01", derived, "actbatch01", "actbatch02", "actplace02")) {
            assertThat(ordersWithClientId(cluster, id)).as(id).hasSize(1);
        }
        AcceptedOrder first = ordersWithClientId(cluster, "actplace01").get(0);
        assertThat(results.get(2L).get("orderId").asText()).isEqualTo(first.orderId());
        assertThat(first.price()).isEqualByComparingTo("20000");
        assertThat(first.postOnly()).isTrue();

        // Cancels and cancel-all took effect; the derived-id order is still open.
        List<OrderInfo> open = rest.openOrders();
        assertThat(open).extracting(OrderInfo::orderId)
                .contains(ordersWithClientId(cluster, derived).get(0).orderId())
                .doesNotContain(first.orderId(), ordersWithClientId(cluster, "actplace02").get(0).orderId(),
                        ordersWithClientId(cluster, "actbatch01").get(0).orderId());
        OrderInfo canceled = rest.queryOrder(ordersWithClientId(cluster, "actbatch02").get(0).orderId());
        assertThat(canceled.status().is(OrderStatus.Known.CANCELED)).isTrue();

        // Leverage, margin type and transfers.
        Map<String, ContractPosition> positions = new HashMap<>();
        var position = rest.position();
        position.contracts().forEach(p -> positions.put(p.symbol(), p));
        assertThat(positions.get("BTC-PERP").leverage()).isEqualByComparingTo("20");
        assertThat(positions.get("ETH-PERP").marginType()).isEqualTo(MarginType.of("isolated"));
        BigDecimal btc = position.collaterals().stream().filter(c -> c.asset().equals("BTC"))
                .map(PositionCollateral::balance).findFirst().orElseThrow();
        assertThat(btc).isEqualByComparingTo(SimulatorDefaults.COLLATERAL.get("BTC").add(new BigDecimal("0.5")));

        // The task's metrics are the worker's plugin metrics, in its JMX reporter (the worker runs in this JVM);
        // the task registers none of its own.
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        ObjectName metrics = new ObjectName("kafka.connect:type=plugins,connector=actions-sink,task=0");
        assertThat(jmx.queryNames(new ObjectName("kafka.connect.bitmax:connector=actions-sink,*"), null)).isEmpty();
        assertThat((Double) jmx.getAttribute(metrics, "commands-in-total")).isEqualTo(commands.size());
        assertThat((Double) jmx.getAttribute(metrics, "commands-accepted-total")).isEqualTo(commands.size());
        // One request per command, except the two consecutive places when they were coalesced; plus look-ups.
        assertThat((Double) jmx.getAttribute(metrics, "requests-out-total")).isGreaterThanOrEqualTo(commands.size() - 1);
        assertThat((Double) jmx.getAttribute(metrics, "batch-size-max")).isEqualTo(2.0);
        assertThat(((Number) jmx.getAttribute(metrics, "in-flight")).intValue()).isZero();
    }

    @Test
    void tombstonesAreIgnoredOrRefusedAsSet() {
        startSink(cluster, "tomb-ignore-sink", sinkConfig(cluster, "tombignore"));
        send(cluster, "tombignore", null);
        send(cluster, "tombignore", "{\"action\":\"cancel-all\"}");
        Map<String, String> failing = sinkConfig(cluster, "tombfail");
        failing.put("tombstones", "fail");
        failing.put("errors.tolerance", "all");
        startSink(cluster, "tomb-fail-sink", failing);
        send(cluster, "tombfail", null);
        send(cluster, "tombfail", "{\"action\":\"cancel-all\"}");

        Map<Long, JsonNode> ignored = resultsByOffset(cluster, "tombignore.results", 1, WAIT);
        assertThat(ignored).containsOnlyKeys(1L);
        Map<Long, JsonNode> refused = resultsByOffset(cluster, "tombfail.results", 2, WAIT);
        assertThat(refused.get(0L).get("status").asText()).isEqualTo("rejected");
        assertThat(refused.get(0L).get("message").asText()).contains("tombstone");
        assertThat(refused.get(1L).get("status").asText()).isEqualTo("accepted");
    }

    @Test
    void badCommandsReachTheResultsAndTheDeadLetterQueueAndSendNothing() throws Exception {
        String topic = "bad";
        Map<String, String> config = sinkConfig(cluster, topic);
        config.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", "bad.dlq");
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        config.put("errors.deadletterqueue.context.headers.enable", "true");
        startSink(cluster, "bad-sink", config);
        long acceptedBefore = cluster.simulator.groundTruth().counts().acceptedOrders();
        long rejectedBefore = cluster.simulator.groundTruth().counts().rejectedRequests();

        String order = "{\"symbol\":\"BTC-PERP\",\"side\":\"Buy\",\"orderType\":\"Limit\",\"price\":\"20000\","
                + "\"orderQty\":\"0.01\"}";
        String eleven = String.join(",", Collections.nCopies(11, order));
        List<byte[]> bad = List.of(
                new byte[] {(byte) 0xc3, (byte) 0x28, 0x00, (byte) 0xff},
                bytes("{\"action\":\"place\",\"symbol\":\"BTC-PERP\",\"side\":5,\"orderType\":\"Limit\","
                        + "\"price\":\"20000\",\"orderQty\":\"0.01\"}"),
                bytes("{\"action\":\"teleport\",\"symbol\":\"BTC-PERP\"}"),
                bytes("{\"action\":\"place\",\"side\":\"Buy\",\"orderType\":\"Limit\",\"price\":\"20000\","
                        + "\"orderQty\":\"0.01\"}"),
                bytes("{\"action\":\"place\",\"symbol\":\"BTC-PERP\",\"side\":\"Buy\",\"orderType\":\"Limit\","
                        + "\"price\":\"20000\",\"orderQty\":\"-1\"}"),
                bytes("{\"action\":\"place\",\"symbol\":\"BTC-PERP\",\"side\":\"Buy\",\"orderType\":\"Limit\","
                        + "\"price\":\"20000\",\"orderQty\":\"99999999999\"}"),
                bytes("{\"action\":\"place-batch\",\"orders\":[" + eleven + "]}"),
                bytes("{\"action\":\"place\",\"symbol\":\"DOGE-PERP\",\"side\":\"Buy\",\"orderType\":\"Limit\","
                        + "\"price\":\"1\",\"orderQty\":\"1\"}"),
                bytes("{\"action\":\"deposit\",\"asset\":\"USDT\",\"amount\":\"1\"}"));
        try (KafkaProducer<byte[], byte[]> producer = cluster.connect.kafka().createProducer(Map.of())) {
            for (byte[] b : bad) {
                producer.send(new ProducerRecord<>(topic, b));
            }
            // A good command after them: the task keeps running under errors.tolerance=all.
            producer.send(new ProducerRecord<>(topic, bytes("{\"action\":\"place\",\"id\":\"afterbad01\","
                    + "\"symbol\":\"BTC-PERP\",\"side\":\"Buy\",\"orderType\":\"Limit\",\"price\":\"20000\","
                    + "\"orderQty\":\"0.01\"}")));
        }

        Map<Long, JsonNode> results = resultsByOffset(cluster, topic + ".results", bad.size() + 1, WAIT);
        for (long offset = 0; offset < bad.size(); offset++) {
            assertThat(results.get(offset).get("status").asText()).as("offset %d", offset).isEqualTo("rejected");
            assertThat(results.get(offset).get("code").isNull()).isTrue();
        }
        assertThat(results.get(0L).get("message").asText()).contains("not UTF-8");
        assertThat(results.get(1L).get("message").asText()).startsWith("side: expected a string, got 5");
        assertThat(results.get(2L).get("message").asText()).contains("\"teleport\"");
        assertThat(results.get(3L).get("message").asText()).isEqualTo("symbol: is required");
        assertThat(results.get(4L).get("reason").asText()).isEqualTo("INVALID_QTY");
        assertThat(results.get(5L).get("message").asText()).contains("above the maximum quantity");
        assertThat(results.get(6L).get("reason").asText()).isEqualTo("BATCH_TOO_LARGE");
        assertThat(results.get(7L).get("reason").asText()).isEqualTo("UNKNOWN_SYMBOL");
        assertThat(results.get(8L).get("reason").asText()).isEqualTo("TRANSFERS_DISABLED");
        assertThat(results.get((long) bad.size()).get("status").asText()).isEqualTo("accepted");

        var dlq = cluster.connect.kafka().consume(bad.size(), WAIT.toMillis(), "bad.dlq");
        assertThat(dlq.count()).isEqualTo(bad.size());
        assertThat(dlq.records("bad.dlq").iterator().next().value())
                .isEqualTo(new byte[] {(byte) 0xc3, (byte) 0x28, 0x00, (byte) 0xff});

        // Nothing of the bad commands reached the exchange: one accepted order, no refused request.
        assertThat(cluster.simulator.groundTruth().counts().acceptedOrders()).isEqualTo(acceptedBefore + 1);
        assertThat(cluster.simulator.groundTruth().counts().rejectedRequests()).isEqualTo(rejectedBefore);
        assertThat(ordersWithClientId(cluster, "afterbad01")).hasSize(1);
    }

    @Test
    void underTheShippedConvertersEveryCommandIsAnsweredUnderItsOwnNameAndABadOneSendsNothing() throws Exception {
        String topic = "shipped";
        Map<String, String> config = sinkConfig(cluster, topic);
        config.putAll(shippedConverters());
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", "shipped.dlq");
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        startSink(cluster, "shipped-sink", config);
        long acceptedBefore = cluster.simulator.groundTruth().counts().acceptedOrders();
        long rejectedBefore = cluster.simulator.groundTruth().counts().rejectedRequests();

        String notJson = "buy 0.01 BTC-PERP at 20000, please";
        send(cluster, topic, notJson);
        send(cluster, topic, "{\"action\":\"place\",\"id\":\"shipped001\",\"symbol\":\"BTC-PERP\",\"side\":\"Buy\","
                + "\"orderType\":\"Limit\",\"price\":\"20000\",\"orderQty\":\"lots\"}");
        send(cluster, topic, "[{\"action\":\"place\",\"id\":\"shipped002\"}]");
        send(cluster, topic, "{\"action\":\"place\",\"id\":\"shipped003\",\"symbol\":\"BTC-PERP\",\"side\":\"Buy\","
                + "\"orderType\":\"Limit\",\"price\":\"20000\",\"orderQty\":\"0.01\"}");

        Map<Long, ConsumerRecord<String, JsonNode>> results = new HashMap<>();
        for (ConsumerRecord<String, JsonNode> r : cluster.records(topic + ".results", 4, WAIT)) {
            results.put(r.value().get("offset").asLong(), r);
        }
        JsonNode unreadable = results.get(0L).value();
        assertThat(unreadable.get("status").asText()).isEqualTo("rejected");
        assertThat(unreadable.get("reason").asText()).isEqualTo("UNREADABLE_COMMAND");
        assertThat(unreadable.get("message").asText()).startsWith("the record value is not valid JSON")
                .contains("buy 0.01 BTC-PERP");
        assertThat(results.get(0L).key()).isEqualTo(new ClientIds("shipped-sink").derived(topic, 0, 0, 0));

        // Valid JSON refused for one field: answered under the command's own id, naming the field.
        JsonNode invalid = results.get(1L).value();
        assertThat(results.get(1L).key()).isEqualTo("shipped001");
        assertThat(invalid.get("commandId").asText()).isEqualTo("shipped001");
        assertThat(invalid.get("givenId").asText()).isEqualTo("shipped001");
        assertThat(invalid.get("action").asText()).isEqualTo("place");
        assertThat(invalid.get("reason").asText()).isEqualTo("INVALID_COMMAND");
        assertThat(invalid.get("message").asText()).isEqualTo("orderQty: expected a decimal number, got \"lots\"");
        assertThat(results.get(2L).value().get("message").asText()).startsWith("a command must be a JSON object");
        assertThat(results.get(3L).value().get("status").asText()).isEqualTo("accepted");

        var dlq = cluster.connect.kafka().consume(3, WAIT.toMillis(), "shipped.dlq");
        assertThat(dlq.count()).isEqualTo(3);
        assertThat(new String(dlq.records("shipped.dlq").iterator().next().value(), StandardCharsets.UTF_8))
                .isEqualTo(notJson);
        assertThat(cluster.connect.connectorStatus("shipped-sink").tasks())
                .allSatisfy(t -> assertThat(t.state()).isEqualTo("RUNNING"));
        // Ground truth: only the good command reached the exchange.
        assertThat(cluster.simulator.groundTruth().counts().acceptedOrders()).isEqualTo(acceptedBefore + 1);
        assertThat(cluster.simulator.groundTruth().counts().rejectedRequests()).isEqualTo(rejectedBefore);
        assertThat(ordersWithClientId(cluster, "shipped001")).isEmpty();
        assertThat(ordersWithClientId(cluster, "shipped003")).hasSize(1);
    }

    @Test
    void underJsonConverterACommandThatIsNotJsonNeverReachesTheSinkAndGetsNoResult() {
        String topic = "jsonconv";
        Map<String, String> config = sinkConfig(cluster, topic);
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "false");
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", "jsonconv.dlq");
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        startSink(cluster, "jsonconv-sink", config);
        send(cluster, topic, "buy 0.01 BTC-PERP at 20000, please");
        send(cluster, topic, "{\"action\":\"place\",\"id\":\"jsonconv01\",\"symbol\":\"BTC-PERP\",\"side\":\"Buy\","
                + "\"orderType\":\"Limit\",\"price\":\"20000\",\"orderQty\":\"0.01\"}");

        // Commands run in offset order: once the second has its result, the first will never get one.
        Map<Long, JsonNode> results = resultsByOffset(cluster, topic + ".results", 1, WAIT);
        assertThat(results).containsOnlyKeys(1L);
        assertThat(cluster.connect.kafka().consume(1, WAIT.toMillis(), "jsonconv.dlq").count()).isEqualTo(1);
    }

    /** The converters of the shipped connector definition that the quickstart runs. */
    private static Map<String, String> shippedConverters() throws IOException {
        JsonNode shipped = ConnectCluster.JSON.readTree(Path.of("..", "config", "bitmax-sink-simulator.json").toFile())
                .get("config");
        Map<String, String> out = new HashMap<>();
        shipped.fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("key.converter") || e.getKey().startsWith("value.converter")) {
                out.put(e.getKey(), e.getValue().asText());
            }
        });
        assertThat(out).containsKey("value.converter");
        return out;
    }

    @Test
    void underErrorsToleranceNoneABadCommandFailsTheTaskWithTheReason() throws Exception {
        String topic = "strict";
        startSink(cluster, "strict-sink", sinkConfig(cluster, topic));
        send(cluster, topic, "{\"action\":\"place\",\"symbol\":\"BTC-PERP\",\"side\":\"Buy\",\"orderType\":\"Limit\","
                + "\"price\":\"20000.1\",\"orderQty\":\"0.01\"}");
        send(cluster, topic, "{\"action\":\"place\",\"id\":\"strict0001\",\"symbol\":\"BTC-PERP\",\"side\":\"Buy\","
                + "\"orderType\":\"Limit\",\"price\":\"20000\",\"orderQty\":\"0.01\"}");
        String trace = await().atMost(WAIT).until(() -> taskTrace("strict-sink"), t -> t != null);
        assertThat(trace).contains("TICK_SIZE_VIOLATION").contains("errors.tolerance");
        assertThat(resultsByOffset(cluster, topic + ".results", 1, WAIT).get(0L).get("reason").asText())
                .isEqualTo("TICK_SIZE_VIOLATION");
        assertThat(ordersWithClientId(cluster, "strict0001")).isEmpty();
    }

    @Test
    void aRefusedKeyFailsTheTaskSayingWhatToFix() throws Exception {
        Map<String, String> config = sinkConfig(cluster, "badkey");
        config.put("bitmax.api.secret", "not-the-secret");
        cluster.connect.kafka().createTopic("badkey", 1);
        cluster.connect.configureConnector("badkey-sink", config);
        String trace = await().atMost(WAIT).until(() -> taskTrace("badkey-sink"), t -> t != null);
        assertThat(trace).contains("BitMax refused the API key").contains("bitmax.api.secret")
                .doesNotContain("not-the-secret");
    }

    @Test
    void aKeyWithoutTradePermissionFailsTheTaskSayingWhatToFix() throws Exception {
        Map<String, String> config = sinkConfig(cluster, "viewonly");
        config.put("bitmax.api.key", SinkConnectorSetup.VIEW_ONLY_KEY);
        config.put("bitmax.api.secret", SinkConnectorSetup.VIEW_ONLY_SECRET);
        cluster.connect.kafka().createTopic("viewonly", 1);
        cluster.connect.configureConnector("viewonly-sink", config);
        String trace = await().atMost(WAIT).until(() -> taskTrace("viewonly-sink"), t -> t != null);
        assertThat(trace).contains("no trade permission").contains("enable Trade permission")
                .doesNotContain(SinkConnectorSetup.VIEW_ONLY_SECRET);
    }

    @Test
    void theWebSocketTransportPlacesAndCancelsSingleOrders() {
        String topic = "ws";
        Map<String, String> config = sinkConfig(cluster, topic);
        config.put("bitmax.transport", "websocket");
        startSink(cluster, "ws-sink", config);
        send(cluster, topic, "{\"action\":\"place\",\"id\":\"wsplace001\",\"symbol\":\"BTC-PERP\",\"side\":\"Buy\","
                + "\"orderType\":\"Limit\",\"price\":\"21000\",\"orderQty\":\"0.01\"}");
        send(cluster, topic, "{\"action\":\"place\",\"id\":\"wsplace002\",\"symbol\":\"BTC-PERP\",\"side\":\"Buy\","
                + "\"orderType\":\"Limit\",\"price\":\"21000.25\",\"orderQty\":\"0.01\"}");
        send(cluster, topic, "{\"action\":\"cancel\",\"origId\":\"wsplace001\",\"symbol\":\"BTC-PERP\"}");
        Map<Long, JsonNode> results = resultsByOffset(cluster, topic + ".results", 3, WAIT);
        results.forEach((o, r) -> assertThat(r.get("status").asText()).as("%s", r).isEqualTo("accepted"));
        AcceptedOrder one = ordersWithClientId(cluster, "wsplace001").get(0);
        assertThat(one.transport()).isEqualTo("WS");
        assertThat(ordersWithClientId(cluster, "wsplace002")).hasSize(1);
        assertThat(rest.queryOrder(one.orderId()).status().is(OrderStatus.Known.CANCELED)).isTrue();

        // An ack lost with its connection: the order is found by its client id, not placed again.
        cluster.simulator.faults().applyThenDropNextOrders(1);
        send(cluster, topic, "{\"action\":\"place\",\"id\":\"wsplace003\",\"symbol\":\"BTC-PERP\",\"side\":\"Buy\","
                + "\"orderType\":\"Limit\",\"price\":\"21000.5\",\"orderQty\":\"0.01\"}");
        send(cluster, topic, "{\"action\":\"place\",\"id\":\"wsplace004\",\"symbol\":\"BTC-PERP\",\"side\":\"Buy\","
                + "\"orderType\":\"Limit\",\"price\":\"21000.75\",\"orderQty\":\"0.01\"}");
        Map<Long, JsonNode> after = resultsByOffset(cluster, topic + ".results", 5, WAIT);
        assertThat(after.get(3L).get("status").asText()).isEqualTo("duplicate");
        assertThat(after.get(4L).get("status").asText()).isEqualTo("accepted");
        assertThat(ordersWithClientId(cluster, "wsplace003")).hasSize(1);
        assertThat(ordersWithClientId(cluster, "wsplace004")).hasSize(1);

        // cancel-all over the WebSocket request API
        send(cluster, topic, "{\"action\":\"cancel-all\",\"symbol\":\"BTC-PERP\"}");
        assertThat(resultsByOffset(cluster, topic + ".results", 6, WAIT).get(5L).get("status").asText())
                .isEqualTo("accepted");
        for (String id : List.of("wsplace002", "wsplace003", "wsplace004")) {
            String orderId = ordersWithClientId(cluster, id).get(0).orderId();
            assertThat(rest.queryOrder(orderId).status().is(OrderStatus.Known.CANCELED)).as(id).isTrue();
        }
    }

    @Test
    void aCoalescedBatchTheExchangeRefusesIsSentAgainOneByOne() {
        String topic = "split";
        Map<String, String> config = sinkConfig(cluster, topic);
        config.put("batch.linger.ms", "300");
        config.put("errors.tolerance", "all");
        startSink(cluster, "split-sink", config);
        send(cluster, topic, "{\"action\":\"place\",\"id\":\"splitgood1\",\"symbol\":\"BTC-PERP\",\"side\":\"Buy\","
                + "\"orderType\":\"Limit\",\"price\":\"20000\",\"orderQty\":\"0.01\"}");
        // Valid for the sink, refused by the exchange: a reduce-only order that would open a position.
        send(cluster, topic, "{\"action\":\"place\",\"id\":\"splitbad01\",\"symbol\":\"ETH-PERP\",\"side\":\"Buy\","
                + "\"orderType\":\"Limit\",\"price\":\"500\",\"orderQty\":\"1\",\"execInst\":\"ReduceOnly\"}");
        send(cluster, topic, "{\"action\":\"place\",\"id\":\"splitgood2\",\"symbol\":\"BTC-PERP\",\"side\":\"Buy\","
                + "\"orderType\":\"Limit\",\"price\":\"20000\",\"orderQty\":\"0.02\"}");
        Map<Long, JsonNode> results = resultsByOffset(cluster, topic + ".results", 3, WAIT);
        assertThat(results.get(0L).get("status").asText()).isEqualTo("accepted");
        assertThat(results.get(1L).get("status").asText()).isEqualTo("rejected");
        assertThat(results.get(1L).get("code").asInt()).isEqualTo(300008);
        assertThat(results.get(2L).get("status").asText()).isEqualTo("accepted");
        assertThat(results.get(0L).get("attempts").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(ordersWithClientId(cluster, "splitgood1")).hasSize(1);
        assertThat(ordersWithClientId(cluster, "splitgood2")).hasSize(1);
        assertThat(ordersWithClientId(cluster, "splitbad01")).isEmpty();
    }

    @Test
    void structsFromASchemaConverterAndSchemalessMapsAreCommandsToo() {
        Map<String, String> structs = sinkConfig(cluster, "structs");
        structs.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        structs.put("value.converter.schemas.enable", "true");
        startSink(cluster, "structs-sink", structs);
        String schema = "{\"type\":\"struct\",\"name\":\"dev.bitmaxconnect.sink.OrderCommand\",\"fields\":["
                + "{\"field\":\"action\",\"type\":\"string\"},"
                + "{\"field\":\"id\",\"type\":\"string\",\"optional\":true},"
                + "{\"field\":\"symbol\",\"type\":\"string\",\"optional\":true},"
                + "{\"field\":\"side\",\"type\":\"string\",\"optional\":true},"
                + "{\"field\":\"orderType\",\"type\":\"string\",\"optional\":true},"
                + "{\"field\":\"price\",\"type\":\"string\",\"optional\":true},"
                + "{\"field\":\"orderQty\",\"type\":\"string\",\"optional\":true},"
                + "{\"field\":\"leverage\",\"type\":\"int32\",\"optional\":true}]}";
        send(cluster, "structs", "{\"schema\":" + schema + ",\"payload\":{\"action\":\"place\",\"id\":\"struct0001\","
                + "\"symbol\":\"BTC-PERP\",\"side\":\"Sell\",\"orderType\":\"Limit\",\"price\":\"45000\","
                + "\"orderQty\":\"0.01\",\"leverage\":null}}");

        Map<String, String> maps = sinkConfig(cluster, "maps");
        maps.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        maps.put("value.converter.schemas.enable", "false");
        startSink(cluster, "maps-sink", maps);
        send(cluster, "maps", "{\"action\":\"place\",\"id\":\"mapcmd0001\",\"symbol\":\"BTC-PERP\",\"side\":\"Sell\","
                + "\"orderType\":\"Limit\",\"price\":\"45000.5\",\"orderQty\":\"0.01\"}");

        assertThat(resultsByOffset(cluster, "structs.results", 1, WAIT).get(0L).get("status").asText())
                .isEqualTo("accepted");
        assertThat(resultsByOffset(cluster, "maps.results", 1, WAIT).get(0L).get("status").asText())
                .isEqualTo("accepted");
        assertThat(ordersWithClientId(cluster, "struct0001")).singleElement()
                .satisfies(o -> assertThat(o.price()).isEqualByComparingTo("45000"));
        assertThat(ordersWithClientId(cluster, "mapcmd0001")).singleElement()
                .satisfies(o -> assertThat(o.price()).isEqualByComparingTo("45000.5"));
    }

    @Test
    void ordersPlacedWithAnyIdTheReferenceAllowsAreCanceledByThatId() {
        String topic = "dashids";
        startSink(cluster, "dashids-sink", sinkConfig(cluster, topic));
        send(cluster, topic, "{\"action\":\"place\",\"id\":\"x-limit\",\"symbol\":\"BTC-PERP\",\"side\":\"Buy\","
                + "\"orderType\":\"Limit\",\"price\":\"20000\",\"orderQty\":\"0.01\"}");
        send(cluster, topic, "{\"action\":\"place-batch\",\"orders\":["
                + "{\"id\":\"dash-b-1\",\"symbol\":\"BTC-PERP\",\"side\":\"Buy\",\"orderType\":\"Limit\","
                + "\"price\":\"19000\",\"orderQty\":\"0.01\"},"
                + "{\"id\":\"dash_b_2\",\"symbol\":\"ETH-PERP\",\"side\":\"Sell\",\"orderType\":\"Limit\","
                + "\"price\":\"2000\",\"orderQty\":\"0.1\"}]}");
        send(cluster, topic, "{\"action\":\"cancel\",\"origId\":\"x-limit\",\"symbol\":\"BTC-PERP\"}");
        send(cluster, topic, "{\"action\":\"cancel-batch\",\"orders\":[{\"origId\":\"dash-b-1\",\"symbol\":\"BTC-PERP\"},"
                + "{\"origId\":\"dash_b_2\",\"symbol\":\"ETH-PERP\"}]}");
        Map<Long, JsonNode> results = resultsByOffset(cluster, topic + ".results", 4, WAIT);
        results.forEach((offset, r) -> assertThat(r.get("status").asText())
                .as("command %d: %s", offset, r).isEqualTo("accepted"));
        assertThat(results.get(0L).get("commandId").asText()).isEqualTo("x-limit");

        // The exchange saw the command's own ids, once each, and every one of those orders is canceled.
        for (String id : List.of("x-limit", "dash-b-1", "dash_b_2")) {
            List<AcceptedOrder> orders = ordersWithClientId(cluster, id);
            assertThat(orders).as(id).hasSize(1);
            assertThat(rest.queryOrder(orders.get(0).orderId()).status().is(OrderStatus.Known.CANCELED))
                    .as(id).isTrue();
        }
        assertThat(results.get(2L).get("orderId").asText())
                .isEqualTo(ordersWithClientId(cluster, "x-limit").get(0).orderId());
    }

    @Test
    void aCancelOfAnOrderAlreadyCanceledIsADuplicate() {
        String topic = "recancel";
        startSink(cluster, "recancel-sink", sinkConfig(cluster, topic));
        send(cluster, topic, "{\"action\":\"place\",\"id\":\"recancel01\",\"symbol\":\"BTC-PERP\",\"side\":\"Buy\","
                + "\"orderType\":\"Limit\",\"price\":\"20000\",\"orderQty\":\"0.01\"}");
        send(cluster, topic, "{\"action\":\"set-leverage\",\"symbol\":\"BTC-PERP\",\"leverage\":10}");
        send(cluster, topic, "{\"action\":\"cancel\",\"origId\":\"recancel01\",\"symbol\":\"BTC-PERP\"}");
        send(cluster, topic, "{\"action\":\"set-leverage\",\"symbol\":\"BTC-PERP\",\"leverage\":10}");
        send(cluster, topic, "{\"action\":\"cancel\",\"origId\":\"recancel01\",\"symbol\":\"BTC-PERP\"}");
        Map<Long, JsonNode> results = resultsByOffset(cluster, topic + ".results", 5, WAIT);
        assertThat(results.get(2L).get("status").asText()).isEqualTo("accepted");
        assertThat(results.get(4L).get("status").asText()).isEqualTo("duplicate");
        assertThat(results.get(4L).get("reason").asText()).isEqualTo("ALREADY_CANCELED");
        assertThat(results.get(4L).get("orderId").asText())
                .isEqualTo(ordersWithClientId(cluster, "recancel01").get(0).orderId());
    }

    @Test
    void dryRunValidatesAndSendsNothing() {
        String topic = "dry";
        Map<String, String> config = sinkConfig(cluster, topic);
        config.put("dry.run", "true");
        startSink(cluster, "dry-sink", config);
        send(cluster, topic, "{\"action\":\"place\",\"id\":\"dryrun0001\",\"symbol\":\"BTC-PERP\",\"side\":\"Buy\","
                + "\"orderType\":\"Limit\",\"price\":\"20000\",\"orderQty\":\"0.01\"}");
        JsonNode r = resultsByOffset(cluster, topic + ".results", 1, WAIT).get(0L);
        assertThat(r.get("status").asText()).isEqualTo("skipped");
        assertThat(r.get("reason").asText()).isEqualTo("DRY_RUN");
        assertThat(ordersWithClientId(cluster, "dryrun0001")).isEmpty();
    }

    @Test
    void theTradingSwitchStopsOrderCommands() {
        String topic = "halted";
        Map<String, String> config = sinkConfig(cluster, topic);
        config.put("risk.trading.enabled", "false");
        startSink(cluster, "halted-sink", config);
        send(cluster, topic, "{\"action\":\"place\",\"id\":\"halted0001\",\"symbol\":\"BTC-PERP\",\"side\":\"Buy\","
                + "\"orderType\":\"Limit\",\"price\":\"20000\",\"orderQty\":\"0.01\"}");
        send(cluster, topic, "{\"action\":\"place\",\"id\":\"halted0002\",\"symbol\":\"BTC-PERP\",\"side\":\"Buy\","
                + "\"orderType\":\"Limit\",\"price\":\"20000.1\",\"orderQty\":\"0.01\"}");
        Map<Long, JsonNode> results = resultsByOffset(cluster, topic + ".results", 1, WAIT);
        assertThat(results.get(0L).get("status").asText()).isEqualTo("skipped");
        assertThat(results.get(0L).get("reason").asText()).isEqualTo("TRADING_DISABLED");
        assertThat(ordersWithClientId(cluster, "halted0001")).isEmpty();
        // Validation still runs first: a bad command is still rejected (and fails the task under the default tolerance).
        String trace = await().atMost(WAIT).until(() -> taskTrace("halted-sink"), t -> t != null);
        assertThat(trace).contains("TICK_SIZE_VIOLATION");
    }

    private static String taskTrace(String connector) {
        try {
            ConnectorStateInfo info = cluster.connect.connectorStatus(connector);
            return info.tasks().stream().filter(t -> "FAILED".equals(t.state())).map(t -> t.trace()).findFirst()
                    .orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
