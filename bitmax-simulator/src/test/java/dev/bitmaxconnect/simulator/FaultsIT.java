package dev.bitmaxconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitmaxconnect.simulator.auth.SignatureVerifier;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every fault switch, through the Java API and through the admin HTTP endpoints. */
class FaultsIT {

    BitMaxSimulator sim;
    RestTestClient rest;
    String privateUrl;

    @BeforeEach
    void start() {
        sim = BitMaxSimulator.builder().seed(9).marketDataRate(300).pingInterval(Duration.ofMillis(200)).build().start();
        rest = RestTestClient.forDefault(sim);
        privateUrl = sim.wsUrl() + "/1/api/pro/v2/stream";
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    JsonNode admin(String path) throws Exception {
        HttpResponse<String> response = rest.send(HttpRequest.newBuilder(URI.create(sim.restUrl() + "/_sim" + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RestTestClient.JSON.readTree(response.body());
    }

    WsTestClient authenticated() throws Exception {
        WsTestClient ws = WsTestClient.connectSigned(privateUrl, SimulatorDefaults.API_KEY,
                SimulatorDefaults.API_SECRET, "v2/stream", KeyEncoding.RAW);
        ws.awaitM("connected");
        return ws;
    }

    Map<String, Object> order(String id) {
        return Map.of("id", id, "time", System.currentTimeMillis(), "symbol", "BTC-PERP", "price", "20000",
                "orderQty", "0.01", "orderType", "Limit", "side", "Buy");
    }

    @Test
    void dropAllConnectionsClosesEveryWebSocket() throws Exception {
        try (WsTestClient a = WsTestClient.connect(sim.wsUrl() + "/api/pro/v2/stream"); WsTestClient b = authenticated()) {
            a.awaitM("connected");
            sim.faults().dropAllConnections();
            await().atMost(Duration.ofSeconds(5)).until(() -> !a.isOpen() && !b.isOpen());
        }
        try (WsTestClient c = WsTestClient.connect(sim.wsUrl() + "/api/pro/v2/stream")) {
            c.awaitM("connected");
            admin("/faults/drop-connections");
            await().atMost(Duration.ofSeconds(5)).until(() -> !c.isOpen());
        }
    }

    @Test
    void quietClientsArePingedThenDisconnectedAndStopAnsweringPingsSilencesBoth() throws Exception {
        try (WsTestClient ws = WsTestClient.connect(sim.wsUrl() + "/api/pro/v2/stream")) {
            assertThat(ws.awaitM("ping").path("hp").asInt()).isEqualTo(2);
            assertThat(ws.awaitM("ping").path("hp").asInt()).isEqualTo(1);
            JsonNode disconnected = ws.awaitM("disconnected");
            assertThat(disconnected.path("code").asInt()).isEqualTo(100005);
            assertThat(disconnected.path("reason").asText()).isEqualTo("INVALID_WS_REQUEST_DATA");
            await().atMost(Duration.ofSeconds(5)).until(() -> !ws.isOpen());
        }
        try (WsTestClient ws = WsTestClient.connect(sim.wsUrl() + "/api/pro/v2/stream")) {
            ws.awaitM("ping");
            ws.send("{\"op\":\"pong\"}");
            ws.awaitM("ping");
            ws.send("{\"op\":\"pong\"}");
            ws.awaitM("ping");
            ws.send("{\"op\":\"pong\"}");
            assertThat(ws.isOpen()).isTrue();

            sim.faults().stopAnsweringPings(true);
            ws.send("{\"op\":\"pong\"}");
            Thread.sleep(100); // a ping already on its way before the switch is not what this asserts
            ws.clear();
            ws.send("{\"op\":\"ping\"}");
            assertThat(ws.collect(n -> n.path("m").asText().matches("pong|ping|disconnected"), Duration.ofMillis(900)))
                    .isEmpty();
            assertThat(ws.isOpen()).isTrue();
            admin("/faults/stop-answering-pings?on=false");
            ws.send("{\"op\":\"ping\"}");
            assertThat(ws.awaitM("pong").path("code").asInt()).isZero();
        }
    }

    @Test
    void lostClientFramesGetNoAnswerAndTheServerDropsTheSessionAfterTwoUnansweredPings() throws Exception {
        try (WsTestClient ws = WsTestClient.connect(sim.wsUrl() + "/api/pro/v2/stream")) {
            ws.awaitM("connected");
            admin("/faults/lose-client-frames?on=true");
            ws.clear();
            ws.send("{\"op\":\"ping\"}");
            ws.send(Map.of("op", "sub", "id", "1", "ch", "depth:BTC-PERP"));
            // The pongs a client sends now are lost too, so its pings do not keep it alive.
            assertThat(ws.awaitM("ping").path("hp").asInt()).isEqualTo(2);
            ws.send("{\"op\":\"pong\"}");
            assertThat(ws.awaitM("ping").path("hp").asInt()).isEqualTo(1);
            ws.send("{\"op\":\"pong\"}");
            assertThat(ws.awaitM("disconnected").path("code").asInt()).isEqualTo(100005);
            await().atMost(Duration.ofSeconds(5)).until(() -> !ws.isOpen());
            assertThat(sim.sessionsDisconnectedForMissedPings()).isEqualTo(1);
            assertThat(ws.collect(n -> n.path("m").asText().matches("pong|sub|depth"), Duration.ofMillis(50)))
                    .as("nothing the client sent was answered").isEmpty();
        }
        sim.faults().loseClientFrames(false);
        try (WsTestClient ws = WsTestClient.connect(sim.wsUrl() + "/api/pro/v2/stream")) {
            ws.send("{\"op\":\"ping\"}");
            assertThat(ws.awaitM("pong").path("code").asInt()).isZero();
        }
    }

    @Test
    void pauseMarketDataStopsEveryPublicChannel() throws Exception {
        try (WsTestClient ws = WsTestClient.connect(sim.wsUrl() + "/api/pro/v2/stream")) {
            ws.send(Map.of("op", "sub", "id", "1", "ch", "depth:BTC-PERP"));
            ws.send(Map.of("op", "sub", "id", "2", "ch", "futures-pricing-data"));
            ws.awaitM("depth");
            sim.faults().pauseMarketData(true);
            Thread.sleep(100);
            ws.send("{\"op\":\"ping\"}"); // stay healthy: this class pings quiet clients every 200 ms
            ws.clear();
            assertThat(ws.collect(n -> n.path("m").asText().matches("depth|futures-pricing-data"),
                    Duration.ofMillis(400))).isEmpty();
            admin("/faults/pause-market-data?on=false");
            ws.send("{\"op\":\"ping\"}");
            assertThat(ws.awaitM("depth").path("data").path("seqnum").asLong()).isPositive();
        }
    }

    @Test
    void failNextRestRequestsAnswersWithTheChosenStatusAndCodeAndHasNoEffect() throws Exception {
        sim.faults().failNextRestRequests(2, 503, 510001);
        HttpResponse<String> first = rest.raw("POST", "order", order("faultOrder001"));
        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(RestTestClient.JSON.readTree(first.body()).path("code").asInt()).isEqualTo(510001);
        assertThat(rest.raw("GET", "position", null).statusCode()).isEqualTo(503);
        assertThat(rest.raw("GET", "position", null).statusCode()).isEqualTo(200);
        assertThat(sim.groundTruth().acceptedOrdersWithClientId("faultOrder001")).isEmpty();

        admin("/faults/fail-next-rest?count=1&status=200&code=100101");
        assertThat(rest.call("GET", "position", null).path("code").asInt()).isEqualTo(100101);
        assertThat(rest.call("GET", "position", null).path("code").asInt()).isZero();
    }

    @Test
    void delayResponsesSlowsRestAndWebSocketAnswers() throws Exception {
        sim.faults().delayResponses(Duration.ofMillis(300));
        long start = System.nanoTime();
        rest.call("GET", "position", null);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        long upgradeStart = System.nanoTime();
        try (WsTestClient ws = authenticated()) {
            assertThat(Duration.ofNanos(System.nanoTime() - upgradeStart)).as("the upgrade waits too")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(300));
            long wsStart = System.nanoTime();
            ws.send(Map.of("op", "req", "id", "s", "action", "futures-account-snapshot"));
            ws.awaitM("futures-account-snapshot");
            assertThat(Duration.ofNanos(System.nanoTime() - wsStart)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
        admin("/faults/delay?millis=0");
        assertThat(sim.faults().responseDelay()).isZero();
    }

    @Test
    void refuseAuthFailsRestWebSocketHeadersAndOpAuth() throws Exception {
        sim.faults().refuseAuth(true);
        assertThat(rest.call("GET", "position", null).path("code").asInt()).isEqualTo(200001);
        assertThatThrownBy(this::authenticated).hasMessageContaining("401");
        try (WsTestClient ws = WsTestClient.connect(privateUrl)) {
            long t = System.currentTimeMillis();
            ws.send(Map.of("op", "auth", "id", "x", "t", t, "key", SimulatorDefaults.API_KEY,
                    "sig", SignatureVerifier.sign(KeyEncoding.RAW, SimulatorDefaults.API_SECRET, t + "+v2/stream")));
            assertThat(ws.awaitM("auth").path("code").asInt()).isEqualTo(200006);
        }
        admin("/faults/refuse-auth?on=false");
        assertThat(rest.call("GET", "position", null).path("code").asInt()).isZero();
        assertThat(sim.faults().authRefused()).isFalse();
    }

    @Test
    void applyThenDropAppliesTheOrderButLosesTheRestResponse() throws Exception {
        sim.faults().applyThenDropNextOrders(1);
        assertThatThrownBy(() -> rest.raw("POST", "order", order("ambiguous0001"))).isInstanceOf(IOException.class);
        assertThat(sim.groundTruth().acceptedOrdersWithClientId("ambiguous0001")).hasSize(1);
        String orderId = sim.groundTruth().acceptedOrdersWithClientId("ambiguous0001").get(0).orderId();
        JsonNode status = rest.call("GET", "order/status?orderId=" + orderId, null);
        assertThat(status.path("data").path("status").asText()).isEqualTo("New");
        assertThat(rest.raw("POST", "order", order("notAmbiguous1")).statusCode()).isEqualTo(200);
    }

    @Test
    void applyThenDropAppliesAWholeBatchButLosesTheResponse() throws Exception {
        sim.faults().applyThenDropNextOrders(1);
        Map<String, Object> batch = Map.of("orders", java.util.List.of(order("ambiguousB01"), order("ambiguousB02")));
        assertThatThrownBy(() -> rest.raw("POST", "order/batch", batch)).isInstanceOf(IOException.class);
        assertThat(sim.groundTruth().acceptedOrdersWithClientId("ambiguousB01")).hasSize(1);
        assertThat(sim.groundTruth().acceptedOrdersWithClientId("ambiguousB02")).hasSize(1);
    }

    @Test
    void applyThenDropAppliesTheOrderButLosesTheWebSocketAck() throws Exception {
        admin("/faults/apply-then-drop?count=1");
        try (WsTestClient ws = authenticated()) {
            ws.send(Map.of("op", "req", "action", "place-order", "id", "wsAmbiguous1", "args",
                    Map.of("time", System.currentTimeMillis(), "symbol", "BTC-PERP", "orderPrice", "20000",
                            "orderQty", "0.01", "orderType", "Limit", "side", "Buy")));
            await().atMost(Duration.ofSeconds(5)).until(() -> !ws.isOpen());
            assertThat(ws.collect(n -> n.path("m").asText().equals("order"), Duration.ofMillis(100))).isEmpty();
        }
        assertThat(sim.groundTruth().acceptedOrdersWithClientId("wsAmbiguous1")).singleElement()
                .satisfies(o -> assertThat(o.transport()).isEqualTo("WS"));
    }

    @Test
    void adminFaultStateAndResetAreVisible() throws Exception {
        admin("/faults/pause-market-data?on=true");
        admin("/faults/fail-next-rest?count=5&status=429&code=100101");
        HttpResponse<String> state = rest.send(HttpRequest.newBuilder(URI.create(sim.restUrl() + "/_sim/faults"))
                .GET().build());
        JsonNode faults = RestTestClient.JSON.readTree(state.body());
        assertThat(faults.path("pauseMarketData").asBoolean()).isTrue();
        assertThat(faults.path("failNextRestRequests").asInt()).isEqualTo(5);
        assertThat(faults.path("failHttpStatus").asInt()).isEqualTo(429);
        JsonNode reset = admin("/faults/reset");
        assertThat(reset.path("pauseMarketData").asBoolean()).isFalse();
        assertThat(reset.path("failNextRestRequests").asInt()).isZero();
        HttpResponse<String> unknown = rest.send(HttpRequest.newBuilder(URI.create(sim.restUrl() + "/_sim/nothing"))
                .GET().build());
        assertThat(unknown.statusCode()).isEqualTo(404);
        HttpResponse<String> bad = rest.send(HttpRequest.newBuilder(
                URI.create(sim.restUrl() + "/_sim/faults/delay?millis=soon")).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("millis", "soon");
    }
}
