package dev.bitmaxconnect.client.rest;

import static dev.bitmaxconnect.client.testing.Examples.SAME_VALUE_ANY_CASE;
import static dev.bitmaxconnect.client.testing.Examples.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitmaxconnect.client.BitMaxApiException;
import dev.bitmaxconnect.client.BitMaxClientConfig;
import dev.bitmaxconnect.client.BitMaxTransportException;
import dev.bitmaxconnect.client.KeyEncoding;
import dev.bitmaxconnect.client.json.BitMaxJson;
import dev.bitmaxconnect.client.model.AccountInfo;
import dev.bitmaxconnect.client.model.BatchOrderResult;
import dev.bitmaxconnect.client.model.CancelOrderRequest;
import dev.bitmaxconnect.client.model.HistoryOrdersQuery;
import dev.bitmaxconnect.client.model.MarginType;
import dev.bitmaxconnect.client.model.NewOrderRequest;
import dev.bitmaxconnect.client.model.OrderInfo;
import dev.bitmaxconnect.client.model.OrderResult;
import dev.bitmaxconnect.client.model.OrderType;
import dev.bitmaxconnect.client.model.RespInst;
import dev.bitmaxconnect.client.model.Side;
import dev.bitmaxconnect.client.model.TimeInForce;
import dev.bitmaxconnect.client.testing.Examples;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The request shape of every endpoint against a real local HTTP server, and the error handling. */
class BitMaxRestClientIT {
    static final String KEY = "CEcrjGyipqt0OflgdQQSRGdrDXdDUY2x";
    static final String SECRET = "hV8FgjyJtpvVeAcMAgzgAFQCN36wmbWuN7o3WPcYcYhFd8qvE43gzFGVsFcCqMNk";
    static final long NOW = 1613878579169L;
    static final int GROUP = 7;

