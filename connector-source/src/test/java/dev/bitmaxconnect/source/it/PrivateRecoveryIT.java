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
import dev.bitmaxconnect.client.rest.BitMaxRestClient;
import dev.bitmaxconnect.simulator.BitMaxSimulator;
import dev.bitmaxconnect.testsupport.ConnectCluster;

/**
 * The private stream against the simulator's dropped connections and a task restart, on a worker with exactly-once
 * source support (the connectors require it, so Connect checks the connector's declaration): the order topic holds
 * every order's final state as the exchange knows it, and no order state or account update twice.
 */
class PrivateRecoveryIT {
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static ConnectCluster cluster;
    private static BitMaxRestClient rest;

    @BeforeAll
    static void start() {
        cluster = ConnectCluster.builder("source-recovery-it")
                .values(ConnectCluster.Values.JSON_WITH_SCHEMAS)
                .exactlyOnceSource(true)
                .simulator(BitMaxSimulator.builder().marketDataRate(50))
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

    private static String place(String symbol, Side side, String price, String qty) {
        return rest.placeOrder(NewOrderRequest.builder().symbol(symbol).side(side).orderType(OrderType.LIMIT)
                .price(price).orderQty(qty).build()).order().orderId();
    }

    /** One round of activity: an order that rests, one that fills at once, one that is canceled. */
    private static List<String> activity() {
        List<String> ids = new ArrayList<>();
        ids.add(place("BTC-PERP", Side.BUY, "20000", "0.01"));
        ids.add(place("BTC-PERP", Side.BUY, "45000", "0.002"));
        String canceled = place("ETH-PERP", Side.SELL, "5000", "0.1");
        ids.add(canceled);
        rest.cancelOrder(CancelOrderRequest.of(canceled, "ETH-PERP"));
        return ids;
    }

    /** A stop-market buy far above the mark price: it waits, not final, until the mark price reaches it. */
    private static String placeStop(String symbol, String stopPrice, String qty) {
        return rest.placeOrder(NewOrderRequest.builder().symbol(symbol).side(Side.BUY)
                .orderType(OrderType.STOP_MARKET).stopPrice(new BigDecimal(stopPrice)).orderQty(qty).build())
                .order().orderId();
    }

    /** Orders that are canceled at once: each pushes the orders before it further back in the history. */
    private static List<String> placedAndCanceled(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = place("ETH-PERP", Side.SELL, "5000", "0.1");
            rest.cancelOrder(CancelOrderRequest.of(id, "ETH-PERP"));
            ids.add(id);
        }
        return ids;
    }

