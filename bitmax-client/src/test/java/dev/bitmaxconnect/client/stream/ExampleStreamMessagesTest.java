package dev.bitmaxconnect.client.stream;

import static dev.bitmaxconnect.client.testing.Examples.SAME_VALUE;
import static dev.bitmaxconnect.client.testing.Examples.SAME_VALUE_ANY_CASE;
import static dev.bitmaxconnect.client.testing.Examples.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitmaxconnect.client.json.BitMaxJson;
import dev.bitmaxconnect.client.model.CancelOrderRequest;
import dev.bitmaxconnect.client.model.ExampleCatalog;
import dev.bitmaxconnect.client.model.NewOrderRequest;
import dev.bitmaxconnect.client.model.OrderType;
import dev.bitmaxconnect.client.model.RespInst;
import dev.bitmaxconnect.client.model.Side;
import dev.bitmaxconnect.client.testing.Examples;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every WebSocket example: messages decode to their type and re-encode to the same JSON; requests are what the client sends. */
class ExampleStreamMessagesTest {
    private final StreamMessageDecoder decoder = new StreamMessageDecoder();

    static final Map<String, Class<? extends StreamMessage>> TYPES = Map.ofEntries(
        Map.entry("authentication-response--auth-error-message.json", StreamMessage.AuthResult.class),
        Map.entry("authentication-response--auth-success-message.json", StreamMessage.AuthResult.class),
        Map.entry("channel-account-update.json", StreamMessage.AccountUpdate.class),
        Map.entry("channel-bar-data--bar-data-message.json", StreamMessage.Bar.class),
        Map.entry("channel-futures-pricing-data--sample-futures-pricing-data-message.json", StreamMessage.PricingData.class),
        Map.entry("channel-level-1-order-book-data-bbo--bbo-message.json", StreamMessage.Bbo.class),
        Map.entry("channel-level-2-order-book-updates--the-depth-message.json", StreamMessage.DepthUpdate.class),
        Map.entry("channel-market-trades--trade-message.json", StreamMessage.Trades.class),
        Map.entry("channel-order.json", StreamMessage.OrderReport.class),
        Map.entry("ws-account-snapshot--futures-account-snapshot-response.json", StreamMessage.AccountSnapshot.class),
        Map.entry("ws-cancel-all-orders--error-response-message.json", StreamMessage.OrderAck.class),
        Map.entry("ws-cancel-all-orders--successful-ack-message.json", StreamMessage.OrderAck.class),
        Map.entry("ws-cancel-order--error-response-message.json", StreamMessage.OrderAck.class),
        Map.entry("ws-cancel-order--successful-ack-message.json", StreamMessage.OrderAck.class),
        Map.entry("ws-place-order--error-response-message.json", StreamMessage.OrderAck.class),
        Map.entry("ws-place-order--successful-ack-message.json", StreamMessage.OrderAck.class));

