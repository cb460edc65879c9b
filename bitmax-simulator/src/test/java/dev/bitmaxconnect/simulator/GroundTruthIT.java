package dev.bitmaxconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ground truth: every accepted order with its client id, every fill, counts; Java API and admin endpoint. */
class GroundTruthIT {

    @Test
    void recordsOrdersFillsAndCountsAndServesThemOverHttp() throws Exception {
        try (BitMaxSimulator sim = BitMaxSimulator.builder().marketDataRate(0).build().start()) {
            RestTestClient rest = RestTestClient.forDefault(sim);
            long time = System.currentTimeMillis();
            JsonNode resting = rest.call("POST", "order", Map.of("id", "truthOrder01", "time", time,
                    "symbol", "BTC-PERP", "price", "20000", "orderQty", "0.01", "orderType", "Limit", "side", "Buy"));
            String restingId = resting.path("data").path("order").path("orderId").asText();
            JsonNode market = rest.call("POST", "order", Map.of("id", "truthOrder02", "time", time,
                    "symbol", "BTC-PERP", "orderQty", "0.02", "orderType", "Market", "side", "Sell", "respInst", "DONE"));
            String marketId = market.path("data").path("order").path("orderId").asText();
            rest.call("POST", "order", Map.of("time", time, "symbol", "BTC-PERP", "price", "1", "orderQty", "0.01",
                    "orderType", "Limit", "side", "Buy")); // accepted: a bid far below the market
            rest.call("POST", "order", Map.of("time", time, "symbol", "BTC-PERP", "price", "0.1", "orderQty", "0.01",
                    "orderType", "Limit", "side", "Buy")); // refused
            rest.call("DELETE", "order", Map.of("orderId", restingId, "symbol", "BTC-PERP", "time", time));

            GroundTruth truth = sim.groundTruth();
            AcceptedOrder first = truth.acceptedOrder(restingId).orElseThrow();
            assertThat(first.clientId()).isEqualTo("truthOrder01");
            assertThat(first.price()).isEqualByComparingTo("20000");
            assertThat(first.orderQty()).isEqualByComparingTo("0.01");
            assertThat(first.transport()).isEqualTo("REST");
            assertThat(first.requestTime()).isEqualTo(time);
            assertThat(truth.acceptedOrdersWithClientId("truthOrder02")).extracting(AcceptedOrder::orderId)
                    .containsExactly(marketId);
            assertThat(truth.fills()).allMatch(f -> f.orderId().equals(marketId));
            assertThat(truth.fills().stream().map(Fill::qty).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo("0.02");
            assertThat(truth.fills()).allMatch(f -> !f.maker() && f.fee().signum() > 0);
            GroundTruth.Counts counts = truth.counts();
            assertThat(counts.acceptedOrders()).isEqualTo(3);
            assertThat(counts.rejectedRequests()).isEqualTo(1);
            assertThat(counts.canceledOrders()).isEqualTo(1);
            assertThat(counts.fills()).isEqualTo(truth.fills().size());
            assertThat(counts.restRequests()).isEqualTo(5);

            JsonNode admin = RestTestClient.JSON.readTree(rest.send(HttpRequest.newBuilder(
                    URI.create(sim.restUrl() + "/_sim/ground-truth")).GET().build()).body());
            assertThat(admin.path("counts").path("acceptedOrders").asLong()).isEqualTo(3);
            assertThat(admin.path("acceptedOrders").findValuesAsText("clientId")).contains("truthOrder01", "truthOrder02");
            assertThat(admin.path("acceptedOrders").get(0).path("price").isTextual()).isTrue();
            assertThat(admin.path("fills").size()).isEqualTo(truth.fills().size());
            JsonNode counted = RestTestClient.JSON.readTree(rest.send(HttpRequest.newBuilder(
                    URI.create(sim.restUrl() + "/_sim/ground-truth/counts")).GET().build()).body());
            assertThat(counted.path("fills").asLong()).isEqualTo(counts.fills());
        }
    }

    @Test
    void webSocketOrdersAreRecordedWithTheirTransport() throws Exception {
        try (BitMaxSimulator sim = BitMaxSimulator.builder().marketDataRate(0).build().start();
             WsTestClient ws = WsTestClient.connectSigned(sim.wsUrl() + "/1/api/pro/v2/stream",
                     SimulatorDefaults.API_KEY, SimulatorDefaults.API_SECRET, "v2/stream", KeyEncoding.RAW)) {
            ws.send(Map.of("op", "req", "action", "place-order", "id", "wsTruth0001", "args",
                    Map.of("time", System.currentTimeMillis(), "symbol", "ETH-PERP", "orderPrice", "900",
                            "orderQty", "1", "orderType", "Limit", "side", "Buy")));
            String orderId = ws.awaitM("order").path("info").path("orderId").asText();
            AcceptedOrder order = sim.groundTruth().acceptedOrder(orderId).orElseThrow();
            assertThat(order.transport()).isEqualTo("WS");
            assertThat(order.clientId()).isEqualTo("wsTruth0001");
            assertThat(order.symbol()).isEqualTo("ETH-PERP");
            assertThat(sim.groundTruth().counts().wsRequests()).isEqualTo(1);
        }
    }
}
