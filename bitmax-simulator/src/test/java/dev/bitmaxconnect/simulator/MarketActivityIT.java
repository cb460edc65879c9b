package dev.bitmaxconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The built-in traders: a moving market whose trades fill resting client orders, reported like any fill. */
class MarketActivityIT {

    @Test
    void builtInTradersFillARestingClientOrderAtTheTopOfTheBook() throws Exception {
        try (BitMaxSimulator sim = BitMaxSimulator.builder().seed(21).marketDataRate(1000).build().start();
             WsTestClient ws = WsTestClient.connectSigned(sim.wsUrl() + "/1/api/pro/v2/stream",
                     SimulatorDefaults.API_KEY, SimulatorDefaults.API_SECRET, "v2/stream", KeyEncoding.RAW)) {
            ws.send(Map.of("op", "sub", "id", "o", "ch", "futures-order"));
            ws.awaitM("sub");
            sim.faults().pauseMarketData(true); // read the book and place without the market moving meanwhile
            awaitBookAtRest(sim, "BTC-PERP"); // a market step already under way when the pause came ends first
            BigDecimal bestBid = sim.bestBidAsk("BTC-PERP")[0];
            String price = bestBid.add(new BigDecimal("0.25")).toPlainString();
            JsonNode placed = RestTestClient.forDefault(sim).call("POST", "order", Map.of("time",
                    System.currentTimeMillis(), "symbol", "BTC-PERP", "price", price, "orderQty", "0.01",
                    "orderType", "Limit", "side", "Buy"));
            String orderId = placed.path("data").path("order").path("orderId").asText();
            assertThat(placed.path("data").path("order").path("status").asText()).isEqualTo("New");
            sim.faults().pauseMarketData(false);
            JsonNode fill = ws.await(n -> n.path("orderId").asText().equals(orderId)
                    && n.path("st").asText().matches("PartiallyFilled|Filled"), Duration.ofSeconds(20));
            assertThat(new BigDecimal(fill.path("lq").asText())).isPositive();
            assertThat(sim.groundTruth().fills()).anyMatch(f -> f.orderId().equals(orderId) && f.maker());
        }
    }

    @Test
    void theMarkPriceAndTheBookMove() throws Exception {
        try (BitMaxSimulator sim = BitMaxSimulator.builder().seed(22).marketDataRate(2000).build().start();
             WsTestClient ws = WsTestClient.connect(sim.wsUrl() + "/api/pro/v2/stream")) {
            ws.send(Map.of("op", "sub", "id", "p", "ch", "futures-pricing-data"));
            ws.send(Map.of("op", "sub", "id", "b", "ch", "bbo:*"));
            List<JsonNode> pricing = ws.collect(n -> n.path("m").asText().equals("futures-pricing-data"),
                    Duration.ofSeconds(2));
            assertThat(pricing.size()).isGreaterThan(3);
            assertThat(pricing.stream().map(p -> p.path("con").get(0).path("mp").asText()).distinct().count())
                    .isGreaterThan(1);
            List<JsonNode> bbo = ws.collect(n -> n.path("m").asText().equals("bbo"), Duration.ofSeconds(1));
            assertThat(bbo.stream().map(b -> b.path("symbol").asText()).distinct())
                    .containsExactlyInAnyOrder("BTC-PERP", "ETH-PERP");
            assertThat(bbo).allMatch(b -> new BigDecimal(b.path("data").path("bid").get(0).asText())
                    .compareTo(new BigDecimal(b.path("data").path("ask").get(0).asText())) < 0);
        }
    }

    @Test
    void syntheticMarketDataCarriesOneIncreasingSequencePerSymbolAcrossDepthAndTrades() throws Exception {
        try (BitMaxSimulator sim = BitMaxSimulator.builder().marketDataRate(2000).syntheticMarketData(true).build().start();
             WsTestClient ws = WsTestClient.connect(sim.wsUrl() + "/api/pro/v2/stream")) {
            ws.send(Map.of("op", "sub", "id", "d", "ch", "depth:BTC-PERP"));
            ws.send(Map.of("op", "sub", "id", "t", "ch", "trades:BTC-PERP"));
            long before = System.currentTimeMillis();
            List<JsonNode> messages = ws.collect(n -> n.path("m").asText().matches("depth|trades"), Duration.ofSeconds(1));
            assertThat(messages.stream().map(n -> n.path("m").asText()).distinct()).containsExactlyInAnyOrder("depth", "trades");
            assertThat(messages).allMatch(n -> n.path("symbol").asText().equals("BTC-PERP"));
            List<Long> seqnums = messages.stream().map(n -> n.path("m").asText().equals("depth")
                    ? n.path("data").path("seqnum").asLong() : n.path("data").get(0).path("seqnum").asLong()).toList();
            assertThat(seqnums).isSorted().doesNotHaveDuplicates();
            JsonNode depth = messages.stream().filter(n -> n.path("m").asText().equals("depth")).findFirst().orElseThrow();
            assertThat(depth.path("data").path("ts").asLong()).isGreaterThanOrEqualTo(before - 1000);
            assertThat(new BigDecimal(depth.path("data").path("bids").get(0).get(0).asText()))
                    .isLessThan(new BigDecimal(depth.path("data").path("asks").get(0).get(0).asText()));
            JsonNode trade = messages.stream().filter(n -> n.path("m").asText().equals("trades")).findFirst().orElseThrow()
                    .path("data").get(0);
            assertThat(new BigDecimal(trade.path("q").asText())).isPositive();
            assertThat(trade.path("bm").isBoolean()).isTrue();
        }
    }

    /** Waits until the top of the book holds still between two looks. */
    private static void awaitBookAtRest(BitMaxSimulator sim, String symbol) {
        AtomicReference<List<BigDecimal>> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() -> {
            List<BigDecimal> top = List.of(sim.bestBidAsk(symbol));
            return top.equals(last.getAndSet(top));
        });
    }
}
