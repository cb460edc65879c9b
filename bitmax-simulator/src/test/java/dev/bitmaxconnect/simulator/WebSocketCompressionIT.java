package dev.bitmaxconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** permessage-deflate is refused unless the simulator is told to allow it. */
class WebSocketCompressionIT {

    private static final Map<String, String> ASKS_FOR_DEFLATE = Map.of("Sec-WebSocket-Extensions", "permessage-deflate");

    @Test
    void aClientAskingForDeflateGetsNoExtensionByDefault() throws Exception {
        try (BitMaxSimulator sim = BitMaxSimulator.builder().marketDataRate(0).build().start();
             WsTestClient client = WsTestClient.connect(sim.wsUrl() + "/api/pro/v2/stream", ASKS_FOR_DEFLATE)) {
            assertThat(client.session.getUpgradeResponse().getExtensions()).isEmpty();
        }
    }

    @Test
    void deflateIsNegotiatedWhenAllowed() throws Exception {
        try (BitMaxSimulator sim = BitMaxSimulator.builder().marketDataRate(0).webSocketCompression(true).build().start();
             WsTestClient client = WsTestClient.connect(sim.wsUrl() + "/api/pro/v2/stream", ASKS_FOR_DEFLATE)) {
            assertThat(client.session.getUpgradeResponse().getExtensions())
                    .extracting(extension -> extension.getName())
                    .containsExactly("permessage-deflate");
        }
    }
}
