package dev.bitmaxconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitmaxconnect.simulator.auth.SignatureVerifier;
import dev.bitmaxconnect.simulator.engine.Bar;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Walks every WebSocket channel and request action with a raw client, comparing field names with the examples. */
class StreamConformanceIT {

    static BitMaxSimulator sim;
    static String publicUrl;
    static String privateUrl;

    @BeforeAll
    static void start() {
        sim = BitMaxSimulator.builder().seed(7).marketDataRate(400).build().start();
        publicUrl = sim.wsUrl() + "/api/pro/v2/stream";
        privateUrl = sim.wsUrl() + "/" + SimulatorDefaults.ACCOUNT_GROUP + "/api/pro/v2/stream";
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static WsTestClient authenticated() throws Exception {
        WsTestClient ws = WsTestClient.connectSigned(privateUrl, SimulatorDefaults.API_KEY,
                SimulatorDefaults.API_SECRET, "v2/stream", KeyEncoding.RAW);
        assertThat(ws.awaitM("connected").path("type").asText()).isEqualTo("auth");
        return ws;
    }

    static Map<String, Object> sub(String id, String ch) {
        return Map.of("op", "sub", "id", id, "ch", ch);
    }

    @Test
    void publicSessionSaysUnauthConnected() throws Exception {
        try (WsTestClient ws = WsTestClient.connect(publicUrl)) {
            assertThat(ws.awaitM("connected").toString()).isEqualTo("{\"m\":\"connected\",\"type\":\"unauth\"}");
        }
    }

    @Test
    void headerAuthenticationConnectsAuthenticated() throws Exception {
        try (WsTestClient ws = authenticated()) {
            assertThat(ws.isOpen()).isTrue();
        }
    }

    @Test
    void wrongHeaderSignatureRefusesTheUpgrade() {
        assertThatThrownBy(() -> WsTestClient.connectSigned(privateUrl, SimulatorDefaults.API_KEY, "wrong-secret",
                "v2/stream", KeyEncoding.RAW)).hasMessageContaining("401");
    }

    @Test
    void opAuthSucceedsWithTheExampleShapeAndFailsWithCode200006() throws Exception {
        try (WsTestClient ws = WsTestClient.connect(privateUrl)) {
            ws.awaitM("connected");
            long t = System.currentTimeMillis();
            ws.send(Map.of("op", "auth", "id", "abc123", "t", t, "key", SimulatorDefaults.API_KEY,
                    "sig", SignatureVerifier.sign(KeyEncoding.RAW, "not-the-secret", t + "+v2/stream")));
            JsonNode error = ws.awaitM("auth");
            assertThat(FieldNames.of(error)).isEqualTo(FieldNames.ofExample("authentication-response--auth-error-message"));
            assertThat(error.path("code").asInt()).isEqualTo(200006);

            ws.send(Map.of("op", "auth", "id", "abc123", "t", t, "key", SimulatorDefaults.API_KEY,
                    "sig", SignatureVerifier.sign(KeyEncoding.RAW, SimulatorDefaults.API_SECRET, t + "+v2/stream")));
            JsonNode ok = ws.awaitM("auth");
            assertThat(ok).isEqualTo(FieldNames.example("authentication-response--auth-success-message"));
        }
    }

    @Test
    void clientPingGetsPong() throws Exception {
        try (WsTestClient ws = WsTestClient.connect(publicUrl)) {
            ws.send("{\"op\":\"ping\"}");
            JsonNode pong = ws.awaitM("pong");
            assertThat(pong.path("code").asInt()).isZero();
            assertThat(pong.path("ts").asLong()).isPositive();
            assertThat(pong.has("hp")).isTrue();
        }
    }

    @Test
    void everyPublicChannelStreamsWithTheExampleFields() throws Exception {
        try (WsTestClient ws = WsTestClient.connect(publicUrl)) {
            ws.awaitM("connected");
            ws.send(FieldNames.example("channel-level-1-order-book-data-bbo--subscribe-to-btc-perp-quote-stream"));
            ws.send(FieldNames.example("channel-level-2-order-book-updates--subscribe-to-btc-perp-depth-updates-stream"));
            ws.send(FieldNames.example("channel-market-trades--subscribe-to-btc-perp-market-trades-stream"));
            ws.send(FieldNames.example("channel-bar-data--subscribe-to-btc-perp-1-minute-bar-stream"));
            ws.send(sub("p", "futures-pricing-data"));
            JsonNode ack = ws.await(n -> n.path("m").asText().equals("sub") && n.path("ch").asText().startsWith("bbo"),
                    Duration.ofSeconds(5));
            assertThat(ack.toString()).isEqualTo("{\"m\":\"sub\",\"id\":\"abc123\",\"ch\":\"bbo:BTC-PERP\",\"code\":0}");

            assertThat(FieldNames.of(ws.awaitM("bbo")))
                    .isEqualTo(FieldNames.ofExample("channel-level-1-order-book-data-bbo--bbo-message"));
            assertThat(FieldNames.of(ws.awaitM("depth")))
                    .isEqualTo(FieldNames.ofExample("channel-level-2-order-book-updates--the-depth-message"));
            assertThat(FieldNames.of(ws.awaitM("trades")))
                    .isEqualTo(FieldNames.ofExample("channel-market-trades--trade-message"));
            JsonNode bar = ws.awaitM("bar");
            assertThat(FieldNames.of(bar)).isEqualTo(FieldNames.ofExample("channel-bar-data--bar-data-message"));
            assertThat(bar.path("data").path("i").asText()).isEqualTo("1");
            assertThat(FieldNames.of(ws.awaitM("futures-pricing-data")))
                    .isEqualTo(FieldNames.ofExample("channel-futures-pricing-data--sample-futures-pricing-data-message"));
        }
    }

    @Test
    void unsubscribeFormsAreAcknowledgedAndStopTheStream() throws Exception {
        try (WsTestClient ws = WsTestClient.connect(publicUrl)) {
            ws.awaitM("connected");
            ws.send(sub("a", "bar:5:BTC-PERP"));
            ws.send(sub("b", "trades:BTC-PERP"));
            ws.awaitM("trades");
            for (String name : List.of("channel-bar-data--unsubscribe-to-btc-perp-1-minute-bar-stream",
                    "channel-bar-data--unsubscribe-to-btc-perp-1-minute-bar-stream-2",
                    "channel-bar-data--unsubscribe-to-btc-perp-1-minute-bar-stream-3",
                    "channel-bar-data--unsubscribe-to-btc-perp-1-minute-bar-stream-4",
                    "channel-market-trades--unsubscribe-to-btc-perp-market-trades-stream")) {
                JsonNode request = FieldNames.example(name);
                ws.send(request);
                JsonNode ack = ws.awaitM("unsub");
                assertThat(ack.path("code").asInt()).as(name).isZero();
                assertThat(ack.path("ch").asText()).isEqualTo(request.path("ch").asText());
            }
            Thread.sleep(100);
            ws.clear();
            assertThat(ws.collect(n -> n.path("m").asText().matches("bar|trades"), Duration.ofMillis(700))).isEmpty();
        }
    }

    @Test
    void oneSubscriptionMayNameSeveralSymbols() throws Exception {
        try (WsTestClient ws = WsTestClient.connect(publicUrl)) {
            ws.send(sub("multi", "bbo:BTC-PERP,ETH-PERP"));
            assertThat(ws.awaitM("sub").path("code").asInt()).isZero();
            List<JsonNode> bbo = ws.collect(n -> n.path("m").asText().equals("bbo"), Duration.ofSeconds(2));
            assertThat(bbo.stream().map(n -> n.path("symbol").asText()).distinct())
                    .containsExactlyInAnyOrder("BTC-PERP", "ETH-PERP");
        }
    }

    @Test
    void barSubscriptionAcceptsEveryInterval() throws Exception {
        try (WsTestClient ws = WsTestClient.connect(publicUrl)) {
            for (String interval : Bar.INTERVALS) {
                ws.send(sub("i" + interval, "bar:" + interval + ":ETH-PERP"));
                assertThat(ws.awaitM("sub").path("code").asInt()).as(interval).isZero();
            }
            ws.send(sub("x", "bar:7:ETH-PERP"));
            assertThat(ws.awaitM("sub").path("code").asInt()).isEqualTo(100005);
        }
    }

    @Test
    void badSubscriptionsAreRefusedWithACode() throws Exception {
        try (WsTestClient ws = WsTestClient.connect(publicUrl)) {
            ws.send(sub("1", "bbo:NOPE-PERP"));
            assertThat(ws.awaitM("sub").path("code").asInt()).isEqualTo(100008);
            ws.send(sub("2", "futures-order"));
            assertThat(ws.awaitM("sub").path("code").asInt()).isEqualTo(100009);
            ws.send("{\"op\":\"dance\",\"id\":\"3\"}");
            JsonNode error = ws.awaitM("error");
            assertThat(error.path("code").asInt()).isEqualTo(100005);
            assertThat(error.path("id").asText()).isEqualTo("3");
        }
    }

    @Test
    void depthSnapshotThenUpdatesWithLargerSeqnum() throws Exception {
        try (WsTestClient ws = WsTestClient.connect(publicUrl)) {
            ws.send(sub("d", "depth:BTC-PERP"));
            ws.awaitM("sub");
            ws.send(Map.of("op", "req", "action", "depth-snapshot", "args", Map.of("symbol", "BTC-PERP")));
            JsonNode snapshot = ws.awaitM("depth-snapshot");
            assertThat(snapshot.path("symbol").asText()).isEqualTo("BTC-PERP");
            assertThat(snapshot.path("data").path("asks").size()).isGreaterThan(0);
            assertThat(snapshot.path("data").path("bids").size()).isGreaterThan(0);
            long seq = snapshot.path("data").path("seqnum").asLong();
            // Updates that arrived before the snapshot answer are older than it; the rule is about the ones after.
            ws.clear();
            JsonNode update = ws.awaitM("depth");
            assertThat(update.path("data").path("seqnum").asLong()).isGreaterThan(seq);
        }
    }

    @Test
    void accountSnapshotHasTheExampleFields() throws Exception {
        try (WsTestClient ws = authenticated()) {
            ws.send(FieldNames.example("ws-account-snapshot--requesting-futures-account-snapshot"));
            JsonNode snapshot = ws.awaitM("futures-account-snapshot");
            assertThat(FieldNames.of(snapshot))
                    .isEqualTo(FieldNames.ofExample("ws-account-snapshot--futures-account-snapshot-response"));
            assertThat(snapshot.path("id").asText()).isEqualTo("abc123456");
            assertThat(snapshot.path("acc").asText()).isEqualTo(SimulatorDefaults.FUTURES_ACCOUNT_ID);
        }
    }

    @Test
    void placeCancelAndCancelAllWithAcksReportsAndAccountUpdates() throws Exception {
        try (WsTestClient ws = authenticated()) {
            ws.send(sub("o", "futures-order"));
            ws.send(sub("a", "futures-account-update"));
            ws.awaitM("sub");
            ws.awaitM("sub");
            BigDecimal[] book = sim.bestBidAsk("BTC-PERP");
            JsonNode request = FieldNames.example("ws-place-order--request-to-place-new-order");
            var args = (com.fasterxml.jackson.databind.node.ObjectNode) request.get("args");
            args.put("time", System.currentTimeMillis()).put("orderPrice", book[0].subtract(new BigDecimal("500"))
                    .toPlainString()).put("id", "wsOrder000000001");
            ws.send(request);
            JsonNode ack = ws.await(n -> n.path("m").asText().equals("order"), Duration.ofSeconds(5));
            assertThat(FieldNames.of(ack)).isEqualTo(FieldNames.ofExample("ws-place-order--successful-ack-message"));
            String orderId = ack.path("info").path("orderId").asText();
            assertThat(orderId).startsWith("s").contains(SimulatorDefaults.USER_UID).endsWith("000000001");
            JsonNode report = ws.awaitM("futures-order");
            assertThat(FieldNames.of(report)).isEqualTo(FieldNames.ofExample("channel-order"));
            assertThat(report.path("orderId").asText()).isEqualTo(orderId);
            assertThat(report.path("st").asText()).isEqualTo("New");
            long sn = report.path("sn").asLong();

            JsonNode cancel = FieldNames.example("ws-cancel-order--request-to-cancel-existing-open-order");
            ((com.fasterxml.jackson.databind.node.ObjectNode) cancel.get("args"))
                    .put("time", System.currentTimeMillis()).put("orderId", orderId);
            ws.send(cancel);
            JsonNode cancelAck = ws.await(n -> n.path("m").asText().equals("order"), Duration.ofSeconds(5));
            assertThat(FieldNames.of(cancelAck)).isEqualTo(FieldNames.ofExample("ws-cancel-order--successful-ack-message"));
            JsonNode canceled = ws.awaitM("futures-order");
            assertThat(canceled.path("st").asText()).isEqualTo("Canceled");
            assertThat(canceled.path("sn").asLong()).isGreaterThan(sn);

            ws.send(FieldNames.example("ws-cancel-all-orders--request-to-cancel-all-existing-open-orders"));
            JsonNode allAck = ws.await(n -> n.path("m").asText().equals("order"), Duration.ofSeconds(5));
            assertThat(FieldNames.of(allAck)).isEqualTo(FieldNames.ofExample("ws-cancel-all-orders--successful-ack-message"));

            // a market order fills against the book: fill report and account update, sn still growing
            ws.send(Map.of("op", "req", "action", "place-order", "ac", "futures", "id", "mkt", "args",
                    Map.of("time", System.currentTimeMillis(), "symbol", "BTC-PERP", "orderQty", "0.01",
                            "orderType", "market", "side", "buy")));
            JsonNode update = ws.awaitM("futures-account-update");
            assertThat(FieldNames.of(update)).isEqualTo(FieldNames.ofExample("channel-account-update"));
            assertThat(update.path("sn").asLong()).isGreaterThan(canceled.path("sn").asLong());
        }
    }

    @Test
    void anAccountUpdateNoOrderCausedHasAnIdOfTheExampleShape() throws Exception {
        String example = FieldNames.example("channel-account-update").path("id").asText();
        String shape = "r[0-9a-f]{11}U[0-9]{10}[A-Za-z0-9]{9}";
        assertThat(example).matches(shape).hasSize(32);
        try (WsTestClient ws = authenticated()) {
            ws.send(sub("a", "futures-account-update"));
            ws.awaitM("sub");
            RestTestClient.forDefault(sim).call("POST", "transfer/deposit", Map.of("asset", "USDT", "amount", "5"));
            JsonNode update = ws.awaitM("futures-account-update");
            assertThat(update.path("id").asText()).matches(shape).hasSize(example.length());
        }
    }

    @Test
    void orderActionErrorsHaveTheExampleShape() throws Exception {
        try (WsTestClient ws = authenticated()) {
            JsonNode request = FieldNames.example("ws-place-order--request-to-place-new-order");
            ((com.fasterxml.jackson.databind.node.ObjectNode) request.get("args"))
                    .put("time", System.currentTimeMillis()).put("orderPrice", "0.1");
            ws.send(request);
            JsonNode error = ws.await(n -> n.path("m").asText().equals("order"), Duration.ofSeconds(5));
            assertThat(FieldNames.of(error)).isEqualTo(FieldNames.ofExample("ws-place-order--error-response-message"));
            assertThat(error.path("code").asInt()).isEqualTo(300001);
            assertThat(error.path("info").path("reason").asText()).isEqualTo("INVALID_PRICE");

            JsonNode cancel = FieldNames.example("ws-cancel-order--request-to-cancel-existing-open-order");
            ((com.fasterxml.jackson.databind.node.ObjectNode) cancel.get("args"))
                    .put("time", System.currentTimeMillis()).put("orderId", "s177bab1b474U5051470287bbtcpKiOR1");
            ws.send(cancel);
            JsonNode cancelError = ws.await(n -> n.path("m").asText().equals("order"), Duration.ofSeconds(5));
            assertThat(FieldNames.of(cancelError))
                    .isEqualTo(FieldNames.ofExample("ws-cancel-order--error-response-message"));
            assertThat(cancelError.path("code").asInt()).isEqualTo(300006);

            ws.send(Map.of("op", "req", "action", "cancel-all", "ac", "futures", "id", "x",
                    "args", Map.of("symbol", "DOGE-PERP")));
            JsonNode allError = ws.await(n -> n.path("m").asText().equals("order"), Duration.ofSeconds(5));
            assertThat(FieldNames.of(allError))
                    .isEqualTo(FieldNames.ofExample("ws-cancel-all-orders--error-response-message"));
            assertThat(allError.path("code").asInt()).isEqualTo(300012);
        }
    }

    @Test
    void orderActionsNeedAnAuthenticatedSession() throws Exception {
        try (WsTestClient ws = WsTestClient.connect(publicUrl)) {
            ws.send(Map.of("op", "req", "action", "cancel-all", "id", "x"));
            assertThat(ws.awaitM("order").path("code").asInt()).isEqualTo(100009);
        }
    }
}
