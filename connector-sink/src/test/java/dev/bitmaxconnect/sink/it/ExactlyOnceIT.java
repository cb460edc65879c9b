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
import dev.bitmaxconnect.client.model.HistoryOrdersQuery;
import dev.bitmaxconnect.client.model.OrderInfo;
import dev.bitmaxconnect.client.model.OrderStatus;
import dev.bitmaxconnect.client.rest.BitMaxRestClient;
import dev.bitmaxconnect.simulator.GroundTruth;
import dev.bitmaxconnect.testsupport.ConnectCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exactly one order per command at the exchange (the simulator's ground truth) when responses are lost
 * after the exchange applied the order, and when the task restarts in the middle of a stream of batches;
 * a cancel by origId of an order older than the exchange's history window, executed once across restarts.
 */
class ExactlyOnceIT {

    private static final Duration WAIT = Duration.ofSeconds(45);
    private static ConnectCluster cluster;
    private static BitMaxRestClient rest;

    @BeforeAll
    static void start() {
        cluster = startCluster("sink-exactly-once-it");
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

    @AfterEach
    void resetFaults() {
        cluster.simulator.faults().reset();
    }

    private static String place(String id, String price) {
        return "{\"action\":\"place\",\"id\":\"" + id + "\",\"symbol\":\"BTC-PERP\",\"side\":\"Buy\","
                + "\"orderType\":\"Limit\",\"price\":\"" + price + "\",\"orderQty\":\"0.01\"}";
    }

    @Test
    void appliedButResponseLostLeavesExactlyOneOrderPerCommand() {
        String topic = "lost";
        Map<String, String> config = sinkConfig(cluster, topic);
        config.put("batch.linger.ms", "200");
        startSink(cluster, "lost-sink", config);
        // The next three placements (a coalesced batch, then single ones) are applied and their response dropped.
        cluster.simulator.faults().applyThenDropNextOrders(3);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String id = String.format("lostorder%03d", i);
            ids.add(id);
            send(cluster, topic, place(id, "20" + String.format("%03d", i)));
        }
        Map<Long, JsonNode> results = resultsByOffset(cluster, topic + ".results", ids.size(), WAIT);
        assertThat(results).hasSize(ids.size());
        long duplicates = results.values().stream().filter(r -> r.get("status").asText().equals("duplicate")).count();
        results.values().forEach(r -> assertThat(r.get("status").asText()).as("%s", r).isIn("accepted", "duplicate"));
        assertThat(duplicates).as("orders found at the exchange after a lost response").isPositive();
        for (String id : ids) {
            assertThat(ordersWithClientId(cluster, id)).as(id).hasSize(1);
        }
        // A single order whose response is lost.
        cluster.simulator.faults().reset().applyThenDropNextOrders(1);
        send(cluster, topic, place("lostsingle1", "19999"));
        JsonNode single = resultsByOffset(cluster, topic + ".results", ids.size() + 1, WAIT).get((long) ids.size());
        assertThat(single.get("status").asText()).isEqualTo("duplicate");
        assertThat(ordersWithClientId(cluster, "lostsingle1")).hasSize(1);
        // The orderId reported for a lost response is the one the exchange holds.
        results.values().stream().filter(r -> r.get("status").asText().equals("duplicate")).forEach(r ->
                assertThat(r.get("orderId").asText())
                        .isEqualTo(ordersWithClientId(cluster, r.get("commandId").asText()).get(0).orderId()));
    }

    @Test
    void retriableFailuresAreRetriedWithTheSameRequest() {
        String topic = "retry";
        startSink(cluster, "retry-sink", sinkConfig(cluster, topic));
        send(cluster, topic, place("retryorder0", "19000"));
        resultsByOffset(cluster, topic + ".results", 1, WAIT); // the partition is open, the task idle
        cluster.simulator.faults().failNextRestRequests(2, 503, 510001);
        send(cluster, topic, place("retryorder1", "19000"));
        JsonNode r = resultsByOffset(cluster, topic + ".results", 2, WAIT).get(1L);
        assertThat(r.get("status").asText()).isEqualTo("accepted");
        assertThat(r.get("attempts").asInt()).isGreaterThanOrEqualTo(2);
        var orders = ordersWithClientId(cluster, "retryorder1");
        assertThat(orders).hasSize(1);
        // The order that landed carries the time of the first request: the retry re-sent the same request.
        assertThat(orders.get(0).requestTime()).isEqualTo(r.get("requestTime").asLong());
        assertThat(orders.get(0).orderId()).isEqualTo(r.get("orderId").asText());
    }

    @Test
    void aTaskRestartInTheMiddleOfABatchLeavesExactlyOneOrderPerCommand() throws Exception {
        String topic = "restart";
        Map<String, String> config = sinkConfig(cluster, topic);
        config.put("batch.linger.ms", "50");
        startSink(cluster, "restart-sink", config);
        cluster.simulator.faults().delayResponses(Duration.ofMillis(700));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = String.format("restart%04d", i);
            ids.add(id);
            send(cluster, topic, place(id, "21" + String.format("%03d", i)));
        }
        // Restart while batches are being placed: some placed, some not, offsets partly committed.
        await().atMost(WAIT).until(() -> placed(ids) >= 10);
        assertThat(placed(ids)).isLessThan(ids.size());
        cluster.connect.restartTask("restart-sink", 0);
        cluster.simulator.faults().delayResponses(Duration.ZERO);

        await().atMost(WAIT).until(() -> placed(ids) == ids.size());
        // Every command has a result; a re-delivered command placed before the restart is a duplicate.
        await().atMost(WAIT).until(() -> resultOffsets(topic).containsAll(offsets(ids.size())));
        for (String id : ids) {
            assertThat(ordersWithClientId(cluster, id)).as(id).hasSize(1);
        }
        long duplicates = 0;
        Map<Long, List<ConsumerRecord<String, JsonNode>>> byCommand = new TreeMap<>();
        for (ConsumerRecord<String, JsonNode> r : cluster.records(topic + ".results", ids.size(), WAIT)) {
            assertThat(r.value().get("status").asText()).as("%s", r.value()).isIn("accepted", "duplicate");
            duplicates += r.value().get("status").asText().equals("duplicate") ? 1 : 0;
            byCommand.computeIfAbsent(r.value().get("offset").asLong(), o -> new ArrayList<>()).add(r);
        }
        // The batch in flight at the restart finished after the last commit: re-delivered, found, not resent.
        assertThat(duplicates).as("commands re-delivered after the restart and found at the exchange").isPositive();

        // Results are written at least once: the first task answered the batch it finished too. A repeat has the
        // command's key and offset and the same orderId, and says duplicate; the first record said accepted.
        Map<Long, List<ConsumerRecord<String, JsonNode>>> repeated = new TreeMap<>(byCommand);
        repeated.values().removeIf(results -> results.size() == 1);
        assertThat(repeated).as("commands answered by the task before the restart and again after it").isNotEmpty();
        repeated.forEach((offset, results) -> {
            assertThat(results).as("results of offset %d", offset).hasSize(2)
                    .extracting(ConsumerRecord::key).containsOnly(results.get(0).key());
            assertThat(results).extracting(r -> r.value().get("orderId").asText())
                    .containsOnly(results.get(0).value().get("orderId").asText());
            assertThat(results).extracting(r -> r.value().get("status").asText())
                    .containsExactly("accepted", "duplicate");
        });
    }

    @Test
    void aCancelByOrigIdOfAnOrderOutsideTheHistoryWindowExecutesOnceAcrossRestarts() throws Exception {
        String topic = "origid";
        String connector = "origid-sink";
        Map<String, String> config = sinkConfig(cluster, topic);
        config.put("recovery.history.size", "20");
        startSink(cluster, connector, config);
        send(cluster, topic, place("origidold01", "19000"));
        for (int i = 0; i < 25; i++) {
            send(cluster, topic, place(String.format("origidnew%03d", i), "19100"));
        }
        resultsByOffset(cluster, topic + ".results", 26, WAIT).values()
                .forEach(r -> assertThat(r.get("status").asText()).as("%s", r).isEqualTo("accepted"));
        String orderId = ordersWithClientId(cluster, "origidold01").get(0).orderId();
        // Out of the window a restarted task reads from the exchange: only the open orders still show it.
        assertThat(rest.currentHistoryOrders(new HistoryOrdersQuery(null, 20, null)))
                .extracting(OrderInfo::orderId).doesNotContain(orderId);

        // A restarted task cancels the old order by the client id it was placed with.
        cluster.connect.restartTask(connector, 0);
        cluster.connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(connector, 1, "restarted");
        String cancel = "{\"action\":\"cancel\",\"id\":\"origidcxl01\",\"symbol\":\"BTC-PERP\","
                + "\"origId\":\"origidold01\"}";
        send(cluster, topic, cancel);
        JsonNode first = resultsByOffset(cluster, topic + ".results", 27, WAIT).get(26L);
        assertThat(first.get("status").asText()).as("%s", first).isEqualTo("accepted");
        assertThat(first.get("orderId").asText()).isEqualTo(orderId);
        assertThat(rest.queryOrder(orderId).status().is(OrderStatus.Known.CANCELED)).isTrue();

        // The same cancel delivered again to a new task, as after a restart before its offset was committed.
        GroundTruth.Counts before = cluster.simulator.groundTruth().counts();
        cluster.connect.stopConnector(connector);
        cluster.connect.assertions().assertConnectorIsStopped(connector, "stopped");
        cluster.connect.alterSinkConnectorOffset(connector, new TopicPartition(topic, 0), 26L);
        cluster.connect.resumeConnector(connector);
        cluster.connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(connector, 1, "resumed");
        List<JsonNode> cancels = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            cancels.clear();
            for (ConsumerRecord<String, JsonNode> r : cluster.records(topic + ".results", 27, WAIT)) {
                if ("origidcxl01".equals(r.key())) {
                    cancels.add(r.value());
                }
            }
            return cancels.size() >= 2;
        });
        JsonNode second = cancels.get(1);
        assertThat(second.get("offset").asLong()).isEqualTo(26L);
        assertThat(second.get("status").asText()).as("%s", second).isEqualTo("duplicate");
        assertThat(second.get("reason").asText()).isEqualTo("ALREADY_CANCELED");
        assertThat(second.get("orderId").asText()).isEqualTo(orderId);
        assertThat(second.get("attempts").asInt()).as("requests sent").isZero();
        // Nothing more reached the exchange: no order, no cancel, no refused request.
        GroundTruth.Counts after = cluster.simulator.groundTruth().counts();
        assertThat(after.acceptedOrders()).isEqualTo(before.acceptedOrders());
        assertThat(after.canceledOrders()).isEqualTo(before.canceledOrders());
        assertThat(after.rejectedRequests()).isEqualTo(before.rejectedRequests());
        assertThat(ordersWithClientId(cluster, "origidold01")).hasSize(1);
        assertThat(rest.queryOrder(orderId).status().is(OrderStatus.Known.CANCELED)).isTrue();
    }

    @Test
    void placesDeliveredAgainWhoseOrdersLeftTheHistoryWindowAreNotPlacedAgain() throws Exception {
        String topic = "oldplace";
        String connector = "oldplace-sink";
        Map<String, String> config = sinkConfig(cluster, topic);
        config.put("recovery.history.size", "20");
        startSink(cluster, connector, config);
        send(cluster, topic, place("oldplace001", "19000"));
        send(cluster, topic, "{\"action\":\"cancel\",\"id\":\"oldplacecxl1\",\"symbol\":\"BTC-PERP\","
                + "\"origId\":\"oldplace001\"}");
        for (int i = 0; i < 25; i++) {
            send(cluster, topic, place(String.format("oldplacenew%03d", i), "19100"));
        }
        resultsByOffset(cluster, topic + ".results", 27, WAIT).values()
                .forEach(r -> assertThat(r.get("status").asText()).as("%s", r).isEqualTo("accepted"));
        String orderId = ordersWithClientId(cluster, "oldplace001").get(0).orderId();
        // Neither open nor in the window a new task reads from the exchange.
        assertThat(rest.openOrders()).extracting(OrderInfo::orderId).doesNotContain(orderId);
        assertThat(rest.currentHistoryOrders(new HistoryOrdersQuery(null, 20, null)))
                .extracting(OrderInfo::orderId).doesNotContain(orderId);

        // Every command delivered again to a new task, as after a restart before any offset was committed.
        GroundTruth.Counts before = cluster.simulator.groundTruth().counts();
        cluster.connect.stopConnector(connector);
        cluster.connect.assertions().assertConnectorIsStopped(connector, "stopped");
        cluster.connect.alterSinkConnectorOffset(connector, new TopicPartition(topic, 0), 0L);
        cluster.connect.resumeConnector(connector);
        cluster.connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(connector, 1, "resumed");
        List<ConsumerRecord<String, JsonNode>> all = cluster.records(topic + ".results", 54, WAIT);
        assertThat(all).hasSize(54);
        for (ConsumerRecord<String, JsonNode> r : all.subList(27, 54)) {
            assertThat(r.value().get("status").asText()).as("%s", r.value()).isEqualTo("duplicate");
        }
        assertThat(all.get(27).value().get("orderId").asText()).isEqualTo(orderId);
        GroundTruth.Counts after = cluster.simulator.groundTruth().counts();
        assertThat(after.acceptedOrders()).isEqualTo(before.acceptedOrders());
        assertThat(after.canceledOrders()).isEqualTo(before.canceledOrders());
        assertThat(after.rejectedRequests()).isEqualTo(before.rejectedRequests());
        assertThat(ordersWithClientId(cluster, "oldplace001")).hasSize(1);
    }

    private static long placed(List<String> ids) {
        return ids.stream().filter(id -> !ordersWithClientId(cluster, id).isEmpty()).count();
    }

    private static Set<Long> resultOffsets(String topic) {
        return new HashSet<>(resultsByOffset(cluster, topic + ".results", 1, WAIT).keySet());
    }

    private static List<Long> offsets(int n) {
        List<Long> out = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }
}
