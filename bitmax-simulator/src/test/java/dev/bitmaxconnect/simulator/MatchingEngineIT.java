package dev.bitmaxconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The matching engine through the wire: price-time priority, order types, time in force, postOnly, ReduceOnly,
 * stops on mark price, validation and respInst. The market is still (rate 0), so the book holds only the seeded
 * ladder (BTC-PERP bids 29995 and below, asks 30005 and above) and the orders placed here.
 */
class MatchingEngineIT {

    static BitMaxSimulator sim;
    static RestTestClient taker;
    static RestTestClient maker;
    static final AtomicInteger ids = new AtomicInteger();

    @BeforeAll
    static void start() {
        sim = BitMaxSimulator.builder().seed(3).marketDataRate(0)
                .apiKey(SimulatorDefaults.API_KEY, SimulatorDefaults.API_SECRET)
                .account(AccountSpec.numbered(2, "makerKey", "makerSecret"))
                .build().start();
        taker = RestTestClient.forDefault(sim);
        maker = new RestTestClient(sim.restUrl(), "makerKey", "makerSecret", SimulatorDefaults.ACCOUNT_GROUP);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void cancelEverything() throws Exception {
        taker.call("DELETE", "order/all", Map.of());
        maker.call("DELETE", "order/all", Map.of());
        sim.setMarkPrice("BTC-PERP", new BigDecimal("30000"));
    }

    static String nextId() {
        return String.format("mtest%07d", ids.incrementAndGet());
    }

    static Map<String, Object> order(String side, String type, String price, String qty, Object... extra) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", nextId());
        body.put("time", System.currentTimeMillis());
        body.put("symbol", "BTC-PERP");
        body.put("side", side);
        body.put("orderType", type);
        body.put("orderQty", qty);
        body.put("respInst", "DONE");
        if (price != null) {
            body.put("price", price);
        }
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        return body;
    }

    static JsonNode place(RestTestClient client, Map<String, Object> body) throws Exception {
        JsonNode response = client.call("POST", "order", body);
        assertThat(response.path("code").asInt()).as(response.toString()).isZero();
        return response.path("data").path("order");
    }

    static JsonNode status(RestTestClient client, String orderId) throws Exception {
        return client.call("GET", "order/status?orderId=" + orderId, null).path("data");
    }

    static List<String> fillOrderIds(String takerOrderId) {
        List<String> makers = new ArrayList<>();
        List<Fill> fills = sim.groundTruth().fills();
        for (Fill takerFill : fills) {
            if (takerFill.orderId().equals(takerOrderId)) {
                for (Fill other : fills) {
                    if (other.seqnum() == takerFill.seqnum() && !other.orderId().equals(takerOrderId)) {
                        makers.add(other.orderId());
                    }
                }
            }
        }
        return makers;
    }

    @Test
    void betterPriceFirstThenEarlierOrderAtTheSamePrice() throws Exception {
        String first = place(maker, order("Sell", "Limit", "30001", "0.01")).path("orderId").asText();
        String second = place(maker, order("Sell", "Limit", "30001", "0.01")).path("orderId").asText();
        String better = place(maker, order("Sell", "Limit", "30000.5", "0.01")).path("orderId").asText();

        JsonNode buy = place(taker, order("Buy", "Market", null, "0.02"));

        assertThat(buy.path("status").asText()).isEqualTo("Filled");
        assertThat(fillOrderIds(buy.path("orderId").asText())).containsExactly(better, first);
        assertThat(new BigDecimal(buy.path("avgFilledPx").asText())).isEqualByComparingTo("30000.75");
        assertThat(status(maker, second).path("status").asText()).isEqualTo("New");
        assertThat(status(maker, first).path("status").asText()).isEqualTo("Filled");
    }

    @Test
    void crossingLimitFillsWhatItCanAndRestsTheRest() throws Exception {
        place(maker, order("Sell", "Limit", "30002", "0.01"));
        JsonNode buy = place(taker, order("Buy", "Limit", "30002", "0.03"));
        assertThat(buy.path("status").asText()).isEqualTo("PartiallyFilled");
        assertThat(buy.path("cumFilledQty").asText()).isEqualTo("0.01");
        assertThat(buy.path("lastPx").asText()).isEqualTo("30002");
        assertThat(new BigDecimal(buy.path("cumFee").asText())).isEqualByComparingTo("0.30002"); // 0.1% taker
        assertThat(taker.call("GET", "order/open", null).path("data").findValuesAsText("orderId"))
                .contains(buy.path("orderId").asText());
        assertThat(sim.bestBidAsk("BTC-PERP")[0]).isEqualByComparingTo("30002");
    }

