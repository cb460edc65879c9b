package dev.bitmaxconnect.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A few order commands, written as JSON to the sink's command topic the way a user's application would: a
 * resting limit order, a market order that fills, a cancel of the first by its client id, a batch, and one
 * command the exchange refuses (unknown contract), so every kind of outcome shows on the results topic.
 */
final class DemoCommands {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String bootstrapServers;
    private final String commandTopic;
    private final String simulatorRestUrl;

    DemoCommands(String bootstrapServers, String commandTopic, String simulatorRestUrl) {
        this.bootstrapServers = bootstrapServers;
        this.commandTopic = commandTopic;
        this.simulatorRestUrl = simulatorRestUrl;
    }

    /**
     * The commands of this run. Client ids are letters and digits only, so the sink uses them as they are (and
     * the orderId ends with their last 9 characters); they are unique per run, so reruns against one exchange
     * work.
     */
    List<ObjectNode> commands(String runId) throws Exception {
        BigDecimal btc = markPrice("BTC-PERP");
        BigDecimal eth = markPrice("ETH-PERP");
        // Far below the market, so the order rests until cancelled; on the contract's tick (0.25 and 0.01).
        BigDecimal restingBid = btc.multiply(new BigDecimal("0.9")).divide(new BigDecimal("0.25"), 0,
                RoundingMode.DOWN).multiply(new BigDecimal("0.25"));
        BigDecimal ethBid = eth.multiply(new BigDecimal("0.9")).setScale(2, RoundingMode.DOWN);

        List<ObjectNode> commands = new ArrayList<>();
        commands.add(order("place", runId + "limit", "BTC-PERP", "Buy", "Limit", "0.01", restingBid));
        commands.add(order("place", runId + "market", "BTC-PERP", "Buy", "Market", "0.005", null));
        ObjectNode cancel = JSON.createObjectNode();
        cancel.put("action", "cancel");
        cancel.put("id", runId + "cancel");
        cancel.put("symbol", "BTC-PERP");
        cancel.put("origId", runId + "limit");
        commands.add(cancel);
        ObjectNode batch = JSON.createObjectNode();
        batch.put("action", "place-batch");
        batch.put("id", runId + "batch");
        batch.putArray("orders")
                .add(order(null, runId + "batch1", "ETH-PERP", "Buy", "Limit", "0.1", ethBid))
                .add(order(null, runId + "batch2", "ETH-PERP", "Sell", "Market", "0.05", null));
        commands.add(batch);
        commands.add(order("place", runId + "refused", "NOPE-PERP", "Buy", "Limit", "1", BigDecimal.ONE));
        return commands;
    }

    /** Writes the commands, keyed by their id, and waits until Kafka has them. */
    void send(List<ObjectNode> commands) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (ObjectNode command : commands) {
                producer.send(new ProducerRecord<>(commandTopic, command.path("id").asText(),
                        JSON.writeValueAsString(command))).get();
            }
        }
    }

    private static ObjectNode order(String action, String id, String symbol, String side, String type, String qty,
                                    BigDecimal price) {
        ObjectNode order = JSON.createObjectNode();
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
            order.put("timeInForce", "GTC");
        }
        return order;
    }

    /** The contract's mark price from the exchange's public pricing endpoint. */
    private BigDecimal markPrice(String symbol) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(simulatorRestUrl + "/api/pro/v2/futures/pricing-data"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode root = JSON.readTree(response.body());
        for (JsonNode contract : root.path("data").path("contracts")) {
            if (symbol.equals(contract.path("symbol").asText())) {
                return new BigDecimal(contract.path("markPrice").asText());
            }
        }
        throw new IllegalStateException("The exchange reports no mark price for " + symbol + ": "
                + response.body().substring(0, Math.min(300, response.body().length())));
    }
}