    MockWebServer server;
    BitMaxRestClient client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        client = new BitMaxRestClient(config().build());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    BitMaxClientConfig.Builder config() {
        return BitMaxClientConfig.builder()
            .restUrl(server.url("/").toString())
            .credentials(KEY, SECRET)
            .clock(Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC))
            .requestsPerSecond(1000);
    }

    void respond(String exampleFile) {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
            .body(Examples.text(exampleFile)).build());
    }

    void respond(int status, String body) {
        server.enqueue(new MockResponse.Builder().code(status).body(body).build());
    }

    /** Serves account info with account group 7 for the discovery call. */
    void respondAccountInfo() {
        ObjectNode info = (ObjectNode) Examples.json("account-info--account-info-sample-response.json");
        ((ObjectNode) info.get("data")).put("accountGroup", GROUP).put("userUID", "U0123456789");
        respond(200, info.toString());
    }

    RecordedRequest take() throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r).as("request").isNotNull();
        return r;
    }

    static String hmac(String prehash) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(prehash.getBytes(StandardCharsets.UTF_8)));
    }

    /** Method, path, the three auth headers and a signature recomputed here; returns the request for more checks. */
    RecordedRequest assertSigned(String method, String path, String apiPath) throws Exception {
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo(method);
        assertThat(r.getUrl().encodedPath()).isEqualTo(path);
        assertThat(r.getHeaders().get("x-auth-key")).isEqualTo(KEY);
        assertThat(r.getHeaders().get("x-auth-timestamp")).isEqualTo(Long.toString(NOW));
        assertThat(r.getHeaders().get("x-auth-signature")).isEqualTo(hmac(NOW + "+" + apiPath));
        return r;
    }

    RecordedRequest assertPrivate(String method, String apiPath) throws Exception {
        return assertSigned(method, "/" + GROUP + "/api/pro/" + apiPath, apiPath);
    }

    static JsonNode body(RecordedRequest r) {
        return Examples.parse(r.getBody().utf8());
    }

    /** The first private call discovers the account group through account info. */
    void discoverGroup() throws Exception {
        respondAccountInfo();
        assertThat(client.accountGroup()).isEqualTo(GROUP);
        assertSigned("GET", "/api/pro/v2/account/info", "v2/account/info");
    }

    // ------------------------------------------------------------------ public endpoints

    @Test
    void publicEndpointsAreUnsignedGets() throws Exception {
        respond("futures-contracts-info--response-futures-contracts-info.json");
        assertThat(client.futuresContracts()).singleElement().satisfies(c -> {
            assertThat(c.symbol()).isEqualTo("BTC-PERP");
            assertThat(c.priceFilter().tickSize()).isEqualByComparingTo("0.25");
        });
        respond("futures-collateral-asset-info--response-futures-collateral-asset-info.json");
        assertThat(client.collateralAssets()).hasSize(3);
        respond("futures-pricing-data--requesting-pricing-data-for-all-futures-contract.json");
        assertThat(client.pricingData().contracts().get(0).markPrice()).isEqualByComparingTo("28097.526022138");

        for (String path : List.of("/api/pro/v2/futures/contract", "/api/pro/v2/futures/collateral",
            "/api/pro/v2/futures/pricing-data")) {
            RecordedRequest r = take();
            assertThat(r.getMethod()).isEqualTo("GET");
            assertThat(r.getUrl().encodedPath()).isEqualTo(path);
            assertThat(r.getHeaders().get("x-auth-signature")).isNull();
        }
    }

    // ------------------------------------------------------------------ account

    @Test
    void accountInfoIsSignedWithoutGroupAndCached() throws Exception {
        respondAccountInfo();
        AccountInfo info = client.accountInfo();
        assertThat(info.accountGroup()).isEqualTo(GROUP);
        assertSigned("GET", "/api/pro/v2/account/info", "v2/account/info");
        // cached: no second request for the group or the uid
        assertThat(client.accountGroup()).isEqualTo(GROUP);
        assertThat(client.userUid()).isEqualTo("U0123456789");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void configuredAccountGroupSkipsDiscovery() throws Exception {
        try (BitMaxRestClient fixed = new BitMaxRestClient(config().accountGroup(3).build())) {
            respond("position--response.json");
            fixed.position();
            assertSigned("GET", "/3/api/pro/v2/futures/position", "v2/futures/position");
        }
    }

    @Test
    void positionAndFreeMargin() throws Exception {
        discoverGroup();
        respond("position--response.json");
        assertThat(client.position().contracts().get(0).leverage()).isEqualByComparingTo("10");
        assertPrivate("GET", "v2/futures/position");
        respond("free-margin--response.json");
        assertThat(client.freeMargin().crossed().freeMargin()).isEqualByComparingTo("30000");
        assertPrivate("GET", "v2/futures/free-margin");
    }

    @Test
    void marginLeverageAndTransfers() throws Exception {
        discoverGroup();
        respond("change-margin-for-isolated-positions--successful-response.json");
        client.changeIsolatedMargin("BTC-PERP", new BigDecimal("-100"));
        assertThat(body(assertPrivate("POST", "v2/futures/isolated-position-margin")))
            .isEqualTo(Examples.parse("{\"symbol\":\"BTC-PERP\",\"amount\":\"-100\"}"));

        respond("change-margin-type--response.json");
        client.changeMarginType("BTC-PERP", MarginType.ISOLATED);
        assertThat(body(assertPrivate("POST", "v2/futures/margin-type")))
            .isEqualTo(Examples.parse("{\"symbol\":\"BTC-PERP\",\"marginType\":\"isolated\"}"));

        respond("change-contract-leverage--response.json");
        assertThat(client.changeLeverage("BTC-PERP", 10).leverage()).isEqualTo(10);
        assertThat(body(assertPrivate("POST", "v2/futures/leverage")))
            .isEqualTo(Examples.parse("{\"symbol\":\"BTC-PERP\",\"leverage\":10}"));

        respond("deposit-to-the-futures-account--successful-response.json");
        client.deposit("BTC", new BigDecimal("1"));
        assertThat(body(assertPrivate("POST", "v2/futures/transfer/deposit")))
            .isEqualTo(Examples.parse("{\"asset\":\"BTC\",\"amount\":\"1\"}"));

        respond("withdraw-from-the-futures-account--successful-response.json");
        client.withdraw("USDT", new BigDecimal("2.50"));
        assertThat(body(assertPrivate("POST", "v2/futures/transfer/withdraw")))
            .isEqualTo(Examples.parse("{\"asset\":\"USDT\",\"amount\":\"2.50\"}"));

        assertThatThrownBy(() -> client.changeLeverage("BTC-PERP", 101)).hasMessageContaining("101");
        assertThatThrownBy(() -> client.deposit("BTC", BigDecimal.ZERO)).hasMessageContaining("amount");
    }

    // ------------------------------------------------------------------ orders

    @Test
    void newOrderSendsPriceAndStampsTime() throws Exception {
        discoverGroup();
        respond("new-order--response.json");
        NewOrderRequest order = NewOrderRequest.builder().id("abcd1234abcd1234").symbol("BTC-PERP").price("9500")
            .orderQty("0.1").orderType(OrderType.LIMIT).side(Side.BUY).respInst(RespInst.ACCEPT)
            .timeInForce(TimeInForce.GTC).postOnly(false).build();
        OrderResult result = client.placeOrder(order);
        assertThat(result.order().orderId()).isEqualTo("sample-order-id");
        assertThat(body(assertPrivate("POST", "v2/futures/order"))).isEqualTo(Examples.parse(
            "{\"id\":\"abcd1234abcd1234\",\"time\":" + NOW + ",\"symbol\":\"BTC-PERP\",\"price\":\"9500\","
                + "\"orderQty\":\"0.1\",\"orderType\":\"Limit\",\"side\":\"Buy\",\"respInst\":\"ACCEPT\","
                + "\"postOnly\":false,\"timeInForce\":\"GTC\"}"));
    }

    @Test
    void placeBatchSendsTheExampleBody() throws Exception {
        discoverGroup();
        respond("place-batch-orders--place-batch-orders-successful-ack-response-status-200-code-0.json");
        BatchOrderResult result = client.placeBatch(List.of(
            NewOrderRequest.builder().id("sampleRequestId1").time(1613878579169L).symbol("BTC-PERP").price("34000")
                .orderQty("0.1").orderType(OrderType.of("limit")).side(Side.of("buy")).build(),
            NewOrderRequest.builder().id("sampleRequestId2").time(1613878579169L).symbol("BTC-PERP").price("35000")
                .orderQty("0.2").orderType(OrderType.LIMIT).side(Side.BUY).build()));
        assertThat(result.orders()).extracting(o -> o.orderId())
            .containsExactly("a177c2a8cfe1U0123456789eqntvwWsy", "a177c2a8cfe1U0123456789equestId2");
        assertSameJson(body(assertPrivate("POST", "v2/futures/order/batch")),
            Examples.json("place-batch-orders--place-batch-orders-request-body.json"), SAME_VALUE_ANY_CASE);
        // the reference's own example: the second id predicts the second orderId
        assertThat(client.predictOrderId(NewOrderRequest.builder().id("sampleRequestId2").time(1613878579169L)
            .symbol("BTC-PERP").orderQty("0.2").orderType(OrderType.LIMIT).side(Side.BUY).build()))
            .contains("a177c2a8cfe1U0123456789equestId2");
        assertThatThrownBy(() -> client.placeBatch(List.of())).hasMessageContaining("1 to 10");
    }

    @Test
    void cancelsUseDeleteWithJsonBodies() throws Exception {
        discoverGroup();
        respond("cancel-order--response.json");
        OrderResult cancelled = client.cancelOrder(CancelOrderRequest.of("abcd1234abcd1234", "sample-order-id", "BTC-PERP"));
        assertThat(cancelled.order().status().raw()).isEqualTo("Canceled");
        assertThat(body(assertPrivate("DELETE", "v2/futures/order"))).isEqualTo(Examples.parse(
            "{\"id\":\"abcd1234abcd1234\",\"orderId\":\"sample-order-id\",\"symbol\":\"BTC-PERP\",\"time\":" + NOW + "}"));

        respond("cancel-batch-orders--cancel-batch-orders-successful-ack-response-status-200-code-0.json");
        client.cancelBatch(List.of(
            new CancelOrderRequest("sampleRequestId1", "a177c2a8cfe1U0123456789eqntvwWsy", "BTC-PERP", 1613900544076L, null),
            new CancelOrderRequest("sampleRequestId2", "a177c2a8cfe1U0123456789equestId2", "BTC-PERP", 1613900544076L, null)));
        assertSameJson(body(assertPrivate("DELETE", "v2/futures/order/batch")),
            Examples.json("cancel-batch-orders--cancel-batch-orders-request-body.json"), SAME_VALUE_ANY_CASE);

        respond("cancel-all-open-orders--response.json");
        client.cancelAll();
        assertThat(body(assertPrivate("DELETE", "v2/futures/order/all"))).isEqualTo(Examples.parse("{}"));
        respond("cancel-all-open-orders--response.json");
        client.cancelAll("BTC-PERP");
        assertThat(body(assertPrivate("DELETE", "v2/futures/order/all")))
            .isEqualTo(Examples.parse("{\"symbol\":\"BTC-PERP\"}"));
    }

    @Test
    void orderQueriesAreGetsWithQueryParameters() throws Exception {
        discoverGroup();
        respond("list-open-orders--response.json");
        assertThat(client.openOrders()).singleElement().satisfies(o -> assertThat(o.orderId()).isEqualTo("sample-order-id"));
        RecordedRequest open = assertPrivate("GET", "v2/futures/order/open");
        assertThat(open.getUrl().querySize()).isZero();
        assertThat(open.getBodySize()).isZero();

        respond("list-open-orders--response.json");
        client.openOrders("BTC-PERP");
        assertThat(assertPrivate("GET", "v2/futures/order/open").getUrl().queryParameter("symbol")).isEqualTo("BTC-PERP");

        respond("list-current-history-orders--successful-response-status-200-code-0.json");
        List<OrderInfo> history = client.currentHistoryOrders(new HistoryOrdersQuery("BTC-PERP", 20, true));
        assertThat(history.get(0).execInst().raw()).isEqualTo("NULL_VAL");
        assertQueryIs(assertPrivate("GET", "v2/futures/order/hist/current").getUrl(),
            Examples.json("list-current-history-orders--current-history-orders-request-body.json"));

        respond("query-order-by-id--successful-response-status-200-code-0.json");
        assertThat(client.queryOrder("a177c29e4064U0123456789dVeUxlVyA").price()).isEqualByComparingTo("34000");
        assertQueryIs(assertPrivate("GET", "v2/futures/order/status").getUrl(),
            Examples.json("query-order-by-id--query-order-with-single-order-id-request-body.json"));

        respond("query-order-by-id--successful-response-status-200-code-0-2.json");
        assertThat(client.queryOrders(List.of("a177c29e4064U0123456789dVeUxlVyA", "a177c29e4064U0123456789dVeUxlVyB")))
            .extracting(OrderInfo::orderId).containsExactly("a177c29e4064U0123456789dVeUxlVyA", "a177c29e4064U0123456789dVeUxlVyB");
        assertQueryIs(assertPrivate("GET", "v2/futures/order/status").getUrl(),
            Examples.json("query-order-by-id--query-order-with-multiple-order-ids-request-body.json"));

        // one id asked as a list gets a trailing comma
        respond("query-order-by-id--successful-response-status-200-code-0-2.json");
        client.queryOrders(List.of("a177c29e4064U0123456789dVeUxlVyA"));
        assertThat(assertPrivate("GET", "v2/futures/order/status").getUrl().queryParameter("orderId"))
            .isEqualTo("a177c29e4064U0123456789dVeUxlVyA,");
    }

    @Test
    void queryOrderAcceptsEitherShapeOfData() throws Exception {
        discoverGroup();
        ObjectNode oneInList = (ObjectNode) Examples.json("query-order-by-id--successful-response-status-200-code-0-2.json");
        ((ArrayNode) oneInList.get("data")).remove(1);
        respond(200, oneInList.toString());
        assertThat(client.queryOrder("a177c29e4064U0123456789dVeUxlVyA").orderId()).isEqualTo("a177c29e4064U0123456789dVeUxlVyA");
        respond("query-order-by-id--successful-response-status-200-code-0.json");
        assertThat(client.queryOrders(List.of("a177c29e4064U0123456789dVeUxlVyA"))).singleElement()
            .satisfies(o -> assertThat(o.price()).isEqualByComparingTo("34000"));
    }

    /** The reference calls these "request body"; docs/exchange-api.md: GET endpoints take them in the query string. */
    static void assertQueryIs(HttpUrl url, JsonNode example) {
        ObjectNode actual = BitMaxJson.mapper().createObjectNode();
        for (String name : url.queryParameterNames()) {
            actual.put(name, url.queryParameter(name));
        }
        ObjectNode expected = BitMaxJson.mapper().createObjectNode();
        example.properties().forEach(f -> expected.put(f.getKey(), f.getValue().asText()));
        assertThat(actual).isEqualTo(expected);
    }

    // ------------------------------------------------------------------ errors

    @Test
    void nonZeroCodeBecomesAnApiException() throws Exception {
        discoverGroup();
        respond(200, "{\"code\":300001,\"reason\":\"INVALID_PRICE\",\"message\":\"Order price is too low\"}");
        assertThatThrownBy(() -> client.placeOrder(NewOrderRequest.limit("abc123456", "BTC-PERP", Side.BUY,
            new BigDecimal("1"), new BigDecimal("1"))))
            .isInstanceOfSatisfying(BitMaxApiException.class, e -> {
                assertThat(e.code()).isEqualTo(300001);
                assertThat(e.reason()).isEqualTo("INVALID_PRICE");
                assertThat(e.apiMessage()).isEqualTo("Order price is too low");
                assertThat(e.httpStatus()).isEqualTo(200);
                assertThat(e.isRetriable()).isFalse();
            });
        respond(200, "{\"code\":510001,\"reason\":\"SERVER_ERROR\",\"message\":\"busy\"}");
        assertThatThrownBy(() -> client.openOrders())
            .isInstanceOfSatisfying(BitMaxApiException.class, e -> assertThat(e.isRetriable()).isTrue());
        respond(503, "<html>down</html>");
        assertThatThrownBy(() -> client.openOrders())
            .isInstanceOfSatisfying(BitMaxApiException.class, e -> {
                assertThat(e.httpStatus()).isEqualTo(503);
                assertThat(e.isRetriable()).isTrue();
                assertThat(e.getMessage()).contains("down");
            });
        respond(400, "{\"code\":100001,\"reason\":\"INVALID_HTTP_INPUT\",\"message\":\"bad\"}");
        assertThatThrownBy(() -> client.openOrders())
            .isInstanceOfSatisfying(BitMaxApiException.class, e -> {
                assertThat(e.code()).isEqualTo(100001);
                assertThat(e.isRetriable()).isFalse();
                assertThat(e.getMessage()).doesNotContain(SECRET);
            });
    }

    @Test
    void http429IsHonouredThenReported() throws Exception {
        try (BitMaxRestClient limited = new BitMaxRestClient(config().accountGroup(GROUP).maxRetriesOn429(1).build())) {
            server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1").body("{}").build());
            respond("list-open-orders--response.json");
            long start = System.nanoTime();
            assertThat(limited.openOrders()).hasSize(1);
            assertThat(System.nanoTime() - start).as("waited for Retry-After").isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(900));
            assertThat(server.getRequestCount()).isEqualTo(2);

            server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1").body("{}").build());
            server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1").body("{}").build());
            assertThatThrownBy(limited::openOrders).isInstanceOfSatisfying(BitMaxApiException.class, e -> {
                assertThat(e.httpStatus()).isEqualTo(429);
                assertThat(e.isRetriable()).isTrue();
                assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
            });
            assertThat(server.getRequestCount()).isEqualTo(4);
        }
    }

    @Test
    void aGetOnAKeepAliveConnectionTheServerClosedIsSentOnceMore() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
            .body(Examples.text("futures-contracts-info--response-futures-contracts-info.json"))
            .onResponseEnd(new SocketEffect.CloseSocket(true, false, false)).build());
        respond("futures-contracts-info--response-futures-contracts-info.json");
        assertThat(client.futuresContracts()).hasSize(1);
        // No wait for the close to reach the client: the server reads nothing more on that socket, so the next
        // request meets a dead connection whether the close has arrived or is still on its way.
        assertThat(client.futuresContracts()).hasSize(1);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void anOrderOnAKeepAliveConnectionTheServerClosedIsNotSentAgain() throws Exception {
        respondAccountInfo();
        server.enqueue(new MockResponse.Builder().code(200).body(Examples.text("new-order--response.json"))
            .onResponseEnd(new SocketEffect.CloseSocket(true, false, false)).build());
        respond("new-order--response.json");
        client.placeOrder(NewOrderRequest.limit("abc123456", "BTC-PERP", Side.BUY, BigDecimal.ONE, BigDecimal.ONE));
        // As above: the server reads nothing more on that socket, however soon the next order comes.
        assertThatThrownBy(() -> client.placeOrder(NewOrderRequest.limit("abc123457", "BTC-PERP", Side.BUY,
            BigDecimal.ONE, BigDecimal.ONE))).isInstanceOf(BitMaxTransportException.class);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void refusedConnectionIsCertainlyNotSent() throws Exception {
        int freePort;
        try (ServerSocket s = new ServerSocket(0)) {
            freePort = s.getLocalPort();
        }
        try (BitMaxRestClient nowhere = new BitMaxRestClient(config().restUrl("http://127.0.0.1:" + freePort)
            .accountGroup(1).build())) {
            assertThatThrownBy(() -> nowhere.placeOrder(NewOrderRequest.limit("abc123456", "BTC-PERP", Side.BUY,
                BigDecimal.ONE, BigDecimal.ONE)))
                .isInstanceOfSatisfying(BitMaxTransportException.class, e -> {
                    assertThat(e.mayHaveReachedExchange()).isFalse();
                    assertThat(e.isRetriable()).isTrue();
                });
        }
    }

    @Test
    void timeoutAfterSendingIsAmbiguous() throws Exception {
        try (BitMaxRestClient slow = new BitMaxRestClient(config().accountGroup(1).readTimeout(Duration.ofMillis(200)).build())) {
            server.enqueue(new MockResponse.Builder().code(200).headersDelay(2, TimeUnit.SECONDS)
                .body(Examples.text("new-order--response.json")).build());
            assertThatThrownBy(() -> slow.placeOrder(NewOrderRequest.limit("abc123456", "BTC-PERP", Side.BUY,
                BigDecimal.ONE, BigDecimal.ONE)))
                .isInstanceOfSatisfying(BitMaxTransportException.class, e -> assertThat(e.mayHaveReachedExchange()).isTrue());
        }
    }

    @Test
    void failuresAreLoggedWithoutTheSecret() throws Exception {
        PrintStream originalErr = System.err;
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
        try (BitMaxRestClient quick = new BitMaxRestClient(config().accountGroup(1).readTimeout(Duration.ofMillis(100)).build())) {
            respond(200, "{\"code\":200001,\"reason\":\"AUTHENTICATION_FAILED\",\"message\":\"bad signature\"}");
            assertThatThrownBy(quick::position).isInstanceOf(BitMaxApiException.class).hasMessageNotContaining(SECRET);
            server.enqueue(new MockResponse.Builder().code(200).headersDelay(1, TimeUnit.SECONDS).body("{}").build());
            assertThatThrownBy(quick::freeMargin).isInstanceOf(BitMaxTransportException.class).hasMessageNotContaining(SECRET);
        } finally {
            System.setErr(originalErr);
        }
        assertThat(logs.toString(StandardCharsets.UTF_8)).contains("AUTHENTICATION_FAILED").contains("SocketTimeoutException")
            .doesNotContain(SECRET);
    }

    @Test
    void base64KeyEncodingSignsWithTheDecodedSecret() throws Exception {
        String secret64 = Base64.getEncoder().encodeToString("decoded-key".getBytes(StandardCharsets.UTF_8));
        try (BitMaxRestClient b64 = new BitMaxRestClient(config().credentials(KEY, secret64)
            .restKeyEncoding(KeyEncoding.BASE64).accountGroup(1).build())) {
            respond("position--response.json");
            b64.position();
            RecordedRequest r = take();
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec("decoded-key".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = Base64.getEncoder().encodeToString(
                mac.doFinal((NOW + "+v2/futures/position").getBytes(StandardCharsets.UTF_8)));
            assertThat(r.getHeaders().get("x-auth-signature")).isEqualTo(expected);
        }
    }
}
