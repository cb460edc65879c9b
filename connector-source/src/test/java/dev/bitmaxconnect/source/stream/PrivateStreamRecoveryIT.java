package dev.bitmaxconnect.source.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.bitmaxconnect.client.BitMaxClientConfig;
import dev.bitmaxconnect.client.model.CancelOrderRequest;
import dev.bitmaxconnect.client.model.HistoryOrdersQuery;
import dev.bitmaxconnect.client.model.NewOrderRequest;
import dev.bitmaxconnect.client.model.OrderType;
import dev.bitmaxconnect.client.model.OrderInfo;
import dev.bitmaxconnect.client.model.Side;
import dev.bitmaxconnect.client.model.TimeInForce;
import dev.bitmaxconnect.client.rest.BitMaxRestClient;
import dev.bitmaxconnect.common.retry.Backoff;
import dev.bitmaxconnect.simulator.BitMaxSimulator;
import dev.bitmaxconnect.simulator.SimulatorDefaults;
import dev.bitmaxconnect.source.config.Channel;
import dev.bitmaxconnect.source.config.QueueFullBehavior;
import dev.bitmaxconnect.source.metrics.SourceTaskMetrics;

/** The REST side of the private recovery against the simulator: what it reads, and in how many requests. */
class PrivateStreamRecoveryIT {
    private static BitMaxSimulator simulator;
    private static BitMaxRestClient rest;

    @BeforeAll
    static void start() {
        simulator = BitMaxSimulator.builder().port(0).seed(SimulatorDefaults.SEED).marketDataRate(0)
                .apiKey(SimulatorDefaults.API_KEY, SimulatorDefaults.API_SECRET).build().start();
        rest = new BitMaxRestClient(BitMaxClientConfig.builder().restUrl(simulator.restUrl())
                .credentials(SimulatorDefaults.API_KEY, SimulatorDefaults.API_SECRET).requestsPerSecond(2_000).build());
    }

    @AfterAll
    static void stop() {
        rest.close();
        simulator.close();
    }

    @Test
    void ordersTheTopicShowsNotFinalAndNoListHoldsAreLookedUpByIdInBatches() throws Exception {
        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String orderId = rest.placeOrder(NewOrderRequest.builder().symbol("ETH-PERP").side(Side.SELL)
                    .orderType(OrderType.LIMIT).price("5000").orderQty("0.1").build()).order().orderId();
            rest.cancelOrder(CancelOrderRequest.of(orderId, "ETH-PERP"));
            orderIds.add(orderId);
        }
        List<String> notFinal = new ArrayList<>(orderIds);
        notFinal.add("a00000000000U0123456789unknownXX");
        NotFinalOrders published = new NotFinalOrders();
        published.publish(0, notFinal);

        SourceTaskMetrics metrics = new SourceTaskMetrics();
        EventQueue queue = new EventQueue(100, QueueFullBehavior.BLOCK, metrics);
        PrivateStreamListener listener = new PrivateStreamListener(queue, metrics, Set.of());
        long requestsBefore = simulator.groundTruth().counts().restRequests();
        // the history read holds the newest order only; the six others and the unknown one are looked up, 3 a request
        try (PrivateStreamRecovery recovery = new PrivateStreamRecovery(rest, queue, listener, published,
                new PrivateStreamRecovery.Settings(Set.of(Channel.ORDER), 1, 3, 5_000, new Backoff(10, 100)))) {
            recovery.recoverAfterSubscribed(0);
            List<TaskEvent> events = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> queue.drainTo(events, 10, 100) > 0);

            assertThat(events).singleElement().isInstanceOf(TaskEvent.Recovery.class);
            List<PrivateEvent> recovered = ((TaskEvent.Recovery) events.get(0)).events();
            assertThat(recovered).extracting(PrivateEvent::id).containsAll(orderIds);
            assertThat(recovered).filteredOn(e -> orderIds.contains(e.id()))
                    .extracting(PrivateEvent::state).containsOnly("Canceled|0");
            assertThat(simulator.groundTruth().counts().restRequests() - requestsBefore)
                    .as("open orders, history, and 7 ids in batches of 3").isEqualTo(2 + 3);
        }
    }

    @Test
    void anOrderOlderThanTheWholeHistoryTheExchangeKeepsIsRecoveredById() throws Exception {
        String old = rest.placeOrder(NewOrderRequest.builder().symbol("BTC-PERP").side(Side.BUY)
                .orderType(OrderType.LIMIT).price("20000").orderQty("0.001").build()).order().orderId();
        for (int i = 0; i < 1_000; i++) { // each canceled at once: the simulator's history keeps 1,000 orders
            rest.placeOrder(NewOrderRequest.builder().symbol("BTC-PERP").side(Side.BUY).orderType(OrderType.LIMIT)
                    .timeInForce(TimeInForce.IOC).price("20000").orderQty("0.001").build());
        }
        rest.cancelOrder(CancelOrderRequest.of(old, "BTC-PERP"));
        assertThat(rest.currentHistoryOrders(new HistoryOrdersQuery(null, 1_000, false)))
                .extracting(OrderInfo::orderId).doesNotContain(old);
        NotFinalOrders published = new NotFinalOrders();
        published.publish(0, List.of(old));

        SourceTaskMetrics metrics = new SourceTaskMetrics();
        EventQueue queue = new EventQueue(100, QueueFullBehavior.BLOCK, metrics);
        PrivateStreamListener listener = new PrivateStreamListener(queue, metrics, Set.of());
        try (PrivateStreamRecovery recovery = new PrivateStreamRecovery(rest, queue, listener, published,
                new PrivateStreamRecovery.Settings(Set.of(Channel.ORDER), 1_000, 100, 5_000, new Backoff(10, 100)))) {
            recovery.recoverAfterSubscribed(0);
            List<TaskEvent> events = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> queue.drainTo(events, 10, 100) > 0);
            assertThat(((TaskEvent.Recovery) events.get(0)).events()).filteredOn(e -> e.id().equals(old))
                    .extracting(PrivateEvent::state).containsExactly("Canceled|0");
        }
    }

    @Test
    void theRecoveryWaitsUntilThePollThreadHasTakenInTheLostSession() throws Exception {
        SourceTaskMetrics metrics = new SourceTaskMetrics();
        EventQueue queue = new EventQueue(100, QueueFullBehavior.BLOCK, metrics);
        PrivateStreamListener listener = new PrivateStreamListener(queue, metrics, Set.of());
        NotFinalOrders published = new NotFinalOrders();
        try (PrivateStreamRecovery recovery = new PrivateStreamRecovery(rest, queue, listener, published,
                new PrivateStreamRecovery.Settings(Set.of(Channel.ORDER), 1, 3, 200, new Backoff(10, 100)))) {
            recovery.recoverAfterSubscribed(0);
            List<TaskEvent> events = new ArrayList<>();
            assertThat(queue.drainTo(events, 10, 1_000)).as("nothing before the poll thread published").isZero();
            published.publish(0, List.of());
            await().atMost(Duration.ofSeconds(20)).until(() -> queue.drainTo(events, 10, 100) > 0);
            assertThat(events).singleElement().isInstanceOf(TaskEvent.Recovery.class);
        }
    }
}
