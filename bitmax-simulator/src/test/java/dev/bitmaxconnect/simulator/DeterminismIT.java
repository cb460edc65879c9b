package dev.bitmaxconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The same seed gives the same market: the same depth and trade messages in the same order (timestamps aside). */
class DeterminismIT {

    static List<String> firstMessages(long seed, int count) throws Exception {
        try (BitMaxSimulator sim = BitMaxSimulator.builder().seed(seed).marketDataRate(2000).build()) {
            sim.faults().pauseMarketData(true);
            sim.start();
            try (WsTestClient ws = WsTestClient.connect(sim.wsUrl() + "/api/pro/v2/stream")) {
                ws.send(Map.of("op", "sub", "id", "1", "ch", "depth:BTC-PERP"));
                ws.send(Map.of("op", "sub", "id", "2", "ch", "trades:BTC-PERP"));
                ws.awaitM("sub");
                ws.awaitM("sub");
                sim.faults().pauseMarketData(false);
                List<String> messages = new ArrayList<>();
                while (messages.size() < count) {
                    JsonNode message = ws.await(n -> n.path("m").asText().matches("depth|trades"),
                            Duration.ofSeconds(10));
                    messages.add(withoutTimestamps(message));
                }
                return messages;
            }
        }
    }

    static String withoutTimestamps(JsonNode message) {
        JsonNode data = message.path("data");
        if (data.isObject()) {
            ((ObjectNode) data).remove("ts");
        } else {
            data.forEach(item -> ((ObjectNode) item).remove("ts"));
        }
        return message.toString();
    }

    @Test
    void sameSeedSameMarketOtherSeedOtherMarket() throws Exception {
        List<String> first = firstMessages(1234, 200);
        List<String> second = firstMessages(1234, 200);
        List<String> other = firstMessages(4321, 200);
        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(first).anyMatch(m -> m.contains("\"m\":\"trades\""));
    }
}
