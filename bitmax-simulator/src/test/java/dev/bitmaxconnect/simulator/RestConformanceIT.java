package dev.bitmaxconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Walks every REST endpoint with raw signed HTTP calls, comparing field names with the reference's examples. */
class RestConformanceIT {

    static BitMaxSimulator sim;
    static RestTestClient rest;

    @BeforeAll
    static void start() {
        sim = BitMaxSimulator.builder().seed(11).marketDataRate(0).build().start();
        rest = RestTestClient.forDefault(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static String farBid() {
        return sim.bestBidAsk("BTC-PERP")[0].subtract(new BigDecimal("1000")).toPlainString();
    }

    static Map<String, Object> limitBuy(String id, String price) {
        return Map.of("id", id, "time", System.currentTimeMillis(), "symbol", "BTC-PERP", "price", price,
                "orderQty", "0.01", "orderType", "Limit", "side", "Buy", "respInst", "ACCEPT");
    }

    @Test
    void publicEndpointsMatchTheExamples() throws Exception {
        JsonNode contracts = rest.get("/api/pro/v2/futures/contract");
        assertThat(FieldNames.of(contracts))
                .isEqualTo(FieldNames.ofExample("futures-contracts-info--response-futures-contracts-info"));
        assertThat(contracts.path("data").findValuesAsText("symbol")).contains("BTC-PERP", "ETH-PERP");
        JsonNode btc = contracts.path("data").get(0);
        assertThat(btc.path("priceFilter").path("tickSize").asText()).isEqualTo("0.25");
        assertThat(btc.path("marginRequirements").size()).isGreaterThanOrEqualTo(2);

        assertThat(FieldNames.of(rest.get("/api/pro/v2/futures/collateral")))
                .isEqualTo(FieldNames.ofExample("futures-collateral-asset-info--response-futures-collateral-asset-info"));
        JsonNode pricing = rest.get("/api/pro/v2/futures/pricing-data");
        assertThat(FieldNames.of(pricing))
                .isEqualTo(FieldNames.ofExample("futures-pricing-data--requesting-pricing-data-for-all-futures-contract"));
        assertThat(new BigDecimal(pricing.path("data").path("contracts").get(0).path("markPrice").asText())).isPositive();
    }

    @Test
    void accountInfoMatchesTheExampleAndNeedsASignature() throws Exception {
        JsonNode info = rest.accountInfo();
        assertThat(FieldNames.of(info)).isEqualTo(FieldNames.ofExample("account-info--account-info-sample-response"));
        assertThat(info.path("data").path("accountGroup").asInt()).isEqualTo(SimulatorDefaults.ACCOUNT_GROUP);
        assertThat(info.path("data").path("userUID").asText()).isEqualTo(SimulatorDefaults.USER_UID);

        HttpResponse<String> unsigned = rest.send(HttpRequest.newBuilder(
                URI.create(sim.restUrl() + "/api/pro/v2/account/info")).GET().build());
        assertThat(RestTestClient.JSON.readTree(unsigned.body()).path("code").asInt()).isEqualTo(100009);

        RestTestClient wrong = new RestTestClient(sim.restUrl(), SimulatorDefaults.API_KEY, "bad", 1);
        assertThat(wrong.accountInfo().path("code").asInt()).isEqualTo(200001);

        HttpResponse<String> stale = rest.signed("GET", "/api/pro/v2/account/info", "v2/account/info", null,
                System.currentTimeMillis() - 31_000);
        assertThat(RestTestClient.JSON.readTree(stale.body()).path("code").asInt()).isEqualTo(100011);
    }

    @Test
    void positionAndFreeMarginMatchTheExamples() throws Exception {
        assertThat(FieldNames.of(rest.call("GET", "position", null)))
                .isEqualTo(FieldNames.ofExample("position--response"));
        rest.call("POST", "margin-type", Map.of("symbol", "ETH-PERP", "marginType", "isolated"));
        try {
            assertThat(FieldNames.of(rest.call("GET", "free-margin", null)))
                    .isEqualTo(FieldNames.ofExample("free-margin--response"));
        } finally {
            rest.call("POST", "margin-type", Map.of("symbol", "ETH-PERP", "marginType", "crossed"));
        }
    }

    @Test
    void accountChangesAnswerLikeTheExamples() throws Exception {
        assertThat(rest.call("POST", "leverage", Map.of("symbol", "BTC-PERP", "leverage", 10)))
                .isEqualTo(FieldNames.example("change-contract-leverage--response"));
        assertThat(rest.call("POST", "margin-type", Map.of("symbol", "BTC-PERP", "marginType", "crossed")))
                .isEqualTo(FieldNames.example("change-margin-type--response"));
        assertThat(rest.call("POST", "transfer/deposit", Map.of("asset", "USDT", "amount", "5")))
                .isEqualTo(FieldNames.example("deposit-to-the-futures-account--successful-response"));
        assertThat(rest.call("POST", "transfer/withdraw", Map.of("asset", "USDT", "amount", "5")))
                .isEqualTo(FieldNames.example("withdraw-from-the-futures-account--successful-response"));
        rest.call("POST", "margin-type", Map.of("symbol", "ETH-PERP", "marginType", "isolated"));
        try {
            assertThat(rest.call("POST", "isolated-position-margin", Map.of("symbol", "ETH-PERP", "amount", "100")))
                    .isEqualTo(FieldNames.example("change-margin-for-isolated-positions--successful-response"));
            assertThat(rest.call("POST", "isolated-position-margin", Map.of("symbol", "ETH-PERP", "amount", "-100"))
                    .path("code").asInt()).isZero();
        } finally {
            rest.call("POST", "margin-type", Map.of("symbol", "ETH-PERP", "marginType", "crossed"));
        }
    }

    @Test
    void newOrderCancelAndQueriesMatchTheExamples() throws Exception {
        JsonNode placed = rest.call("POST", "order", limitBuy("restConf00001", farBid()));
        assertThat(FieldNames.of(placed)).isEqualTo(FieldNames.ofExample("new-order--response"));
        String orderId = placed.path("data").path("order").path("orderId").asText();
        assertThat(orderId).endsWith("onf00001");

        JsonNode open = rest.call("GET", "order/open", null);
        assertThat(FieldNames.of(open)).isEqualTo(FieldNames.ofExample("list-open-orders--response"));
        assertThat(open.path("data").findValuesAsText("orderId")).contains(orderId);
        JsonNode openByPost = rest.call("POST", "order/open", null);
        assertThat(openByPost.path("data").findValuesAsText("orderId")).contains(orderId);

        JsonNode single = rest.call("GET", "order/status?orderId=" + orderId, null);
        assertThat(FieldNames.of(single))
                .isEqualTo(FieldNames.ofExample("query-order-by-id--successful-response-status-200-code-0"));
        JsonNode list = rest.call("GET", "order/status?orderId=" + orderId + ",", null);
        assertThat(list.path("data").isArray()).isTrue();
        assertThat(FieldNames.of(list))
                .containsAll(FieldNames.ofExample("query-order-by-id--successful-response-status-200-code-0-2"));

        JsonNode canceled = rest.call("DELETE", "order", Map.of("id", "cancel000001", "orderId", orderId,
                "symbol", "BTC-PERP", "time", System.currentTimeMillis(), "respInst", "ACCEPT"));
        assertThat(FieldNames.of(canceled)).isEqualTo(FieldNames.ofExample("cancel-order--response"));
        assertThat(canceled.path("data").path("order").path("status").asText()).isEqualTo("Canceled");

        JsonNode history = rest.call("GET", "order/hist/current?symbol=BTC-PERP&n=20&executedOnly=false", null);
        assertThat(FieldNames.of(history))
                .isEqualTo(FieldNames.ofExample("list-current-history-orders--successful-response-status-200-code-0"));
        assertThat(history.path("data").findValuesAsText("orderId")).contains(orderId);
    }

    @Test
    void batchPlaceAndCancelMatchTheExamples() throws Exception {
        ObjectNode batch = (ObjectNode) FieldNames.example("place-batch-orders--place-batch-orders-request-body");
        long now = System.currentTimeMillis();
        String price = farBid();
        batch.get("orders").forEach(o -> ((ObjectNode) o).put("time", now).put("orderPrice", price));
        JsonNode placed = rest.call("POST", "order/batch", batch);
        assertThat(FieldNames.of(placed)).isEqualTo(
                FieldNames.ofExample("place-batch-orders--place-batch-orders-successful-ack-response-status-200-code-0"));
        assertThat(placed.path("data").path("orders").get(1).path("orderId").asText())
                .isEqualTo("a" + Long.toHexString(now) + SimulatorDefaults.USER_UID + "equestId2");

        ObjectNode cancel = (ObjectNode) FieldNames.example("cancel-batch-orders--cancel-batch-orders-request-body");
        for (int i = 0; i < 2; i++) {
            ((ObjectNode) cancel.get("orders").get(i)).put("time", System.currentTimeMillis())
                    .put("orderId", placed.path("data").path("orders").get(i).path("orderId").asText());
        }
        JsonNode canceled = rest.call("DELETE", "order/batch", cancel);
        assertThat(FieldNames.of(canceled)).isEqualTo(FieldNames.ofExample(
                "cancel-batch-orders--cancel-batch-orders-successful-ack-response-status-200-code-0"));
        assertThat(rest.call("GET", "order/open", null).path("data").findValuesAsText("orderId"))
                .doesNotContain(placed.path("data").path("orders").get(0).path("orderId").asText());
    }

    @Test
    void cancelAllMatchesTheExampleAndEmptiesOpenOrders() throws Exception {
        rest.call("POST", "order", limitBuy("cancelAll001", farBid()));
        rest.call("POST", "order", limitBuy("cancelAll002", farBid()));
        assertThat(rest.call("DELETE", "order/all", Map.of("symbol", "BTC-PERP")))
                .isEqualTo(FieldNames.example("cancel-all-open-orders--response"));
        assertThat(rest.call("GET", "order/open?symbol=BTC-PERP", null).path("data").size()).isZero();
    }

    @Test
    void errorsHaveCodeMessageAndReason() throws Exception {
        JsonNode error = rest.call("POST", "order", Map.of("time", System.currentTimeMillis(), "symbol", "BTC-PERP",
                "price", "30000.1", "orderQty", "0.01", "orderType", "Limit", "side", "Buy"));
        assertThat(FieldNames.of(error)).containsExactlyInAnyOrder("code", "message", "reason");
        assertThat(error.path("code").asInt()).isEqualTo(300014);
        assertThat(error.path("message").asText()).contains("price", "30000.1");

        HttpResponse<String> unknown = rest.raw("GET", "nothing-here", null);
        assertThat(unknown.statusCode()).isEqualTo(404);

        RestTestClient otherGroup = new RestTestClient(sim.restUrl(), SimulatorDefaults.API_KEY,
                SimulatorDefaults.API_SECRET, 7);
        assertThat(otherGroup.call("GET", "position", null).path("code").asInt()).isEqualTo(200003);
    }

    @Test
    void listOpenOrdersSymbolFilterAndUnknownSymbol() throws Exception {
        assertThat(rest.call("GET", "order/open?symbol=NOPE", null).path("code").asInt()).isEqualTo(300012);
        assertThat(rest.call("GET", "order/open?symbol=ETH-PERP", null).path("code").asInt()).isZero();
        List<String> symbols = rest.call("GET", "order/open?symbol=ETH-PERP", null).path("data").findValuesAsText("symbol");
        assertThat(symbols).allMatch("ETH-PERP"::equals);
    }
}
