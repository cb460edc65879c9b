package dev.bitmaxconnect.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitmaxconnect.examples.marketdata.MarketDataTail;
import dev.bitmaxconnect.examples.orders.OrderLifecycleReport;
import dev.bitmaxconnect.examples.orders.OrderLifecycles;
import dev.bitmaxconnect.simulator.AcceptedOrder;
import dev.bitmaxconnect.simulator.BitMaxSimulator;
import dev.bitmaxconnect.simulator.SimulatorDefaults;
import dev.bitmaxconnect.sink.BitMaxSinkConnector;
import dev.bitmaxconnect.source.BitMaxSourceConnector;
import dev.bitmaxconnect.testsupport.ConnectCluster;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.connect.converters.ByteArrayConverter;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The programs of docs/examples, run as the quickstart runs the connectors: the source connector writes trades,
 * depth and the account's orders ({@code bitmax.trades}, {@code bitmax.depth}, {@code bitmax.order}, JSON values
 * without schemas), the sink executes the commands of {@code bitmax-commands} and writes one result each to
 * {@code bitmax-results}, all against the simulator.
 */
class ExamplePipelinesIT {

    private static final String COMMANDS = "bitmax-commands";
    private static final String RESULTS = "bitmax-results";
    private static final String ORDERS = "bitmax.order";
    private static ConnectCluster cluster;

    @BeforeAll
    static void start() {
        cluster = ConnectCluster.builder("examples")
                .values(ConnectCluster.Values.JSON)
                .simulator(BitMaxSimulator.builder().marketDataRate(20)
                        .apiKey(SimulatorDefaults.API_KEY, SimulatorDefaults.API_SECRET))
                .start();
        for (String topic : List.of(COMMANDS, RESULTS, ORDERS, "bitmax.trades", "bitmax.depth")) {
            cluster.connect.kafka().createTopic(topic, 1);
        }
        Map<String, String> source = cluster.exchangeConfig(BitMaxSourceConnector.class.getName());
        source.put("tasks.max", "1");
        source.put("symbols", "BTC-PERP,ETH-PERP");
        source.put("channels", "trades,depth,order");
        source.put("topic.prefix", "bitmax");
        cluster.startConnector("bitmax-source", source, 1);
        Map<String, String> sink = cluster.exchangeConfig(BitMaxSinkConnector.class.getName());
        sink.put("tasks.max", "1");
        sink.put("topics", COMMANDS);
        sink.put("topic.results", RESULTS);
        sink.put("results.producer.bootstrap.servers", cluster.connect.kafka().bootstrapServers());
        sink.put("value.converter", ByteArrayConverter.class.getName());
        // as the shipped configuration: a refused command gets its result and the task goes on
        sink.put("errors.tolerance", "all");
        sink.put("errors.deadletterqueue.topic.name", COMMANDS + "-dlq");
        sink.put("errors.deadletterqueue.topic.replication.factor", "1");
        cluster.startConnector("bitmax-sink", sink, 1);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void marketDataRecordsAreKeyedBySymbolStampedWithTheExchangeTimeAndNumberedInOrder() {
        List<MarketDataTail.Tick> ticks = MarketDataTail.read(cluster.connect.kafka().bootstrapServers(),
                List.of("bitmax.trades", "bitmax.depth"), 40, Duration.ofSeconds(60));
        ticks.stream().filter(t -> t.topic().equals("bitmax.trades")).limit(2).forEach(System.out::println);
        ticks.stream().filter(t -> t.topic().equals("bitmax.depth")).limit(2).forEach(System.out::println);

        assertThat(ticks).hasSize(40);
        assertThat(ticks).extracting(MarketDataTail.Tick::topic).contains("bitmax.trades", "bitmax.depth");
        Map<String, Long> lastSeqnum = new HashMap<>();
        for (MarketDataTail.Tick tick : ticks) {
            assertThat(tick.symbol()).as(tick.toString()).isIn("BTC-PERP", "ETH-PERP").isEqualTo(tick.value().path("symbol").asText());
            assertThat(tick.timestamp().toEpochMilli()).as(tick.toString()).isEqualTo(tick.value().path("time").asLong());
            boolean snapshot = tick.value().path("snapshot").asBoolean(false);
            assertThat(tick.channel()).as(tick.toString())
                    .isEqualTo(tick.topic().equals("bitmax.trades") ? "trades" : snapshot ? "depth-snapshot" : "depth");
            assertThat(tick.seqnumHeader()).as(tick.toString()).isEqualTo(tick.value().path("seqnum").asLong());
            assertThat(tick.value().path("gapBefore").isBoolean()).as(tick.toString()).isTrue();
            // one symbol's records of one topic: increasing seqnum, never one twice
            Long before = lastSeqnum.put(tick.topic() + "/" + tick.symbol(), tick.seqnumHeader());
            if (before != null && snapshot) {
                // a snapshot after a gap may stand at the seqnum of the last update before it
                assertThat(tick.seqnumHeader()).as(tick.toString()).isGreaterThanOrEqualTo(before);
            } else if (before != null) {
                assertThat(tick.seqnumHeader()).as(tick.toString()).isGreaterThan(before);
            }
        }
    }

    @Test
    void everyCommandsOrderIsFollowedThroughItsResultToItsFinalStateOnTheOrderTopic() throws Exception {
        BigDecimal btcBid = tick(cluster.simulator.markPrice("BTC-PERP").multiply(new BigDecimal("0.9")), "0.25");
        BigDecimal ethBid = tick(cluster.simulator.markPrice("ETH-PERP").multiply(new BigDecimal("0.9")), "0.01");
        List<String> commands = List.of(
                place("demo1limit", "BTC-PERP", "Buy", "Limit", "0.01", btcBid),
                place("demo1market", "BTC-PERP", "Buy", "Market", "0.005", null),
                "{\"action\":\"place-batch\",\"id\":\"demo1batch\",\"orders\":["
                        + place(null, "demo1batch1", "ETH-PERP", "Buy", "Limit", "0.1", ethBid) + ","
                        + place(null, "demo1batch2", "ETH-PERP", "Sell", "Market", "0.05", null) + "]}",
                place("demo1refused", "NOPE-PERP", "Buy", "Limit", "1", BigDecimal.ONE),
                "{\"action\":\"cancel\",\"id\":\"demo1cancel\",\"symbol\":\"BTC-PERP\",\"origId\":\"demo1limit\"}",
                "{\"action\":\"cancel\",\"id\":\"demo1cancelb\",\"symbol\":\"ETH-PERP\",\"origId\":\"demo1batch1\"}");
        for (String command : commands) {
            cluster.connect.kafka().produce(COMMANDS, null, command);
        }

        String bootstrap = cluster.connect.kafka().bootstrapServers();
        AtomicReference<List<OrderLifecycles.Lifecycle>> read = new AtomicReference<>(List.of());
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            read.set(OrderLifecycleReport.read(bootstrap, COMMANDS, RESULTS, ORDERS));
            return read.get().size() == 5 && read.get().stream().allMatch(OrderLifecycles.Lifecycle::isFinal);
        });
        List<OrderLifecycles.Lifecycle> lifecycles = read.get();
        System.out.print(OrderLifecycleReport.format(lifecycles));

