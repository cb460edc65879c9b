package dev.bitmaxconnect.distribution;

import static dev.bitmaxconnect.distribution.PluginSetup.createTopics;
import static dev.bitmaxconnect.distribution.PluginSetup.sendCommand;
import static dev.bitmaxconnect.distribution.PluginSetup.sinkConfig;
import static dev.bitmaxconnect.distribution.PluginSetup.sourceConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitmaxconnect.simulator.AcceptedOrder;
import dev.bitmaxconnect.simulator.SimulatorDefaults;
import dev.bitmaxconnect.testsupport.ConnectCluster;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline on three distributed workers: simulator to source to topics, and commands to sink to
 * simulator, back through the source's order topic and the sink's results topic. Records are checked field
 * by field against the simulator's ground truth.
 */
class PipelineIT {

    private static final String PREFIX = "pipe";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static ConnectCluster cluster;
    private static final String RUN = "p" + Long.toString(System.currentTimeMillis(), 36);

    @BeforeAll
    static void start() throws Exception {
        cluster = PluginSetup.start("pipeline", 3);
        createTopics(cluster, PREFIX, 1);
        cluster.connect.configureConnector("pipe-source", sourceConfig(cluster, PREFIX));
        cluster.connect.configureConnector("pipe-sink", sinkConfig(cluster, PREFIX));
        cluster.connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("pipe-source", 2, "source");
        cluster.connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("pipe-sink", 1, "sink");
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void bestBidAndOfferRecordsCarryBothContractsWithAConsistentQuote() {
        List<ConsumerRecord<String, JsonNode>> records = cluster.records(PREFIX + ".bbo", 40, WAIT);

        assertThat(records.stream().map(r -> r.value().path("symbol").asText()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("BTC-PERP", "ETH-PERP");
        assertThat(records).allSatisfy(r -> {
            JsonNode bbo = r.value();
            assertThat(r.key()).isEqualTo(bbo.path("symbol").asText());
            assertThat(decimal(bbo, "bidPrice")).isPositive().isLessThan(decimal(bbo, "askPrice"));
            assertThat(decimal(bbo, "bidSize")).isPositive();
            assertThat(decimal(bbo, "askSize")).isPositive();
            assertThat(bbo.path("time").asLong()).isBetween(
                    Instant.now().minus(Duration.ofMinutes(10)).toEpochMilli(), Instant.now().toEpochMilli() + 1000);
        });
    }

    @Test
    void tradeRecordsArePositiveAndInSequencePerContract() {
        List<ConsumerRecord<String, JsonNode>> records = cluster.records(PREFIX + ".trades", 20, WAIT);

        Map<String, Long> lastSeqnum = new HashMap<>();
        for (ConsumerRecord<String, JsonNode> r : records) {
            JsonNode trade = r.value();
            assertThat(Set.of("BTC-PERP", "ETH-PERP")).contains(trade.path("symbol").asText());
            assertThat(r.key()).isEqualTo(trade.path("symbol").asText());
            assertThat(decimal(trade, "price")).isPositive();
            assertThat(decimal(trade, "quantity")).isPositive();
            assertThat(trade.path("buyerIsMaker").isBoolean()).isTrue();
            String lane = r.partition() + "/" + trade.path("symbol").asText();
            long seqnum = trade.path("seqnum").asLong();
            assertThat(seqnum).isGreaterThan(lastSeqnum.getOrDefault(lane, 0L));
            lastSeqnum.put(lane, seqnum);
        }
    }

    @Test
    void commandsRunAtTheExchangeAndComeBackAsOrderEventsAndResults() {
        String limitId = RUN + "limit";
        String marketId = RUN + "market";
        String cancelId = RUN + "cancel";
        String refusedId = RUN + "refused";
        String commands = PREFIX + "-commands";
        sendCommand(cluster, commands, Commands.limit(limitId, "BTC-PERP", "Buy", "0.01", "1000"));
        sendCommand(cluster, commands, Commands.market(marketId, "BTC-PERP", "Buy", "0.002"));
        sendCommand(cluster, commands, Commands.cancelByClientId(cancelId, "BTC-PERP", limitId));
        sendCommand(cluster, commands, Commands.limit(refusedId, "NOPE-PERP", "Buy", "1", "1"));

        // Ground truth: each placed order accepted exactly once, the refused one never.
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(cluster.simulator.groundTruth().acceptedOrdersWithClientId(limitId)).hasSize(1);
            assertThat(cluster.simulator.groundTruth().acceptedOrdersWithClientId(marketId)).hasSize(1);
        });
        assertThat(cluster.simulator.groundTruth().acceptedOrdersWithClientId(refusedId)).isEmpty();
        AcceptedOrder limit = cluster.simulator.groundTruth().acceptedOrdersWithClientId(limitId).get(0);
        AcceptedOrder market = cluster.simulator.groundTruth().acceptedOrdersWithClientId(marketId).get(0);
        assertThat(limit.symbol()).isEqualTo("BTC-PERP");
        assertThat(limit.side()).isEqualTo("Buy");
        assertThat(limit.orderType()).isEqualTo("Limit");
        assertThat(limit.price()).isEqualByComparingTo("1000");
        assertThat(limit.orderQty()).isEqualByComparingTo("0.01");

        // Results: one per command, keyed and identified by the command's id.
        Map<String, JsonNode> results = new HashMap<>();
        await().atMost(WAIT).untilAsserted(() -> {
            results.putAll(latestBy(cluster.records(PREFIX + "-results", 4, WAIT), "commandId"));
            assertThat(results).containsKeys(limitId, marketId, cancelId, refusedId);
        });
        assertResult(results.get(limitId), "place", "ACCEPTED", limit.orderId());
        assertResult(results.get(marketId), "place", "ACCEPTED", market.orderId());
        assertResult(results.get(cancelId), "cancel", "ACCEPTED", limit.orderId());
        JsonNode refused = results.get(refusedId);
        assertThat(refused.path("status").asText()).isEqualToIgnoringCase("rejected");
        assertThat(refused.path("action").asText()).isEqualTo("place");
        assertThat(refused.path("reason").asText("") + refused.path("message").asText("")).isNotBlank();
        assertThat(refused.path("topic").asText()).isEqualTo(PREFIX + "-commands");
        // errors.tolerance=all: the refused command also goes to the dead letter queue, and the task carries on.
        assertThat(cluster.records(PREFIX + "-commands-dlq", 1, WAIT)).singleElement()
                .satisfies(r -> assertThat(r.value().path("id").asText()).isEqualTo(refusedId));

        // Order events from the source's private stream: the resting order opened then cancelled, the market
        // order filled completely.
        await().atMost(WAIT).untilAsserted(() -> {
            List<JsonNode> events = cluster.records(PREFIX + ".order", 1, WAIT).stream()
                    .map(ConsumerRecord::value).toList();
            List<String> limitStatuses = statuses(events, limit.orderId());
            assertThat(limitStatuses).contains("New", "Canceled");
            assertThat(statuses(events, market.orderId())).contains("Filled");
            JsonNode opened = events.stream().filter(e -> e.path("orderId").asText().equals(limit.orderId())
                    && e.path("status").asText().equals("New")).findFirst().orElseThrow();
            assertThat(opened.path("accountId").asText()).isEqualTo(SimulatorDefaults.FUTURES_ACCOUNT_ID);
            assertThat(opened.path("symbol").asText()).isEqualTo("BTC-PERP");
            assertThat(opened.path("side").asText()).isEqualTo("Buy");
            assertThat(opened.path("orderType").asText()).isEqualTo("Limit");
            assertThat(decimal(opened, "price")).isEqualByComparingTo("1000");
            assertThat(decimal(opened, "orderQty")).isEqualByComparingTo("0.01");
            JsonNode filled = events.stream().filter(e -> e.path("orderId").asText().equals(market.orderId())
                    && e.path("status").asText().equals("Filled")).findFirst().orElseThrow();
            assertThat(decimal(filled, "cumFilledQty")).isEqualByComparingTo("0.002");
            assertThat(decimal(filled, "avgFilledPx")).isPositive();
        });

        // The fill moved the account: the account topic has the default account's updates.
        List<ConsumerRecord<String, JsonNode>> account = cluster.records(PREFIX + ".account", 1, WAIT);
        assertThat(account).anySatisfy(r -> assertThat(r.value().path("accountId").asText())
                .isEqualTo(SimulatorDefaults.FUTURES_ACCOUNT_ID));
    }

    private static void assertResult(JsonNode result, String action, String status, String orderId) {
        assertThat(result.path("action").asText()).isEqualTo(action);
        assertThat(result.path("status").asText()).isEqualToIgnoringCase(status);
        assertThat(result.path("orderId").asText()).isEqualTo(orderId);
        assertThat(result.path("topic").asText()).isEqualTo(PREFIX + "-commands");
        assertThat(result.path("offset").asLong()).isNotNegative();
        assertThat(result.path("connector").asText()).isEqualTo("pipe-sink");
    }

    private static List<String> statuses(List<JsonNode> events, String orderId) {
        return events.stream().filter(e -> e.path("orderId").asText().equals(orderId))
                .map(e -> e.path("status").asText()).toList();
    }

    private static Map<String, JsonNode> latestBy(List<ConsumerRecord<String, JsonNode>> records, String field) {
        Map<String, JsonNode> latest = new HashMap<>();
        records.forEach(r -> latest.put(r.value().path(field).asText(), r.value()));
        return latest;
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.path(field);
        assertThat(value.isTextual() || value.isNumber()).as("%s is a decimal: %s", field, node).isTrue();
        return new BigDecimal(value.asText());
    }
}
