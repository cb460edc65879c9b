package dev.bitmaxconnect.sink.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exactly one order per command at the exchange (the simulator's ground truth) when responses are lost
 * after the exchange applied the order, and when the task restarts in the middle of a stream of batches.
 */
class ExactlyOnceIT {

    private static final Duration WAIT = Duration.ofSeconds(45);
    private static SinkCluster cluster;

    @BeforeAll
    static void start() {
        cluster = SinkCluster.start("sink-exactly-once-it");
    }

    @AfterAll
    static void stop() {
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
        Map<String, String> config = cluster.sinkConfig(topic);
        config.put("batch.linger.ms", "200");
        cluster.start("lost-sink", config);
        // The next three placements (a coalesced batch, then single ones) are applied and their response dropped.
        cluster.simulator.faults().applyThenDropNextOrders(3);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String id = String.format("lostorder%03d", i);
            ids.add(id);
            cluster.send(topic, place(id, "20" + String.format("%03d", i)));
        }
        Map<Long, JsonNode> results = cluster.resultsByOffset(topic + ".results", ids.size(), WAIT);
        assertThat(results).hasSize(ids.size());
        long duplicates = results.values().stream().filter(r -> r.get("status").asText().equals("duplicate")).count();
        results.values().forEach(r -> assertThat(r.get("status").asText()).as("%s", r).isIn("accepted", "duplicate"));
        assertThat(duplicates).as("orders found at the exchange after a lost response").isPositive();
        for (String id : ids) {
            assertThat(cluster.ordersWithClientId(id)).as(id).hasSize(1);
        }
        // A single order whose response is lost.
        cluster.simulator.faults().reset().applyThenDropNextOrders(1);
        cluster.send(topic, place("lostsingle1", "19999"));
        JsonNode single = cluster.resultsByOffset(topic + ".results", ids.size() + 1, WAIT).get((long) ids.size());
        assertThat(single.get("status").asText()).isEqualTo("duplicate");
        assertThat(cluster.ordersWithClientId("lostsingle1")).hasSize(1);
        // The orderId reported for a lost response is the one the exchange holds.
        results.values().stream().filter(r -> r.get("status").asText().equals("duplicate")).forEach(r ->
                assertThat(r.get("orderId").asText())
                        .isEqualTo(cluster.ordersWithClientId(r.get("commandId").asText()).get(0).orderId()));
    }

    @Test
    void retriableFailuresAreRetriedWithTheSameRequest() {
        String topic = "retry";
        cluster.start("retry-sink", cluster.sinkConfig(topic));
        cluster.send(topic, place("retryorder0", "19000"));
        cluster.resultsByOffset(topic + ".results", 1, WAIT); // the partition is open, the task idle
        cluster.simulator.faults().failNextRestRequests(2, 503, 510001);
        cluster.send(topic, place("retryorder1", "19000"));
        JsonNode r = cluster.resultsByOffset(topic + ".results", 2, WAIT).get(1L);
        assertThat(r.get("status").asText()).isEqualTo("accepted");
        assertThat(r.get("attempts").asInt()).isGreaterThanOrEqualTo(2);
        var orders = cluster.ordersWithClientId("retryorder1");
        assertThat(orders).hasSize(1);
        // The order that landed carries the time of the first request: the retry re-sent the same request.
        assertThat(orders.get(0).requestTime()).isEqualTo(r.get("requestTime").asLong());
        assertThat(orders.get(0).orderId()).isEqualTo(r.get("orderId").asText());
    }

    @Test
    void aTaskRestartInTheMiddleOfABatchLeavesExactlyOneOrderPerCommand() throws Exception {
        String topic = "restart";
        Map<String, String> config = cluster.sinkConfig(topic);
        config.put("batch.linger.ms", "50");
        cluster.start("restart-sink", config);
        cluster.simulator.faults().delayResponses(Duration.ofMillis(700));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = String.format("restart%04d", i);
            ids.add(id);
            cluster.send(topic, place(id, "21" + String.format("%03d", i)));
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
            assertThat(cluster.ordersWithClientId(id)).as(id).hasSize(1);
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

    private static long placed(List<String> ids) {
        return ids.stream().filter(id -> !cluster.ordersWithClientId(id).isEmpty()).count();
    }

    private static Set<Long> resultOffsets(String topic) {
        return new java.util.HashSet<>(cluster.resultsByOffset(topic + ".results", 1, WAIT).keySet());
    }

    private static List<Long> offsets(int n) {
        List<Long> out = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }
}