    /** Resting limit orders far from the market, and stop orders far from the mark price. */
    private static List<String> oldOrders(int resting, int stops) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < resting; i++) {
            ids.add(place("BTC-PERP", Side.BUY, "20000", "0.001"));
        }
        for (int i = 0; i < stops; i++) {
            ids.add(placeStop("BTC-PERP", "100000", "0.001"));
        }
        return ids;
    }

    /**
     * While the connector does not listen: the old limit orders canceled and the old stop orders triggered and
     * filled (by another client of the same account), then {@code newerOrders} more orders placed and canceled
     * (fewer than the history window: orders the topic never saw are recovered from the history alone).
     */
    private static void endOldOrders(List<String> oldOrders, int newerOrders, List<String> allOrders) {
        for (OrderInfo order : rest.queryOrders(oldOrders)) {
            if (order.orderType().wire().equals("Limit")) {
                rest.cancelOrder(CancelOrderRequest.of(order.orderId(), order.symbol()));
            }
        }
        cluster.simulator.setMarkPrice("BTC-PERP", new BigDecimal("100000"));
        cluster.simulator.setMarkPrice("BTC-PERP", null);
        allOrders.addAll(placedAndCanceled(newerOrders));
        assertThat(rest.queryOrders(oldOrders)).as("the old orders have ended")
                .allSatisfy(order -> assertThat(order.status().wire()).isIn("Canceled", "Filled"));
    }

    /** The last record of every order on the topic is the order's state at the exchange; no state twice. */
    private static void assertEveryOrderEndsAsTheExchangeKnowsIt(String topic, List<String> orderIds) {
        Map<String, String> exchange = rest.queryOrders(orderIds).stream()
                .collect(Collectors.toMap(OrderInfo::orderId, PrivateRecoveryIT::stateOf));
        await().atMost(WAIT).untilAsserted(() -> {
            Map<String, String> last = new HashMap<>();
            for (String state : orderStates(topic)) {
                last.put(state.substring(0, state.indexOf('|')), state);
            }
            for (String orderId : orderIds) {
                assertThat(last.get(orderId)).as("last record of %s", orderId).isEqualTo(exchange.get(orderId));
            }
        });
        assertThat(orderStates(topic)).as("no order state twice").doesNotHaveDuplicates();
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
            Map<String, OrderInfo> finalStates = rest.queryOrders(orderIds).stream()
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
        Map<String, String> config = SourceTestConfig.connector(cluster, "drops", "order,account");
        config.put("tasks.max", "1");
        config.put("exactly.once.support", "required");
        cluster.connect.kafka().createTopic("drops.order", 1);
        cluster.connect.kafka().createTopic("drops.account", 1);
        cluster.startConnector("drops", config, 1);
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
    void ordersOlderThanTheHistoryWindowThatEndWhileTheStreamIsDownEndOnTheTopicToo() {
        Map<String, String> config = SourceTestConfig.connector(cluster, "old-orders", "order,account");
        config.put("tasks.max", "1");
        config.put("exactly.once.support", "required");
        config.put("private.recovery.history.size", "20");
        cluster.connect.kafka().createTopic("old-orders.order", 1);
        cluster.connect.kafka().createTopic("old-orders.account", 1);
        cluster.startConnector("old-orders", config, 1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(cluster.all("old-orders.account")).isNotEmpty());

        List<String> oldOrders = oldOrders(8, 3);
        List<String> orderIds = new ArrayList<>(oldOrders);
        orderIds.addAll(placedAndCanceled(25));
        assertEveryOrderEndsAsTheExchangeKnowsIt("old-orders.order", orderIds);

        // The private stream goes down and stays down: the new sessions' frames (subscriptions too) are lost.
        cluster.simulator.faults().loseClientFrames(true);
        try {
            cluster.simulator.faults().dropAllConnections();
            endOldOrders(oldOrders, 10, orderIds);
        } finally {
            cluster.simulator.faults().loseClientFrames(false);
        }
        cluster.simulator.faults().dropAllConnections();

        assertEveryOrderEndsAsTheExchangeKnowsIt("old-orders.order", orderIds);
    }

    @Test
    void ordersOlderThanTheHistoryWindowThatEndWhileTheTaskIsStoppedEndOnTheTopicToo() throws Exception {
        Map<String, String> config = SourceTestConfig.connector(cluster, "old-stopped", "order,account");
        config.put("tasks.max", "1");
        config.put("exactly.once.support", "required");
        config.put("private.recovery.history.size", "20");
        cluster.connect.kafka().createTopic("old-stopped.order", 1);
        cluster.connect.kafka().createTopic("old-stopped.account", 1);
        cluster.startConnector("old-stopped", config, 1);

        List<String> oldOrders = oldOrders(8, 3);
        List<String> orderIds = new ArrayList<>(oldOrders);
        orderIds.addAll(placedAndCanceled(25));
        assertEveryOrderEndsAsTheExchangeKnowsIt("old-stopped.order", orderIds);

        // A new task learns from the committed offsets alone which orders the topic shows as not final.
        cluster.connect.stopConnector("old-stopped");
        cluster.connect.assertions().assertConnectorIsStopped("old-stopped", "connector did not stop");
        endOldOrders(oldOrders, 10, orderIds);
        cluster.connect.resumeConnector("old-stopped");
        cluster.connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("old-stopped", 1, "did not resume");

        assertEveryOrderEndsAsTheExchangeKnowsIt("old-stopped.order", orderIds);
    }

    @Test
    void aConnectorThatCannotResumeExactlyIsRefusedWhenExactlyOnceIsRequired() {
        Map<String, String> config = SourceTestConfig.connector(cluster, "eos-bbo", "bbo,order");
        config.put("exactly.once.support", "required");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> cluster.connect.configureConnector("eos-bbo", config)))
                .hasMessageContaining("exactly-once");
    }

    @Test
    void aTaskRestartDoesNotRepeatPrivateEvents() throws Exception {
        Map<String, String> config = SourceTestConfig.connector(cluster, "restart", "order,account");
        config.put("tasks.max", "1");
        config.put("exactly.once.support", "required");
        cluster.connect.kafka().createTopic("restart.order", 1);
        cluster.connect.kafka().createTopic("restart.account", 1);
        cluster.startConnector("restart", config, 1);

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
        Map<String, String> config = SourceTestConfig.connector(cluster, "slow-start", "order");
        config.put("tasks.max", "1");
        config.put("bitmax.connect.timeout.ms", "1000");
        cluster.connect.kafka().createTopic("slow-start.order", 1);
        // Every answer, the WebSocket authentication's too, comes after the first-session deadline (the connect
        // timeout) and well within the request timeout.
        cluster.simulator.faults().delayResponses(Duration.ofSeconds(3));
        try {
            cluster.startConnector("slow-start", config, 1);
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
