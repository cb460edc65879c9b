package dev.bitmaxconnect.source.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.bitmaxconnect.client.model.CancelOrderRequest;
import dev.bitmaxconnect.client.model.NewOrderRequest;
import dev.bitmaxconnect.client.model.OrderInfo;
import dev.bitmaxconnect.client.model.OrderType;
import dev.bitmaxconnect.client.model.Side;
import dev.bitmaxconnect.simulator.AcceptedOrder;
import dev.bitmaxconnect.simulator.Fill;
import dev.bitmaxconnect.simulator.SimulatorDefaults;

/**
 * The private stream against the simulator's dropped connections and a task restart, on a worker with exactly-once
 * source support (the connectors require it, so Connect checks the connector's declaration): the order topic holds
 * every order's final state as the exchange knows it, and no order state or account update twice.
 */
class PrivateRecoveryIT {
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static SourceCluster cluster;

    @BeforeAll
    static void start() {
        cluster = SourceCluster.start("source-recovery-it", 50, true);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static String place(String symbol, Side side, String price, String qty) {
        return cluster.rest.placeOrder(NewOrderRequest.builder().symbol(symbol).side(side).orderType(OrderType.LIMIT)
                .price(price).orderQty(qty).build()).order().orderId();
    }

    /** One round of activity: an order that rests, one that fills at once, one that is canceled. */
    private static List<String> activity() {
        List<String> ids = new ArrayList<>();
        ids.add(place("BTC-PERP", Side.BUY, "20000", "0.01"));
        ids.add(place("BTC-PERP", Side.BUY, "45000", "0.002"));
        String canceled = place("ETH-PERP", Side.SELL, "5000", "0.1");
        ids.add(canceled);
        cluster.rest.cancelOrder(CancelOrderRequest.of(canceled, "ETH-PERP"));
        return ids;
    }

    private static String stateOf(JsonNode payload) {
        return payload.get("orderId").asText() + "|" + payload.get("status").asText() + "|"
                + new BigDecimal(payload.get("cumFilledQty").asText()).stripTrailingZeros().toPlainString();
    }

    private static String stateOf(OrderInfo order) {
        return order.orderId() + "|" + order.status().wire() + "|"
                + order.cumFilledQty().stripTrailingZeros().toPlainString();
    }

    private static List<String> orderStates(String topic) {
        return cluster.all(topic).stream().map(r -> stateOf(r.value().get("payload"))).toList();
    }

    private static void assertEveryOrderHasItsFinalStateOnce(String topic, List<String> orderIds) {
        await().atMost(WAIT).untilAsserted(() -> {
            // Read at every attempt: an order may still be filling.
            Map<String, OrderInfo> finalStates = cluster.rest.queryOrders(orderIds).stream()
                    .collect(Collectors.toMap(OrderInfo::orderId, Function.identity()));
            List<String> states = orderStates(topic);
            for (String orderId : orderIds) {
                assertThat(states).as("final state of %s", orderId).contains(stateOf(finalStates.get(orderId)));
            }
        });
        List<String> states = orderStates(topic);
        assertThat(states).as("no order state twice").doesNotHaveDuplicates();
    }

    @Test
    void orderTopicHoldsEveryOrderStateOnceThroughRepeatedDrops() {
        Map<String, String> config = cluster.sourceConfig("drops", "order,account");
        config.put("tasks.max", "1");
        config.put("exactly.once.support", "required");
        cluster.connect.kafka().createTopic("drops.order", 1);
        cluster.connect.kafka().createTopic("drops.account", 1);
        cluster.start("drops", config, 1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(cluster.all("drops.account")).isNotEmpty());

        List<String> orderIds = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            orderIds.addAll(activity());
            cluster.simulator.faults().dropAllConnections();
            // While the stream is down: these states reach the topic only through the REST recovery.
            orderIds.addAll(activity());
            sleep(300);
        }
        orderIds.addAll(activity());

        List<AcceptedOrder> accepted = cluster.simulator.groundTruth().acceptedOrders().stream()
                .filter(o -> o.accountId().equals(SimulatorDefaults.FUTURES_ACCOUNT_ID)).toList();
        assertThat(accepted).extracting(AcceptedOrder::orderId).containsAll(orderIds);
        assertEveryOrderHasItsFinalStateOnce("drops.order", accepted.stream().map(AcceptedOrder::orderId).toList());

        // Filled quantities agree with the exchange's own fills.
        Map<String, BigDecimal> filled = new HashMap<>();
        for (Fill fill : cluster.simulator.groundTruth().fills()) {
            if (fill.accountId().equals(SimulatorDefaults.FUTURES_ACCOUNT_ID)) {
                filled.merge(fill.orderId(), fill.qty(), BigDecimal::add);
            }
        }
        Map<String, BigDecimal> lastCumFilled = new HashMap<>();
        for (ConsumerRecord<String, JsonNode> record : cluster.all("drops.order")) {
            JsonNode payload = record.value().get("payload");
            lastCumFilled.put(payload.get("orderId").asText(), new BigDecimal(payload.get("cumFilledQty").asText()));
            assertThat(record.key()).isEqualTo(SimulatorDefaults.FUTURES_ACCOUNT_ID);
        }
        filled.forEach((orderId, qty) -> assertThat(lastCumFilled.get(orderId)).as(orderId).isEqualByComparingTo(qty));
        assertThat(cluster.all("drops.order")).anySatisfy(r ->
                assertThat(r.value().get("payload").get("source").asText()).isEqualTo("recovery"));

        List<Long> accountSns = cluster.all("drops.account").stream()
                .map(r -> r.value().get("payload").get("seqNum").asLong()).toList();
        assertThat(accountSns).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void aConnectorThatCannotResumeExactlyIsRefusedWhenExactlyOnceIsRequired() {
        Map<String, String> config = cluster.sourceConfig("eos-bbo", "bbo,order");
        config.put("exactly.once.support", "required");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> cluster.connect.configureConnector("eos-bbo", config)))
                .hasMessageContaining("exactly-once");
    }

    @Test
    void aTaskRestartDoesNotRepeatPrivateEvents() throws Exception {
        Map<String, String> config = cluster.sourceConfig("restart", "order,account");
        config.put("tasks.max", "1");
        config.put("exactly.once.support", "required");
        cluster.connect.kafka().createTopic("restart.order", 1);
        cluster.connect.kafka().createTopic("restart.account", 1);
        cluster.start("restart", config, 1);

        List<String> before = activity();
        assertEveryOrderHasItsFinalStateOnce("restart.order", before);
        int accountRecordsBefore = cluster.all("restart.account").size();
        sleep(1_000); // past offset.flush.interval.ms, though a clean stop commits as well

        cluster.connect.restartTask("restart", 0);
        cluster.connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("restart", 1, "restart did not come back");
        List<String> after = activity();
        List<String> all = new ArrayList<>(before);
        all.addAll(after);
        assertEveryOrderHasItsFinalStateOnce("restart.order", all);

        List<Long> accountSns = cluster.all("restart.account").stream()
                .map(r -> r.value().get("payload").get("seqNum").asLong()).toList();
        assertThat(accountSns.size()).isGreaterThan(accountRecordsBefore);
        assertThat(accountSns).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void aPrivateStreamSlowToComeUpKeepsTheTaskRunning() throws Exception {
        Map<String, String> config = cluster.sourceConfig("slow-start", "order");
        config.put("tasks.max", "1");
        config.put("bitmax.connect.timeout.ms", "1000");
        cluster.connect.kafka().createTopic("slow-start.order", 1);
        // Every answer, the WebSocket authentication's too, comes after the first-session deadline (the connect
        // timeout) and well within the request timeout.
        cluster.simulator.faults().delayResponses(Duration.ofSeconds(3));
        try {
            cluster.start("slow-start", config, 1);
            sleep(4_000);
            assertThat(cluster.connect.connectorStatus("slow-start").tasks())
                    .singleElement().satisfies(task -> assertThat(task.state()).isEqualTo("RUNNING"));
        } finally {
            cluster.simulator.faults().delayResponses(Duration.ZERO);
        }
        assertEveryOrderHasItsFinalStateOnce("slow-start.order", activity());
        assertThat(cluster.connect.connectorStatus("slow-start").tasks().get(0).state()).isEqualTo("RUNNING");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