        assertThat(lifecycles).extracting(OrderLifecycles.Lifecycle::givenId)
                .containsExactly("demo1limit", "demo1market", "demo1batch1", "demo1batch2", "demo1refused");
        assertThat(lifecycles).extracting(OrderLifecycles.Lifecycle::finalStatus)
                .containsExactly("Canceled", "Filled", "Canceled", "Filled", "rejected");
        for (OrderLifecycles.Lifecycle order : lifecycles.subList(0, 4)) {
            // the join found the order the exchange holds for that client id, and its states on the order topic
            List<AcceptedOrder> atExchange = cluster.simulator.groundTruth().acceptedOrdersWithClientId(order.clientId());
            assertThat(atExchange).as(order.givenId()).hasSize(1);
            assertThat(order.clientId()).isEqualTo(order.givenId());
            assertThat(order.orderId()).isEqualTo(atExchange.get(0).orderId());
            assertThat(order.resultStatus()).isEqualTo("accepted");
            assertThat(order.states()).as(order.givenId()).isNotEmpty();
        }
        assertThat(lifecycles.get(0).cancels()).containsExactly("demo1cancel");
        assertThat(lifecycles.get(2).cancels()).containsExactly("demo1cancelb");
        assertThat(new BigDecimal(last(lifecycles.get(1)).cumFilledQty())).isEqualByComparingTo("0.005");
        assertThat(new BigDecimal(last(lifecycles.get(3)).cumFilledQty())).isEqualByComparingTo("0.05");
        assertThat(lifecycles.get(4).orderId()).isNull();
        assertThat(lifecycles.get(4).reason()).isNotBlank();
    }

    private static OrderLifecycles.OrderState last(OrderLifecycles.Lifecycle lifecycle) {
        return lifecycle.states().get(lifecycle.states().size() - 1);
    }

    private static String place(String id, String symbol, String side, String type, String qty, BigDecimal price) {
        return place("place", id, symbol, side, type, qty, price);
    }

    private static String place(String action, String id, String symbol, String side, String type, String qty,
            BigDecimal price) {
        ObjectNode order = ConnectCluster.JSON.createObjectNode();
        if (action != null) {
            order.put("action", action);
        }
        order.put("id", id);
        order.put("symbol", symbol);
        order.put("side", side);
        order.put("orderType", type);
        order.put("orderQty", qty);
        if (price != null) {
            order.put("price", price.toPlainString());
        }
        return order.toString();
    }

    private static BigDecimal tick(BigDecimal price, String tick) {
        BigDecimal size = new BigDecimal(tick);
        return price.divide(size, 0, RoundingMode.DOWN).multiply(size);
    }
}
