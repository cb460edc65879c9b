package dev.bitmaxconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Taking the simulator off the network and back with its state, and the hostile frames and bodies it can send. */
class NetworkAndHostileFaultsIT {

    BitMaxSimulator sim;
    RestTestClient rest;

    @BeforeEach
    void start() {
        sim = BitMaxSimulator.builder().seed(11).marketDataRate(200).build().start();
        rest = RestTestClient.forDefault(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    Map<String, Object> order(String id) {
        return Map.of("id", id, "time", System.currentTimeMillis(), "symbol", "BTC-PERP", "price", "20000",
                "orderQty", "0.01", "orderType", "Limit", "side", "Buy");
    }

    JsonNode admin(String path) throws Exception {
        HttpResponse<String> response = rest.send(HttpRequest.newBuilder(URI.create(sim.restUrl() + "/_sim" + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RestTestClient.JSON.readTree(response.body());
    }

    @Test
    void stopNetworkRefusesConnectionsAndStartNetworkListensOnTheSamePortWithTheSameState() throws Exception {
        int port = sim.port();
        Map<String, Object> first = order("beforeOutage1");
        assertThat(rest.call("POST", "order", first).path("code").asInt()).isZero();
        String orderId = sim.groundTruth().acceptedOrdersWithClientId("beforeOutage1").get(0).orderId();
        long seqNumBefore = rest.call("GET", "order/status?orderId=" + orderId, null).path("data").path("seqNum")
                .asLong();

        try (WsTestClient ws = WsTestClient.connect(sim.wsUrl() + "/api/pro/v2/stream")) {
            ws.awaitM("connected");
            sim.stopNetwork();
            assertThat(sim.networkUp()).isFalse();
            await().atMost(Duration.ofSeconds(5)).until(() -> !ws.isOpen());
        }
        assertThatThrownBy(() -> rest.call("GET", "order/open", null)).isInstanceOf(IOException.class);

        sim.startNetwork();
        assertThat(sim.networkUp()).isTrue();
        assertThat(sim.port()).isEqualTo(port);
        JsonNode status = rest.call("GET", "order/status?orderId=" + orderId, null);
        assertThat(status.path("data").path("status").asText()).isEqualTo("New");
        assertThat(status.path("data").path("seqNum").asLong()).isEqualTo(seqNumBefore);
        // The same orderId is still known: the same request again is a duplicate.
        assertThat(rest.call("POST", "order", first).path("code").asInt()).isEqualTo(300006);
        JsonNode after = rest.call("POST", "order", order("afterOutage01"));
        assertThat(after.path("code").asInt()).isZero();
        assertThat(sim.groundTruth().acceptedOrders()).extracting(AcceptedOrder::clientId)
                .containsExactly("beforeOutage1", "afterOutage01");
        try (WsTestClient ws = WsTestClient.connect(sim.wsUrl() + "/api/pro/v2/stream")) {
            assertThat(ws.awaitM("connected").path("type").asText()).isEqualTo("unauth");
        }
    }

    @Test
    void theAdminEndpointStopsTheNetworkForAWhile() throws Exception {
        JsonNode answer = admin("/network/stop?millis=700");
        assertThat(answer.path("stoppedForMillis").asInt()).isEqualTo(700);
        await().atMost(Duration.ofSeconds(2)).until(() -> !sim.networkUp());
        await().atMost(Duration.ofSeconds(5)).until(sim::networkUp);
        assertThat(rest.get("/api/pro/v2/futures/contract").path("code").asInt()).isZero();
    }

    @Test
    void malformedAndOversizedRestBodiesChangeNothing() throws Exception {
        admin("/faults/malform-next-rest?count=1");
        HttpResponse<String> malformed = rest.raw("POST", "order", order("malformed001"));
        assertThat(malformed.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> RestTestClient.JSON.readTree(malformed.body()))
                .isInstanceOf(JsonProcessingException.class);

        sim.faults().oversizeNextRestResponses(1, 3_000_000);
        HttpResponse<String> oversized = rest.raw("POST", "order", order("oversized001"));
        assertThat(oversized.body().length()).isBetween(2_999_000, 3_001_000);
        assertThat(RestTestClient.JSON.readTree(oversized.body()).path("code").asInt()).isZero();

        assertThat(sim.groundTruth().acceptedOrders()).isEmpty();
        assertThat(rest.call("POST", "order", order("normal000001")).path("code").asInt()).isZero();
        assertThat(sim.faults().describe()).containsEntry("malformNextRestResponses", 0)
                .containsEntry("oversizeNextRestResponses", 0);
    }

    @Test
    void malformedAndOversizedFramesReachEveryOpenStreamWhichStaysOpen() throws Exception {
        try (WsTestClient a = WsTestClient.connect(sim.wsUrl() + "/api/pro/v2/stream");
             WsTestClient b = WsTestClient.connect(sim.wsUrl() + "/api/pro/v2/stream")) {
            a.awaitM("connected");
            b.awaitM("connected");
            a.messages.clear();
            assertThat(sim.faults().sendMalformedFrames(8)).isEqualTo(2);
            List<String> frames = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String frame = a.messages.poll(5, TimeUnit.SECONDS);
                assertThat(frame).as("frame %d", i).isNotNull();
                frames.add(frame);
            }
            assertThat(frames).anySatisfy(f -> assertThatThrownBy(() -> RestTestClient.JSON.readTree(f))
                    .isInstanceOf(JsonProcessingException.class));
            assertThat(frames).contains("not json at all", "");

            JsonNode answer = admin("/faults/oversized-frames?count=2&bytes=400000");
            assertThat(answer.path("sessions").asInt()).isEqualTo(2);
            await().atMost(Duration.ofSeconds(5)).until(() -> b.messages.stream().filter(m -> m.length() >= 399_000)
                    .count() == 2);
            String big = b.messages.stream().filter(m -> m.length() >= 399_000).findFirst().orElseThrow();
            assertThat(RestTestClient.JSON.readTree(big).path("m").asText()).isEqualTo("trades");
            assertThat(a.isOpen()).isTrue();
            assertThat(b.isOpen()).isTrue();
        }
    }
}
