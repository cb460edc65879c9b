package dev.bitmaxconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitmaxconnect.simulator.auth.SignatureVerifier;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server-side signing settings of docs/exchange-api.md: the WebSocket signed path and the key encodings. */
class SigningIT {

    @Test
    void webSocketSignedPathStreamInsteadOfV2Stream() throws Exception {
        try (BitMaxSimulator sim = BitMaxSimulator.builder().marketDataRate(0).wsSignedPath("stream").build().start()) {
            String url = sim.wsUrl() + "/1/api/pro/v2/stream";
            try (WsTestClient ws = WsTestClient.connectSigned(url, SimulatorDefaults.API_KEY,
                    SimulatorDefaults.API_SECRET, "stream", KeyEncoding.RAW)) {
                assertThat(ws.awaitM("connected").path("type").asText()).isEqualTo("auth");
            }
            assertThatThrownBy(() -> WsTestClient.connectSigned(url, SimulatorDefaults.API_KEY,
                    SimulatorDefaults.API_SECRET, "v2/stream", KeyEncoding.RAW)).hasMessageContaining("401");
        }
    }

    @Test
    void base64KeyEncodingForRestAndWebSocket() throws Exception {
        try (BitMaxSimulator sim = BitMaxSimulator.builder().marketDataRate(0).restKeyEncoding(KeyEncoding.BASE64)
                .wsKeyEncoding(KeyEncoding.BASE64).build().start()) {
            RestTestClient rest = RestTestClient.forDefault(sim);
            assertThat(rest.call("GET", "position", null).path("code").asInt()).isEqualTo(200001);
            rest.encoding = KeyEncoding.BASE64;
            assertThat(rest.call("GET", "position", null).path("code").asInt()).isZero();

            try (WsTestClient ws = WsTestClient.connect(sim.wsUrl() + "/1/api/pro/v2/stream")) {
                ws.awaitM("connected");
                long t = System.currentTimeMillis();
                ws.send(Map.of("op", "auth", "id", "b", "t", t, "key", SimulatorDefaults.API_KEY, "sig",
                        SignatureVerifier.sign(KeyEncoding.BASE64, SimulatorDefaults.API_SECRET, t + "+v2/stream")));
                assertThat(ws.awaitM("auth").path("code").asInt()).isZero();
            }
        }
    }

    @Test
    void rawRestWithBase64WebSocketAreIndependent() throws Exception {
        try (BitMaxSimulator sim = BitMaxSimulator.builder().marketDataRate(0).wsKeyEncoding(KeyEncoding.BASE64)
                .build().start()) {
            assertThat(RestTestClient.forDefault(sim).call("GET", "position", null).path("code").asInt()).isZero();
            try (WsTestClient ws = WsTestClient.connectSigned(sim.wsUrl() + "/1/api/pro/v2/stream",
                    SimulatorDefaults.API_KEY, SimulatorDefaults.API_SECRET, "v2/stream", KeyEncoding.BASE64)) {
                assertThat(ws.awaitM("connected").path("type").asText()).isEqualTo("auth");
            }
        }
    }
}