    @Test
    void iocCancelsTheRemainderAndFokNeedsAllOfIt() throws Exception {
        JsonNode ioc = place(taker, order("Buy", "Limit", "30000", "0.01", "timeInForce", "IOC"));
        assertThat(ioc.path("status").asText()).isEqualTo("Canceled");
        assertThat(ioc.path("cumFilledQty").asText()).isEqualTo("0");

        place(maker, order("Sell", "Limit", "30003", "0.01"));
        JsonNode fokTooBig = place(taker, order("Buy", "Limit", "30003", "0.02", "timeInForce", "FOK"));
        assertThat(fokTooBig.path("status").asText()).isEqualTo("Canceled");
        assertThat(fokTooBig.path("cumFilledQty").asText()).isEqualTo("0");
        JsonNode fok = place(taker, order("Buy", "Limit", "30003", "0.01", "timeInForce", "fok"));
        assertThat(fok.path("status").asText()).isEqualTo("Filled");
    }

    @Test
    void postOnlyNeverTakes() throws Exception {
        JsonNode crossing = place(taker, order("Buy", "Limit", "30005", "0.01", "postOnly", true));
        assertThat(crossing.path("status").asText()).isEqualTo("Canceled");
        assertThat(crossing.path("errorCode").asText()).isNotEmpty();
        JsonNode resting = place(taker, order("Buy", "Limit", "29999", "0.01", "postOnly", true));
        assertThat(resting.path("status").asText()).isEqualTo("New");
    }

    @Test
    void stopOrdersTriggerOnMarkPrice() throws Exception {
        JsonNode stop = place(taker, order("Buy", "StopMarket", null, "0.01", "stopPrice", "30500"));
        assertThat(stop.path("status").asText()).isEqualTo("New");
        assertThat(stop.path("stopPrice").asText()).isEqualTo("30500");
        sim.setMarkPrice("BTC-PERP", new BigDecimal("30400"));
        assertThat(status(taker, stop.path("orderId").asText()).path("status").asText()).isEqualTo("New");
        sim.setMarkPrice("BTC-PERP", new BigDecimal("30500"));
        JsonNode triggered = status(taker, stop.path("orderId").asText());
        assertThat(triggered.path("status").asText()).isEqualTo("Filled");
        assertThat(new BigDecimal(triggered.path("avgFilledPx").asText())).isGreaterThanOrEqualTo(new BigDecimal("30005"));

        JsonNode stopLimit = place(taker, order("Sell", "StopLimit", "29900", "0.01", "stopPrice", "29950"));
        sim.setMarkPrice("BTC-PERP", new BigDecimal("29950"));
        JsonNode sold = status(taker, stopLimit.path("orderId").asText());
        assertThat(sold.path("status").asText()).isEqualTo("Filled");
        assertThat(new BigDecimal(sold.path("avgFilledPx").asText())).isGreaterThanOrEqualTo(new BigDecimal("29900"));
    }

    @Test
    void reduceOnlyMayOnlyShrinkThePosition() throws Exception {
        JsonNode refused = taker.call("POST", "order", order("Sell", "Market", null, "1000", "execInst", "ReduceOnly"));
        assertThat(refused.path("code").asInt()).isEqualTo(300008);
        BigDecimal position = position(taker);
        if (position.signum() == 0) {
            place(taker, order("Buy", "Market", null, "0.01"));
            position = position(taker);
        }
        String side = position.signum() > 0 ? "Sell" : "Buy";
        JsonNode tooBig = taker.call("POST", "order", order(side, "Market", null,
                position.abs().add(new BigDecimal("0.01")).toPlainString(), "execInst", "ReduceOnly"));
        assertThat(tooBig.path("code").asInt()).isEqualTo(300008);
        JsonNode reduce = place(taker, order(side, "Market", null, position.abs().toPlainString(),
                "execInst", "ReduceOnly"));
        assertThat(reduce.path("status").asText()).isEqualTo("Filled");
        assertThat(position(taker)).isEqualByComparingTo("0");
    }

    static BigDecimal position(RestTestClient client) throws Exception {
        for (JsonNode contract : client.call("GET", "position", null).path("data").path("contracts")) {
            if (contract.path("symbol").asText().equals("BTC-PERP")) {
                return new BigDecimal(contract.path("position").asText());
            }
        }
        throw new AssertionError("no BTC-PERP position");
    }