    static Stream<Arguments> messages() {
        return TYPES.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @Test
    void catalogMatches() {
        assertThat(TYPES.keySet()).isEqualTo(ExampleCatalog.STREAM_MESSAGES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void decodesAndReencodesEveryField(String file, Class<? extends StreamMessage> type) {
        String text = Examples.text(file);
        StreamMessage fromText = decoder.decode(text);
        StreamMessage fromBytes = decoder.decode(text.getBytes(StandardCharsets.UTF_8));
        assertThat(fromText).isInstanceOf(type).isEqualTo(fromBytes);
        assertSameJson(BitMaxJson.mapper().valueToTree(fromText), Examples.json(file), SAME_VALUE);
    }

    /** The streaming path (m first) and the tree path (m anywhere) give the same record. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void fieldOrderDoesNotMatter(String file, Class<? extends StreamMessage> type) {
        ObjectNode original = (ObjectNode) Examples.json(file);
        ObjectNode reordered = BitMaxJson.mapper().createObjectNode();
        for (Map.Entry<String, JsonNode> f : original.properties()) {
            if (!f.getKey().equals("m")) {
                reordered.set(f.getKey(), f.getValue());
            }
        }
        reordered.set("m", original.get("m"));
        assertThat(decoder.decode(reordered.toString())).isEqualTo(decoder.decode(original.toString()));
    }

    @Test
    void typedValuesOfTheBusyChannels() {
        var depth = (StreamMessage.DepthUpdate) decoder.decode(Examples.text("channel-level-2-order-book-updates--the-depth-message.json"));
        assertThat(depth.symbol()).isEqualTo("BTC-PERP");
        assertThat(depth.seqnum()).isEqualTo(2097965L);
        assertThat(depth.data().bids()).hasSize(2);
        assertThat(depth.data().bids().get(1).price()).isEqualTo(new BigDecimal("0.05"));
        assertThat(depth.data().bids().get(1).size()).isEqualTo(new BigDecimal("221760.6"));

        var trades = (StreamMessage.Trades) decoder.decode(Examples.text("channel-market-trades--trade-message.json"));
        assertThat(trades.data()).singleElement().satisfies(t -> {
            assertThat(t.price()).isEqualTo(new BigDecimal("0.068600"));
            assertThat(t.seqnum()).isEqualTo(144115188077966308L);
            assertThat(t.buyerIsMaker()).isFalse();
        });

        var order = (StreamMessage.OrderReport) decoder.decode(Examples.text("channel-order.json"));
        assertThat(order.sn()).isEqualTo(127L);
        assertThat(order.side().is(Side.Known.BUY)).isTrue();
        assertThat(order.orderType().is(OrderType.Known.LIMIT)).isTrue();
        assertThat(order.price()).isEqualTo(new BigDecimal("18000"));
        assertThat(order.orderId()).isEqualTo("a176010c4957U68469127074abcd1234");

        var ack = (StreamMessage.OrderAck) decoder.decode(Examples.text("ws-place-order--error-response-message.json"));
        assertThat(ack.isSuccess()).isFalse();
        assertThat(ack.info().reason()).isEqualTo("INVALID_PRICE");
    }

    @Test
    void sessionMessages() {
        assertThat(decoder.decode("{\"m\":\"ping\",\"hp\":3}")).isEqualTo(new StreamMessage.Ping(3));
        assertThat(decoder.decode("{\"m\":\"pong\",\"code\":0,\"ts\":1614164189,\"hp\":2}"))
            .isEqualTo(new StreamMessage.Pong(0, 1614164189L, 2));
        assertThat(decoder.decode("{\"m\":\"connected\",\"type\":\"auth\"}"))
            .isInstanceOfSatisfying(StreamMessage.Connected.class, c -> assertThat(c.isAuthenticated()).isTrue());
        assertThat(decoder.decode("{\"op\":\"connected\",\"type\":\"unauth\"}"))
            .isInstanceOfSatisfying(StreamMessage.Connected.class, c -> assertThat(c.isAuthenticated()).isFalse());
        assertThat(decoder.decode("{\"m\":\"disconnected\",\"code\":100005,\"reason\":\"INVALID_WS_REQUEST_DATA\","
            + "\"info\":\"Session is disconnected due to missing pong message from the client\"}"))
            .isEqualTo(new StreamMessage.Disconnected(100005, "INVALID_WS_REQUEST_DATA",
                "Session is disconnected due to missing pong message from the client"));
        assertThat(decoder.decode("{\"m\":\"sub\",\"id\":\"x1\",\"ch\":\"depth:BTC-PERP\",\"code\":0}"))
            .isEqualTo(new StreamMessage.SubscriptionAck("sub", "x1", "depth:BTC-PERP", 0, null, null, null));
        assertThat(decoder.decode("{\"m\":\"depth-snapshot\",\"symbol\":\"BTC-PERP\",\"data\":{\"ts\":1,\"seqnum\":7,"
            + "\"asks\":[[\"10\",\"1\"]],\"bids\":[]}}"))
            .isInstanceOfSatisfying(StreamMessage.DepthSnapshot.class, s -> {
                assertThat(s.seqnum()).isEqualTo(7L);
                assertThat(s.data().asks()).containsExactly(new StreamMessage.PriceLevel(BigDecimal.TEN, BigDecimal.ONE));
            });
    }

    @Test
    void aRefusedSubscriptionKeepsTheExchangesReason() {
        StreamMessage refused = decoder.decode("{\"m\":\"sub\",\"id\":\"x2\",\"ch\":\"trades:FOO-PERP\","
            + "\"code\":100008,\"reason\":\"SYMBOL_ERROR\",\"info\":\"Invalid symbol: 'FOO-PERP'\"}");

        assertThat(refused).isEqualTo(new StreamMessage.SubscriptionAck("sub", "x2", "trades:FOO-PERP", 100008,
            "SYMBOL_ERROR", "Invalid symbol: 'FOO-PERP'", null));
        assertThat(((StreamMessage.SubscriptionAck) refused).refusal()).isEqualTo("SYMBOL_ERROR: Invalid symbol: 'FOO-PERP'");
        assertThat(new StreamMessage.SubscriptionAck("sub", "x3", "bbo:X", 100008, null, null, "bad").refusal())
            .isEqualTo("bad");
        assertThat(new StreamMessage.SubscriptionAck("sub", "x4", "bbo:X", 100008, null, null, null).refusal())
            .isEqualTo("no reason given");
    }

    @Test
    void unreadableOrUnknownMessagesBecomeUnknown() {
        assertThat(decoder.decode("{\"m\":\"brand-new\",\"x\":1}"))
            .isEqualTo(new StreamMessage.Unknown("brand-new", "{\"m\":\"brand-new\",\"x\":1}"));
        assertThat(decoder.decode("not json")).isInstanceOf(StreamMessage.Unknown.class);
        assertThat(decoder.decode("[1,2]")).isInstanceOf(StreamMessage.Unknown.class);
        assertThat(decoder.decode("{\"m\":\"depth\",\"symbol\":\"X\",\"data\":{\"asks\":[[\"abc\",\"1\"]]}}"))
            .isInstanceOf(StreamMessage.Unknown.class);
        // unknown enum values and extra fields are kept or ignored, never fatal
        var order = (StreamMessage.OrderReport) decoder.decode("{\"m\":\"futures-order\",\"st\":\"Teleported\",\"extra\":[1],\"sn\":5}");
        assertThat(order.status().known()).isEmpty();
        assertThat(order.status().raw()).isEqualTo("Teleported");
        assertThat(order.sn()).isEqualTo(5L);
    }

    // ------------------------------------------------------------------ requests

    @Test
    void subscribeAndUnsubscribeMessagesAreTheExamples() throws Exception {
        assertRequest("channel-bar-data--subscribe-to-btc-perp-1-minute-bar-stream.json",
            StreamRequests.subscription("sub", "abc123", StreamChannel.bar("1", "BTC-PERP")));
        assertRequest("channel-bar-data--unsubscribe-to-btc-perp-1-minute-bar-stream.json",
            StreamRequests.subscription("unsub", "abc123", StreamChannel.bar("1", "BTC-PERP")));
        assertRequest("channel-bar-data--unsubscribe-to-btc-perp-1-minute-bar-stream-2.json",
            StreamRequests.subscription("unsub", "abc123", StreamChannel.bar("*", "BTC-PERP")));
        assertRequest("channel-bar-data--unsubscribe-to-btc-perp-1-minute-bar-stream-3.json",
            StreamRequests.subscription("unsub", "abc123", new StreamChannel("bar:1")));
        assertRequest("channel-bar-data--unsubscribe-to-btc-perp-1-minute-bar-stream-4.json",
            StreamRequests.subscription("unsub", "abc123", new StreamChannel("bar")));
        assertRequest("channel-level-1-order-book-data-bbo--subscribe-to-btc-perp-quote-stream.json",
            StreamRequests.subscription("sub", "abc123", StreamChannel.bbo("BTC-PERP")));
        assertRequest("channel-level-1-order-book-data-bbo--unsubscribe-to-btc-perp-quote-stream.json",
            StreamRequests.subscription("unsub", "abc123", StreamChannel.bbo("BTC-PERP")));
        assertRequest("channel-level-2-order-book-updates--subscribe-to-btc-perp-depth-updates-stream.json",
            StreamRequests.subscription("sub", "abc123", StreamChannel.depth("BTC-PERP")));
        assertRequest("channel-level-2-order-book-updates--unsubscribe-to-btc-perp-depth-updates-stream.json",
            StreamRequests.subscription("unsub", "abc123", StreamChannel.depth("BTC-PERP")));
        assertRequest("channel-market-trades--subscribe-to-btc-perp-market-trades-stream.json",
            StreamRequests.subscription("sub", "abc123", StreamChannel.trades("BTC-PERP")));
        assertRequest("channel-market-trades--unsubscribe-to-btc-perp-market-trades-stream.json",
            StreamRequests.subscription("unsub", "abc123", StreamChannel.trades("BTC-PERP")));
    }

    @Test
    void actionRequestsAreTheExamples() throws Exception {
        assertRequest("ws-account-snapshot--requesting-futures-account-snapshot.json",
            StreamRequests.accountSnapshot("abc123456"));
        NewOrderRequest order = NewOrderRequest.builder().time(1613753879921L).id("sampleOrderId").symbol("BTC-PERP")
            .price("30000").orderQty("0.12").orderType(OrderType.of("limit")).side(Side.of("buy")).postOnly(false)
            .respInst(RespInst.ACK).build();
        assertRequest("ws-place-order--request-to-place-new-order.json", StreamRequests.placeOrder("sampleRequestID", order));
        assertRequest("ws-cancel-order--request-to-cancel-existing-open-order.json",
            StreamRequests.cancelOrder("sampleRequestId",
                CancelOrderRequest.of("s177bab1b474U5051470287bbtcpKiOR", "BTC-PERP").withTime(1613744943323L)));
        assertRequest("ws-cancel-all-orders--request-to-cancel-all-existing-open-orders.json",
            StreamRequests.cancelAll("sampleRequestId", null));
        assertRequest("ws-cancel-all-orders--request-to-cancel-existing-open-order-related-to-symbol-btc-perp.json",
            StreamRequests.cancelAll("sampleRequestId", "BTC-PERP"));
    }

    private static void assertRequest(String file, String built) throws Exception {
        assertSameJson(BitMaxJson.mapper().readTree(built), Examples.json(file), SAME_VALUE_ANY_CASE);
    }
}
