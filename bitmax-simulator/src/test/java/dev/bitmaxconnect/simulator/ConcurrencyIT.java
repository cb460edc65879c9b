package dev.bitmaxconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Many clients at once on a moving market: every private message arrives once, in strictly increasing sn. */
class ConcurrencyIT {

    @Test
    void privateSequenceNumbersStayStrictlyIncreasingUnderConcurrentOrders() throws Exception {
        try (BitMaxSimulator sim = BitMaxSimulator.builder().seed(31).marketDataRate(3000).build().start();
             WsTestClient ws = WsTestClient.connectSigned(sim.wsUrl() + "/1/api/pro/v2/stream",
                     SimulatorDefaults.API_KEY, SimulatorDefaults.API_SECRET, "v2/stream", KeyEncoding.RAW)) {
            ws.send(Map.of("op", "sub", "id", "o", "ch", "futures-order"));
            ws.send(Map.of("op", "sub", "id", "a", "ch", "futures-account-update"));
            ws.awaitM("sub");
            ws.awaitM("sub");
            RestTestClient rest = RestTestClient.forDefault(sim);
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    int accepted = 0;
                    for (int i = 0; i < 40; i++) {
                        String symbol = i % 2 == 0 ? "BTC-PERP" : "ETH-PERP";
                        Map<String, Object> order = i % 3 == 0
                                ? Map.of("time", System.currentTimeMillis(), "symbol", symbol, "orderQty",
                                        symbol.equals("BTC-PERP") ? "0.001" : "0.01", "orderType", "Market",
                                        "side", (i + thread) % 2 == 0 ? "Buy" : "Sell")
                                : Map.of("time", System.currentTimeMillis(), "symbol", symbol, "price",
                                        symbol.equals("BTC-PERP") ? "29000" : "950", "orderQty",
                                        symbol.equals("BTC-PERP") ? "0.001" : "0.01", "orderType", "Limit",
                                        "side", "Buy");
                        if (rest.call("POST", "order", order).path("code").asInt() == 0) {
                            accepted++;
                        }
                    }
                    rest.call("DELETE", "order/all", Map.of());
                    return accepted;
                }));
            }
            int accepted = 0;
            for (Future<Integer> result : results) {
                accepted += result.get();
            }
            pool.shutdown();
            assertThat(accepted).isEqualTo(240);
            assertThat(sim.groundTruth().counts().acceptedOrders()).isEqualTo(240);

            List<JsonNode> privateMessages = ws.collect(n -> n.has("sn"), Duration.ofSeconds(2));
            assertThat(privateMessages.size()).isGreaterThan(240 * 2);
            long previous = 0;
            for (JsonNode message : privateMessages) {
                long sn = message.path("sn").asLong();
                assertThat(sn).as("sn after %d in %s", previous, message.path("m").asText()).isGreaterThan(previous);
                previous = sn;
            }
            assertThat(rest.call("GET", "order/open", null).path("data").size()).isZero();
        }
    }
}