    @Test
    void validationNamesTheFieldAndValue() throws Exception {
        assertCode(order("Buy", "Limit", "29000", "0.00015"), 300002, "orderQty");
        assertCode(order("Buy", "Limit", "0.1", "0.01"), 300001, "price");
        assertCode(order("Buy", "Limit", "29000.1", "0.01"), 300014, "29000.1");
        assertCode(order("Up", "Limit", "29000", "0.01"), 300003, "Up");
        assertCode(order("Buy", "Iceberg", "29000", "0.01"), 300005, "Iceberg");
        assertCode(order("Buy", "Limit", "29000", "0.01", "timeInForce", "GTX"), 300007, "GTX");
        assertCode(order("Buy", "StopLimit", "29000", "0.01"), 300008, "stopPrice");
        assertCode(order("Buy", "Limit", "29000", "0.01", "id", "-bad id-"), 300006, "-bad id-");
        assertCode(order("Buy", "Limit", "29000", "0.01", "id", "x".repeat(33)), 300006, "32");
        assertCode(order("Buy", "Limit", "29000", "0.01", "symbol", "DOGE-PERP"), 300012, "DOGE-PERP");
        assertCode(order("Buy", "Limit", "29000", "0.01", "time", System.currentTimeMillis() - 31_000), 100011, "30");
        assertCode(order("Buy", "Limit", null, "0.01"), 300001, "price");
        assertCode(order("Buy", "Limit", "29000", "100000"), 310001, "margin");
    }

    static void assertCode(Map<String, Object> body, int code, String mentioned) throws Exception {
        JsonNode response = taker.call("POST", "order", body);
        assertThat(response.path("code").asInt()).as(response.toString()).isEqualTo(code);
        assertThat(response.path("message").asText()).contains(mentioned);
    }

    @Test
    void duplicateOrderIdIsRefused() throws Exception {
        Map<String, Object> body = order("Buy", "Limit", "29000", "0.01");
        place(taker, body);
        JsonNode again = taker.call("POST", "order", body);
        assertThat(again.path("code").asInt()).isEqualTo(300006);
        assertThat(again.path("message").asText()).contains("Duplicate");
    }

    @Test
    void batchOfMoreThanTenOrWithOneBadOrderFailsWhole() throws Exception {
        List<Map<String, Object>> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(order("Buy", "Limit", "29000", "0.01"));
        }
        assertThat(taker.call("POST", "order/batch", Map.of("orders", eleven)).path("code").asInt()).isEqualTo(300013);

        long accepted = sim.groundTruth().counts().acceptedOrders();
        List<Map<String, Object>> oneBad = List.of(order("Buy", "Limit", "29000", "0.01"),
                order("Buy", "Limit", "29000.3", "0.01"), order("Buy", "Limit", "29000", "0.01"));
        JsonNode refused = taker.call("POST", "order/batch", Map.of("orders", oneBad));
        assertThat(refused.path("code").asInt()).isEqualTo(300014);
        assertThat(refused.path("message").asText()).contains("orders[1]");
        assertThat(sim.groundTruth().counts().acceptedOrders()).isEqualTo(accepted);
    }

    @Test
    void respInstDecidesWhatTheResponseShows() throws Exception {
        JsonNode ack = taker.call("POST", "order", order("Buy", "Limit", "29000", "0.01", "respInst", "ACK"))
                .path("data");
        assertThat(ack.path("meta").path("respInst").asText()).isEqualTo("ACK");
        assertThat(ack.path("order").path("seqNum").asLong()).isEqualTo(-1);
        JsonNode accept = taker.call("POST", "order", order("Buy", "Market", null, "0.01", "respInst", "ACCEPT"))
                .path("data").path("order");
        assertThat(accept.path("status").asText()).isEqualTo("New");
        assertThat(accept.path("seqNum").asLong()).isPositive();
        JsonNode done = taker.call("POST", "order", order("Buy", "Market", null, "0.01", "respInst", "DONE"))
                .path("data").path("order");
        assertThat(done.path("status").asText()).isEqualTo("Filled");
    }

    @Test
    void orderIdFollowsTheReferenceAlgorithm() throws Exception {
        long time = System.currentTimeMillis();
        JsonNode withId = place(taker, order("Buy", "Limit", "29000", "0.01", "id", "clientOrder123456789", "time", time));
        assertThat(withId.path("orderId").asText())
                .isEqualTo("a" + Long.toHexString(time) + SimulatorDefaults.USER_UID + "123456789");
        JsonNode response = taker.call("POST", "order", order("Buy", "Limit", "29000", "0.01", "id", "short", "time", time));
        String orderId = response.path("data").path("order").path("orderId").asText();
        assertThat(response.path("data").path("meta").path("id").asText()).isEqualTo("short");
        assertThat(orderId).hasSize(32).startsWith("a" + Long.toHexString(time) + SimulatorDefaults.USER_UID);
        JsonNode enumSpellings = place(taker, order("BUY", "limit", "29000", "0.01", "timeInForce", "gtc"));
        assertThat(enumSpellings.path("side").asText()).isEqualTo("Buy");
        assertThat(enumSpellings.path("orderType").asText()).isEqualTo("Limit");
        JsonNode orderPrice = taker.call("POST", "order", Map.of("time", System.currentTimeMillis(),
                "symbol", "BTC-PERP", "orderPrice", "29000", "orderQty", "0.01", "orderType", "stop_limit",
                "stopPrice", "31000", "side", "buy"));
        assertThat(orderPrice.path("data").path("order").path("orderType").asText()).isEqualTo("StopLimit");
    }
}
