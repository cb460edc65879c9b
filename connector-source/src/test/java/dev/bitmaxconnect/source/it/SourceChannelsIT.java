package dev.bitmaxconnect.source.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.bitmaxconnect.client.model.NewOrderRequest;
import dev.bitmaxconnect.client.model.OrderType;
import dev.bitmaxconnect.client.model.Side;
import dev.bitmaxconnect.simulator.BitMaxSimulator;
import dev.bitmaxconnect.simulator.SimulatorDefaults;
import dev.bitmaxconnect.source.metrics.SourceTaskMetrics;
import dev.bitmaxconnect.source.record.RecordHeaders;
import dev.bitmaxconnect.client.rest.BitMaxRestClient;
import dev.bitmaxconnect.testsupport.ConnectCluster;

/** The source on a real Kafka and Connect worker against the simulator: every channel lands in its topic with its schema. */
class SourceChannelsIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static ConnectCluster cluster;
    private static BitMaxRestClient rest;

    @BeforeAll
    static void start() {
        cluster = ConnectCluster.builder("source-channels-it")
                .values(ConnectCluster.Values.JSON_WITH_SCHEMAS)
                .simulator(BitMaxSimulator.builder().marketDataRate(200))
                .start();
        rest = SourceTestConfig.restClient(cluster.simulator);
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
    void everyChannelLandsInItsTopicWithItsSchema() throws Exception {
        String prefix = "all";
        Map<String, String> config = SourceTestConfig.connector(cluster, prefix, "pricing,bbo,depth,trades,bar,order,account");
        config.put("reference.data", "contracts,collateral,pricing");
        config.put("reference.refresh.interval.ms", "60000");
        config.put("topic.trades", "all-trades");
        Map<String, String> schemaOfTopic = Map.ofEntries(
                Map.entry("all.pricing", "PricingData"), Map.entry("all.bbo", "Bbo"),
                Map.entry("all.depth", "DepthUpdate"), Map.entry("all-trades", "Trade"), Map.entry("all.bar", "Bar"),
                Map.entry("all.order", "Order"), Map.entry("all.account", "AccountUpdate"),
                Map.entry("all.ref.contracts", "Contract"), Map.entry("all.ref.collateral", "CollateralAsset"),
                Map.entry("all.ref.contract-pricing", "ContractPricing"),
                Map.entry("all.ref.collateral-pricing", "CollateralPrice"));
        schemaOfTopic.keySet().forEach(topic -> cluster.connect.kafka().createTopic(topic, 1));
        cluster.startConnector("all-channels", config, 2);

        // Private activity: one order that rests, one that is canceled.
        await().atMost(WAIT).untilAsserted(() -> assertThat(cluster.all("all.account")).isNotEmpty());
        String resting = rest.placeOrder(NewOrderRequest.builder().symbol("BTC-PERP").side(Side.BUY)
                .orderType(OrderType.LIMIT).price("20000").orderQty("0.01").build()).order().orderId();
        assertThat(resting).isNotBlank();

        for (Map.Entry<String, String> entry : schemaOfTopic.entrySet()) {
            List<ConsumerRecord<String, JsonNode>> records = cluster.records(entry.getKey(), 1, WAIT);
            ConsumerRecord<String, JsonNode> record = records.get(0);
            JsonNode schema = record.value().get("schema");
            assertThat(schema.get("name").asText()).as(entry.getKey())
                    .isEqualTo("dev.bitmaxconnect.source." + entry.getValue());
            assertThat(schema.get("version").asInt()).as(entry.getKey()).isEqualTo(1);
            assertThat(record.key()).as(entry.getKey()).isNotBlank();
            if (!entry.getKey().contains(".ref.")) {
                assertThat(ConnectCluster.header(record, RecordHeaders.CHANNEL)).as(entry.getKey()).isNotBlank();
            }
        }

        ConsumerRecord<String, JsonNode> trade = cluster.records("all-trades", 1, WAIT).get(0);
        JsonNode payload = trade.value().get("payload");
        assertThat(trade.key()).isIn("BTC-PERP", "ETH-PERP");
        assertThat(payload.get("symbol").asText()).isEqualTo(trade.key());
        assertThat(new BigDecimal(payload.get("price").asText())).isPositive();
        assertThat(trade.timestamp()).isEqualTo(payload.get("time").asLong());
        assertThat(Long.parseLong(ConnectCluster.header(trade, RecordHeaders.SEQUENCE))).isEqualTo(payload.get("seqnum").asLong());

        ConsumerRecord<String, JsonNode> depth = cluster.records("all.depth", 1, WAIT).get(0);
        assertThat(depth.value().get("payload").get("bids").isArray()).isTrue();

        await().atMost(WAIT).untilAsserted(() -> assertThat(cluster.all("all.order"))
                .anySatisfy(r -> {
                    assertThat(r.key()).isEqualTo(SimulatorDefaults.FUTURES_ACCOUNT_ID);
                    assertThat(r.value().get("payload").get("orderId").asText()).isEqualTo(resting);
                    assertThat(r.value().get("payload").get("status").asText()).isEqualTo("New");
                }));
        ConsumerRecord<String, JsonNode> account = cluster.all("all.account").get(0);
        assertThat(account.key()).isEqualTo(SimulatorDefaults.FUTURES_ACCOUNT_ID);
        assertThat(account.value().get("payload").get("snapshot").asBoolean()).isTrue();
        assertThat(account.value().get("payload").get("collaterals")).isNotEmpty();
        assertThat(cluster.all("all.ref.contracts")).extracting(ConsumerRecord::key).contains("BTC-PERP", "ETH-PERP");

        // Per-task JMX metrics of the worker's tasks (same JVM).
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        for (String task : List.of("0", "1")) {
            ObjectName name = SourceTaskMetrics.pluginObjectName("all-channels", task);
            assertThat(count(server, name, "messages-in-total")).as("task %s", task).isPositive();
            assertThat(count(server, name, "records-out-total")).as("task %s", task).isPositive();
            assertThat(count(server, name, "undecodable-messages-total")).as("task %s", task).isZero();
        }
    }

    @Test
    void marketDataIsMarkedAfterAReconnectAndNeverRepeatedAcrossARestart() throws Exception {
        Map<String, String> config = SourceTestConfig.connector(cluster, "md", "trades,depth");
        config.put("tasks.max", "1");
        cluster.connect.kafka().createTopic("md.trades", 1);
        cluster.connect.kafka().createTopic("md.depth", 1);
        cluster.startConnector("market-data", config, 1);
        cluster.records("md.depth", 20, WAIT);

        cluster.simulator.faults().dropAllConnections();
        await().atMost(WAIT).untilAsserted(() -> assertThat(cluster.all("md.depth", "md.trades")).anySatisfy(r -> {
            assertThat(r.value().get("payload").get("gapBefore").asBoolean()).isTrue();
            assertThat(ConnectCluster.header(r, RecordHeaders.GAP)).isEqualTo("true");
        }));
        ObjectName metrics = SourceTaskMetrics.pluginObjectName("market-data", "0");
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        assertThat(count(server, metrics, "reconnects-total")).isPositive();
        assertThat(count(server, metrics, "gaps-total")).isPositive();

        // No wait for an offset commit: a task restarted through the REST API is stopped cleanly, and Connect
        // commits the offsets of everything it wrote as it stops, so a repeat below would be the connector's own.
        int before = cluster.all("md.depth").size();
        cluster.connect.restartTask("market-data", 0);
        cluster.connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("market-data", 1, "no restart");
        await().atMost(WAIT).untilAsserted(() -> assertThat(cluster.all("md.depth").size()).isGreaterThan(before + 20));

        for (String topic : List.of("md.depth", "md.trades")) {
            Map<String, Long> last = new HashMap<>();
            for (ConsumerRecord<String, JsonNode> r : cluster.all(topic)) {
                long seqnum = r.value().get("payload").get("seqnum").asLong();
                Long previous = last.put(r.key(), seqnum);
                assertThat(previous == null || seqnum > previous).as("%s %s seqnum %d after %d", topic, r.key(), seqnum, previous)
                        .isTrue();
            }
        }
        cluster.connect.deleteConnector("market-data");
    }

    @Test
    void malformedFramesAreCountedAndTheTaskGoesOn() throws Exception {
        Map<String, String> config = SourceTestConfig.connector(cluster, "junk", "bbo,trades,depth");
        config.put("tasks.max", "1");
        List.of("junk.bbo", "junk.trades", "junk.depth").forEach(t -> cluster.connect.kafka().createTopic(t, 1));
        cluster.startConnector("junk", config, 1);
        cluster.records("junk.depth", 5, WAIT);

        assertThat(cluster.simulator.faults().sendMalformedFrames(8)).isPositive();
        ObjectName metrics = SourceTaskMetrics.pluginObjectName("junk", "0");
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(count(server, metrics, "undecodable-messages-total")).isGreaterThanOrEqualTo(4));
        int before = cluster.all("junk.depth").size();
        await().atMost(WAIT).untilAsserted(() -> assertThat(cluster.all("junk.depth").size()).isGreaterThan(before + 5));
        assertThat(cluster.connect.connectorStatus("junk").tasks().get(0).state()).isEqualTo("RUNNING");
        cluster.connect.deleteConnector("junk");
    }

    @Test
    void aKeyRevokedWhileRunningFailsTheTaskAtTheNextReconnect() {
        try (BitMaxSimulator revoking = BitMaxSimulator.builder().port(0).seed(7).marketDataRate(0)
                .apiKey(SimulatorDefaults.API_KEY, SimulatorDefaults.API_SECRET).build().start()) {
            Map<String, String> config = SourceTestConfig.connector(cluster, "revoked", "order");
            config.put("tasks.max", "1");
            config.put("bitmax.rest.url", revoking.restUrl());
            config.put("bitmax.ws.url", revoking.wsUrl());
            cluster.startConnector("revoked", config, 1);
            revoking.faults().refuseAuth(true);
            revoking.faults().dropAllConnections();
            await().atMost(WAIT).untilAsserted(() -> {
                ConnectorStateInfo.TaskState task = cluster.connect.connectorStatus("revoked").tasks().get(0);
                assertThat(task.state()).isEqualTo("FAILED");
                assertThat(task.trace()).contains("bitmax.api.key").doesNotContain(SimulatorDefaults.API_SECRET);
            });
            cluster.connect.deleteConnector("revoked");
        }
    }

    @Test
    void refusedCredentialsFailTheTaskWithAMessageSayingWhatToFix() {
        Map<String, String> config = SourceTestConfig.connector(cluster, "badauth", "order");
        config.put("bitmax.api.secret", "not-the-secret");
        config.put("tasks.max", "1");
        cluster.connect.configureConnector("bad-auth", config);
        await().atMost(WAIT).untilAsserted(() -> {
            ConnectorStateInfo status = cluster.connect.connectorStatus("bad-auth");
            assertThat(status.tasks()).isNotEmpty();
            ConnectorStateInfo.TaskState task = status.tasks().get(0);
            assertThat(task.state()).isEqualTo("FAILED");
            assertThat(task.trace()).contains("bitmax.api.secret").doesNotContain("not-the-secret");
        });
        cluster.connect.deleteConnector("bad-auth");
    }

    /** A counter of the task's metrics (Kafka's metrics give doubles). */
    private static long count(MBeanServer server, ObjectName metrics, String attribute) throws Exception {
        return ((Number) server.getAttribute(metrics, attribute)).longValue();
    }
}
