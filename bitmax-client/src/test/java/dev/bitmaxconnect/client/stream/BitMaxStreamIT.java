package dev.bitmaxconnect.client.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitmaxconnect.client.BitMaxApiException;
import dev.bitmaxconnect.client.BitMaxClientConfig;
import dev.bitmaxconnect.client.BitMaxTransportException;
import dev.bitmaxconnect.client.model.CancelOrderRequest;
import dev.bitmaxconnect.client.model.NewOrderRequest;
import dev.bitmaxconnect.client.model.Side;
import dev.bitmaxconnect.client.stream.BitMaxStream.AuthMethod;
import dev.bitmaxconnect.client.testing.Examples;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.WebSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** WebSocket behaviour against a real local WebSocket server. */
class BitMaxStreamIT {
    static final String KEY = "BclE7dBGbS1AP3VnOuq6s8fJH0fWbH7r";
    static final String SECRET = "fAZcQRUMxj3eX3DreIjFcPiJ9UR3ZTdgIw8mxddvtcDxLoXvdbXJuFQYadUUsF7q";
    static final long NOW = 1614164189000L;
    static final int GROUP = 4;

    MockWebServer server;
    BitMaxStream stream;
    final RecordingListener listener = new RecordingListener();

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        if (stream != null) {
            stream.close();
        }
        server.close();
    }

    BitMaxClientConfig.Builder config() {
        String http = server.url("/").toString();
        return BitMaxClientConfig.builder()
            .wsUrl("ws" + http.substring(4))
            .credentials(KEY, SECRET)
            .clock(Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC))
            .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(200))
            .wsRequestTimeout(Duration.ofSeconds(5));
    }

    FakeExchangeSocket serve() {
        FakeExchangeSocket socket = new FakeExchangeSocket();
        server.enqueue(new MockResponse.Builder().webSocketUpgrade(socket).build());
        return socket;
    }

    static String hmac(String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    static JsonNode next(FakeExchangeSocket socket) throws InterruptedException {
        JsonNode msg = socket.received.poll(5, TimeUnit.SECONDS);
        assertThat(msg).as("a message at the server").isNotNull();
        return msg;
    }

    /** The next message at the server that is not a keep-alive ping. */
    static JsonNode nextNonPing(FakeExchangeSocket socket) throws InterruptedException {
        JsonNode msg;
        do {
            msg = next(socket);
        } while (msg.path("op").asText().equals("ping") || msg.path("op").asText().equals("pong"));
        return msg;
    }

    /** A listener holding its thread: waits up to {@code seconds} for {@code release}, keeping an interrupt. */
    static void holdFor(CountDownLatch release, int seconds) {
        try {
            release.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    BitMaxStream privateStream(BitMaxClientConfig config, AuthMethod method) {
        return BitMaxStream.builder(config).privateEndpoint(GROUP).authMethod(method).listener(listener).build();
    }

    // ------------------------------------------------------------------ authentication

    @Test
    void authenticatesWithHeadersOnThePrivateEndpoint() throws Exception {
        FakeExchangeSocket socket = serve();
        stream = privateStream(config().build(), AuthMethod.HEADERS);
        stream.connect().get(5, TimeUnit.SECONDS);

        RecordedRequest upgrade = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(upgrade.getUrl().encodedPath()).isEqualTo("/" + GROUP + "/api/pro/v2/stream");
        assertThat(upgrade.getHeaders().get("x-auth-key")).isEqualTo(KEY);
        assertThat(upgrade.getHeaders().get("x-auth-timestamp")).isEqualTo(Long.toString(NOW));
        assertThat(upgrade.getHeaders().get("x-auth-signature")).isEqualTo(hmac(NOW + "+v2/stream"));
        assertThat(stream.isConnected()).isTrue();
        await().until(() -> listener.events.contains("connected"));
        assertThat(socket.received).noneMatch(m -> m.path("op").asText().equals("auth"));
    }

    @Test
    void authenticatesWithAnAuthMessageSigningTheConfiguredPath() throws Exception {
        FakeExchangeSocket socket = serve();
        socket.authCheck = m -> {
            try {
                return m.path("key").asText().equals(KEY)
                    && m.path("sig").asText().equals(hmac(m.path("t").asLong() + "+stream"));
            } catch (Exception e) {
                return false;
            }
        };
        stream = privateStream(config().wsSignedPath("stream").build(), AuthMethod.MESSAGE);
        stream.connect().get(5, TimeUnit.SECONDS);
        JsonNode auth = nextNonPing(socket);
        assertThat(auth.path("op").asText()).isEqualTo("auth");
        assertThat(auth.path("t").asLong()).isEqualTo(NOW);
        RecordedRequest upgrade = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(upgrade.getHeaders().get("x-auth-signature")).isNull();
        // auth results are internal: the listener sees connected and the connected message
        await().until(() -> listener.events.contains("connected"));
        assertThat(listener.messages).noneMatch(m -> m instanceof StreamMessage.AuthResult);
    }

    @Test
    void aRejectedAuthFailsConnectWithoutLeakingTheSecret() throws Exception {
        PrintStream originalErr = System.err;
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
        try {
            FakeExchangeSocket socket = serve();
            socket.authCheck = m -> false;
            stream = privateStream(config().build(), AuthMethod.MESSAGE);
            assertThatThrownBy(() -> stream.connect().get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(BitMaxApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(200006);
                    assertThat(e.getMessage()).contains("Unable to find User Account Data").doesNotContain(SECRET);
                });
            assertThat(stream.state()).isEqualTo(BitMaxStream.State.CLOSED);
            assertThat(stream.toString()).doesNotContain(SECRET);
        } finally {
            System.setErr(originalErr);
        }
        String logged = logs.toString(StandardCharsets.UTF_8);
        assertThat(logged).contains("authentication failed").doesNotContain(SECRET);
    }

    @Test
    void aRefusedUpgradeFailsConnect() throws Exception {
        server.enqueue(new MockResponse.Builder().code(401).body("{\"code\":200001}").build());
        stream = privateStream(config().build(), AuthMethod.HEADERS);
        assertThatThrownBy(() -> stream.connect().get(5, TimeUnit.SECONDS))
            .cause().isInstanceOfSatisfying(BitMaxApiException.class, e -> assertThat(e.httpStatus()).isEqualTo(401));
    }

    // ------------------------------------------------------------------ keep-alive

    @Test
    void answersServerPingsAndSendsItsOwn() throws Exception {
        FakeExchangeSocket socket = serve();
        stream = BitMaxStream.builder(config().pingInterval(Duration.ofMillis(200)).build()).publicEndpoint()
            .listener(listener).build();
        stream.connect().get(5, TimeUnit.SECONDS);
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getUrl().encodedPath()).isEqualTo("/api/pro/v2/stream");
        assertThat(socket.opened.await(5, TimeUnit.SECONDS)).isTrue();

        socket.socket.send("{\"m\":\"ping\",\"hp\":3}");
        List<String> ops = new ArrayList<>();
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            JsonNode m = socket.received.poll();
            if (m != null) {
                ops.add(m.path("op").asText());
            }
            return ops.contains("pong") && ops.contains("ping");
        });
        // the server's pongs to our pings keep the session alive and are not delivered
        Thread.sleep(700);
        assertThat(stream.isConnected()).isTrue();
        assertThat(stream.stats().reconnects()).isZero();
        assertThat(listener.messages).noneMatch(m -> m instanceof StreamMessage.Ping || m instanceof StreamMessage.Pong);
        assertThat(listener.messages).anyMatch(m -> m instanceof StreamMessage.Connected);
    }

    @Test
    void aSilentServerIsDroppedAndReconnected() throws Exception {
        FakeExchangeSocket mute = new FakeExchangeSocket() {
            @Override
            public void onMessage(WebSocket ws, String text) {
                received.add(Examples.parse(text)); // never answers
            }
        };
        server.enqueue(new MockResponse.Builder().webSocketUpgrade(mute).build());
        FakeExchangeSocket second = serve();
        stream = BitMaxStream.builder(config().pingInterval(Duration.ofMillis(100)).build()).publicEndpoint()
            .listener(listener).build();
        stream.connect().get(5, TimeUnit.SECONDS);
        assertThat(second.opened.await(5, TimeUnit.SECONDS)).isTrue();
        await().until(() -> listener.events.contains("reconnected"));
        assertThat(listener.events).contains("disconnected");
    }

    // ------------------------------------------------------------------ subscriptions and reconnects

    @Test
    void resubscribesAndReauthenticatesAfterTheServerDropsTheConnection() throws Exception {
        FakeExchangeSocket first = serve();
        FakeExchangeSocket second = serve();
        stream = privateStream(config().build(), AuthMethod.MESSAGE);
        stream.connect().get(5, TimeUnit.SECONDS);
        stream.subscribe(StreamChannel.depth("BTC-PERP")).get(5, TimeUnit.SECONDS);
        stream.subscribe(StreamChannel.futuresOrder()).get(5, TimeUnit.SECONDS);
        assertThat(nextNonPing(first).path("op").asText()).isEqualTo("auth");
        assertThat(nextNonPing(first).path("ch").asText()).isEqualTo("depth:BTC-PERP");
        assertThat(nextNonPing(first).path("ch").asText()).isEqualTo("futures-order");

        first.socket.close(1001, "going away"); // the server drops the connection
        assertThat(second.opened.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(nextNonPing(second).path("op").asText()).isEqualTo("auth");
        List<String> resubscribed = List.of(nextNonPing(second).path("ch").asText(), nextNonPing(second).path("ch").asText());
        assertThat(resubscribed).containsExactly("depth:BTC-PERP", "futures-order");

        await().until(() -> listener.events.contains("reconnected"));
        assertThat(listener.events).containsSubsequence("connected", "disconnected", "reconnected");
        assertThat(stream.stats().reconnects()).isEqualTo(1);
        assertThat(stream.subscriptions()).containsExactlyInAnyOrder(StreamChannel.depth("BTC-PERP"), StreamChannel.futuresOrder());

        // market data after the reconnect reaches the listener
        assertThat(second.opened.await(5, TimeUnit.SECONDS)).isTrue();
        second.socket.send(Examples.text("channel-level-2-order-book-updates--the-depth-message.json"));
        await().until(() -> listener.messages.stream().anyMatch(m -> m instanceof StreamMessage.DepthUpdate));

        stream.unsubscribe(StreamChannel.depth("BTC-PERP")).get(5, TimeUnit.SECONDS);
        JsonNode unsub = nextNonPing(second);
        assertThat(unsub.path("op").asText()).isEqualTo("unsub");
        assertThat(stream.subscriptions()).containsExactly(StreamChannel.futuresOrder());
    }

    @Test
    void aSubscriptionNeverAcknowledgedDropsTheSessionAndTheNextOneSubscribes() throws Exception {
        FakeExchangeSocket deaf = serve();
        deaf.ignoredOps.add("sub");
        FakeExchangeSocket second = serve();
        stream = BitMaxStream.builder(config().wsRequestTimeout(Duration.ofMillis(300)).build()).publicEndpoint()
            .listener(listener).build();
        stream.connect().get(5, TimeUnit.SECONDS);
        CompletableFuture<Void> sub = stream.subscribe(StreamChannel.depth("BTC-PERP"));
        assertThat(nextNonPing(deaf).path("ch").asText()).isEqualTo("depth:BTC-PERP");
        assertThatThrownBy(() -> sub.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(BitMaxTransportException.class);

        assertThat(second.opened.await(5, TimeUnit.SECONDS)).as("a new session").isTrue();
        assertThat(nextNonPing(second).path("ch").asText()).isEqualTo("depth:BTC-PERP");
        await().until(() -> listener.events.contains("reconnected"));
        assertThat(stream.subscriptions()).containsExactly(StreamChannel.depth("BTC-PERP"));
        second.socket.send(Examples.text("channel-level-2-order-book-updates--the-depth-message.json"));
        await().until(() -> listener.messages.stream().anyMatch(m -> m instanceof StreamMessage.DepthUpdate));
    }

    @Test
    void subscriptionsMadeBeforeConnectingAreSentOnConnect() throws Exception {
        FakeExchangeSocket socket = serve();
        stream = BitMaxStream.builder(config().build()).publicEndpoint().listener(listener).build();
        CompletableFuture<Void> sub = stream.subscribe(StreamChannel.trades("ETH-PERP"));
        stream.connect().get(5, TimeUnit.SECONDS);
        sub.get(5, TimeUnit.SECONDS);
        assertThat(nextNonPing(socket).path("ch").asText()).isEqualTo("trades:ETH-PERP");
        assertThatThrownBy(() -> stream.subscribe(StreamChannel.futuresOrder())).isInstanceOf(IllegalStateException.class);
    }

    // ------------------------------------------------------------------ requests

    @Test
    void repliesAreMatchedToRequestsById() throws Exception {
        FakeExchangeSocket socket = serve();
        socket.reverseOrderAcks = true;
        stream = privateStream(config().build(), AuthMethod.HEADERS);
        stream.connect().get(5, TimeUnit.SECONDS);

        CompletableFuture<StreamMessage.OrderAck> a = stream.placeOrder(
            NewOrderRequest.limit("orderAAAAA1", "BTC-PERP", Side.BUY, new BigDecimal("30000"), new BigDecimal("0.1")));
        CompletableFuture<StreamMessage.OrderAck> b = stream.placeOrder(
            NewOrderRequest.limit("orderBBBBB2", "BTC-PERP", Side.SELL, new BigDecimal("31000"), new BigDecimal("0.2")));
        assertThat(a.get(5, TimeUnit.SECONDS).info().orderId()).isEqualTo("sorderAAAAA1");
        assertThat(b.get(5, TimeUnit.SECONDS).info().orderId()).isEqualTo("sorderBBBBB2");
        socket.reverseOrderAcks = false;

        JsonNode sent = nextNonPing(socket);
        assertThat(sent.path("action").asText()).isEqualTo("place-order");
        assertThat(sent.path("ac").asText()).isEqualTo("futures");
        assertThat(sent.path("args").path("orderPrice").asText()).isEqualTo("30000");
        assertThat(sent.path("args").path("time").asLong()).isEqualTo(NOW);

        CompletableFuture<StreamMessage.OrderAck> rejected = stream.placeOrder(
            NewOrderRequest.limit("orderCCCCC3", "BTC-PERP", Side.BUY, new BigDecimal("0.01"), BigDecimal.ONE));
        assertThatThrownBy(() -> rejected.get(5, TimeUnit.SECONDS)).cause()
            .isInstanceOfSatisfying(BitMaxApiException.class, e -> {
                assertThat(e.code()).isEqualTo(300001);
                assertThat(e.reason()).isEqualTo("INVALID_PRICE");
                assertThat(e.httpStatus()).isZero();
            });

        StreamMessage.AccountSnapshot snapshot = stream.accountSnapshot().get(5, TimeUnit.SECONDS);
        assertThat(snapshot.sn()).isEqualTo(9982L);
        assertThat(snapshot.collaterals()).hasSize(3);

        assertThat(stream.cancelOrder(CancelOrderRequest.of("s177bab1b474U5051470287bbtcpKiOR", "BTC-PERP"))
            .get(5, TimeUnit.SECONDS).action()).isEqualTo("cancel-order");
        assertThat(stream.cancelAll("BTC-PERP").get(5, TimeUnit.SECONDS).isSuccess()).isTrue();

        StreamMessage.DepthSnapshot book = stream.depthSnapshot("BTC-PERP").get(5, TimeUnit.SECONDS);
        assertThat(book.seqnum()).isEqualTo(42L);
        assertThat(book.data().bids().get(0).price()).isEqualByComparingTo("99");
    }

    @Test
    void anUnansweredRequestTimesOutAsAmbiguous() throws Exception {
        FakeExchangeSocket socket = serve();
        socket.ignoredActions.add("cancel-all");
        stream = privateStream(config().wsRequestTimeout(Duration.ofMillis(300)).build(), AuthMethod.HEADERS);
        stream.connect().get(5, TimeUnit.SECONDS);
        long start = System.nanoTime();
        CompletableFuture<StreamMessage.OrderAck> ack = stream.cancelAll();
        assertThatThrownBy(() -> ack.get(5, TimeUnit.SECONDS)).cause()
            .isInstanceOfSatisfying(BitMaxTransportException.class, e -> {
                assertThat(e.mayHaveReachedExchange()).isTrue();
                assertThat(e.getMessage()).contains("cancel-all").contains("300 ms");
            });
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(250));
    }

    @Test
    void requestsWhileDisconnectedAreCertainlyNotSent() {
        stream = privateStream(config().build(), AuthMethod.HEADERS);
        assertThatThrownBy(() -> stream.accountSnapshot().get(5, TimeUnit.SECONDS)).cause()
            .isInstanceOfSatisfying(BitMaxTransportException.class, e -> assertThat(e.mayHaveReachedExchange()).isFalse());
    }

    @Test
    void publicStreamsRefusePrivateActions() {
        stream = BitMaxStream.builder(config().build()).publicEndpoint().listener(listener).build();
        assertThatThrownBy(() -> stream.placeOrder(NewOrderRequest.limit("abcdefghi", "BTC-PERP", Side.BUY,
            BigDecimal.ONE, BigDecimal.ONE))).isInstanceOf(IllegalStateException.class);
    }

    // ------------------------------------------------------------------ buffering

    @Test
    void aStreamBuiltForFrameTextHandsEachMessageWithItsFrameVerbatim() throws Exception {
        FakeExchangeSocket socket = serve();
        List<String> texts = new CopyOnWriteArrayList<>();
        StreamListener withText = new StreamListener() {
            @Override
            public void onMessage(StreamMessage message) {
                texts.add("without text: " + message.type());
            }

            @Override
            public void onMessage(StreamMessage message, String frameText) {
                texts.add(message.type() + " " + frameText);
            }
        };
        stream = BitMaxStream.builder(config().build()).publicEndpoint().listener(withText).frameText(true).build();
        stream.connect().get(5, TimeUnit.SECONDS);
        assertThat(socket.opened.await(5, TimeUnit.SECONDS)).isTrue();
        String trade = Examples.text("channel-market-trades--trade-message.json");
        String spaced = "{ \"m\" : \"depth\", \"symbol\":\"BTC-PERP\", \"data\":{\"ts\":1,\"seqnum\":2,\"asks\":[],\"bids\":[]} }";
        socket.socket.send(trade);
        socket.socket.send(spaced);
        await().until(() -> texts.contains("depth " + spaced));
        assertThat(texts).contains("trades " + trade).noneMatch(t -> t.startsWith("without text"));
    }

    @Test
    void aStreamKeepsNoFrameTextUnlessAsked() throws Exception {
        FakeExchangeSocket socket = serve();
        List<String> calls = new CopyOnWriteArrayList<>();
        stream = BitMaxStream.builder(config().build()).publicEndpoint().listener(new StreamListener() {
            @Override
            public void onMessage(StreamMessage message) {
                calls.add("message " + message.type());
            }

            @Override
            public void onMessage(StreamMessage message, String frameText) {
                calls.add("frame " + frameText);
            }
        }).build();
        stream.connect().get(5, TimeUnit.SECONDS);
        assertThat(socket.opened.await(5, TimeUnit.SECONDS)).isTrue();
        socket.socket.send(Examples.text("channel-market-trades--trade-message.json"));
        await().until(() -> calls.contains("message trades"));
        assertThat(calls).noneMatch(c -> c.startsWith("frame"));
    }

    @Test
    void aFullListenerBufferDropsAndCounts() throws Exception {
        FakeExchangeSocket socket = serve();
        CountDownLatch release = new CountDownLatch(1);
        StreamListener slow = message -> holdFor(release, 10);
        stream = BitMaxStream.builder(config().listenerBufferSize(4)
                .overflowPolicy(BitMaxClientConfig.OverflowPolicy.DROP_NEWEST).build())
            .publicEndpoint().listener(slow).build();
        stream.connect().get(5, TimeUnit.SECONDS);
        assertThat(socket.opened.await(5, TimeUnit.SECONDS)).isTrue();
        String trade = Examples.text("channel-market-trades--trade-message.json");
        for (int i = 0; i < 20; i++) {
            socket.socket.send(trade);
        }
        await().until(() -> stream.stats().messagesReceived() >= 21);
        assertThat(stream.stats().messagesDropped()).isPositive();
        assertThat(stream.stats().bufferFullEvents()).isEqualTo(stream.stats().messagesDropped());
        release.countDown();
    }

    @Test
    void aFullBufferUnderTheReconnectPolicyReconnectsAndTellsTheListener() throws Exception {
        FakeExchangeSocket first = serve();
        FakeExchangeSocket second = serve();
        CountDownLatch release = new CountDownLatch(1);
        List<String> events = new CopyOnWriteArrayList<>();
        StreamListener slow = new StreamListener() {
            @Override
            public void onMessage(StreamMessage message) {
                holdFor(release, 10);
            }

            @Override
            public void onReconnected() {
                events.add("reconnected");
            }
        };
        stream = BitMaxStream.builder(config().listenerBufferSize(2)
                .overflowPolicy(BitMaxClientConfig.OverflowPolicy.RECONNECT).build())
            .publicEndpoint().listener(slow).build();
        stream.connect().get(5, TimeUnit.SECONDS);
        assertThat(first.opened.await(5, TimeUnit.SECONDS)).isTrue();
        String trade = Examples.text("channel-market-trades--trade-message.json");
        for (int i = 0; i < 10; i++) {
            first.socket.send(trade);
        }
        assertThat(second.opened.await(5, TimeUnit.SECONDS)).as("a new session").isTrue();
        release.countDown();
        await().until(() -> events.contains("reconnected"));
        assertThat(stream.stats().messagesDropped()).isPositive();
        assertThat(stream.stats().reconnects()).isPositive(); // more than one when the next session also finds the buffer full
    }

    @Test
    void closingWithABlockedReaderReturns() throws Exception {
        FakeExchangeSocket socket = serve();
        CountDownLatch never = new CountDownLatch(1);
        stream = BitMaxStream.builder(config().listenerBufferSize(1).build()).publicEndpoint()
            .listener(message -> holdFor(never, 20)).build();
        stream.connect().get(5, TimeUnit.SECONDS);
        assertThat(socket.opened.await(5, TimeUnit.SECONDS)).isTrue();
        String trade = Examples.text("channel-market-trades--trade-message.json");
        for (int i = 0; i < 5; i++) {
            socket.socket.send(trade);
        }
        await().until(() -> stream.stats().bufferFullEvents() > 0);
        long start = System.nanoTime();
        stream.close();
        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(10));
        assertThat(stream.state()).isEqualTo(BitMaxStream.State.CLOSED);
        never.countDown();
    }

    // ------------------------------------------------------------------ the listener on the reader thread

    @Test
    void aListenerOnTheReaderThreadGetsEveryMessageInOrderOnThatThreadAndTheLifecycleToo() throws Exception {
        FakeExchangeSocket first = serve();
        FakeExchangeSocket second = serve();
        List<String> seqnums = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        RecordingListener recording = new RecordingListener() {
            @Override
            public void onMessage(StreamMessage message, String frameText) {
                super.onMessage(message);
                if (message instanceof StreamMessage.DepthUpdate) {
                    threads.add(Thread.currentThread().getName());
                    seqnums.add(frameText.replaceAll(".*\"seqnum\":(\\d+).*", "$1"));
                }
            }
        };
        stream = BitMaxStream.builder(config().build()).publicEndpoint().listener(recording)
            .listenerOnReaderThread(true).frameText(true).build();
        stream.connect().get(5, TimeUnit.SECONDS);
        assertThat(first.opened.await(5, TimeUnit.SECONDS)).isTrue();
        List<String> sent = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            first.socket.send("{\"m\":\"depth\",\"symbol\":\"BTC-PERP\",\"data\":{\"ts\":1,\"seqnum\":" + i
                + ",\"asks\":[],\"bids\":[]}}");
            sent.add(Integer.toString(i));
        }
        await().until(() -> seqnums.size() == 200);
        assertThat(seqnums).containsExactlyElementsOf(sent);
        assertThat(threads).doesNotContain("bitmax-stream-dispatch").containsOnly(threads.get(0));

        first.socket.close(1001, "going away");
        await().until(() -> recording.events.contains("reconnected"));
        assertThat(recording.events).containsSubsequence("connected", "message:depth", "disconnected", "reconnected");
        assertThat(stream.stats().messagesDropped()).isZero();
    }

    @ParameterizedTest(name = "listener on the reader thread: {0}")
    @ValueSource(booleans = {true, false})
    void aListenerThatThrowsLeavesTheStreamReading(boolean onReaderThread) throws Exception {
        FakeExchangeSocket socket = serve();
        List<Long> received = new CopyOnWriteArrayList<>();
        stream = BitMaxStream.builder(config().build()).publicEndpoint().listenerOnReaderThread(onReaderThread)
            .listener(message -> {
                if (!(message instanceof StreamMessage.DepthUpdate depth)) {
                    return;
                }
                long seqnum = depth.seqnum();
                if (seqnum == 2) {
                    throw new IllegalStateException("the listener's own bug");
                }
                received.add(seqnum);
            }).build();
        stream.connect().get(5, TimeUnit.SECONDS);
        assertThat(socket.opened.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i <= 3; i++) {
            socket.socket.send("{\"m\":\"depth\",\"symbol\":\"BTC-PERP\",\"data\":{\"ts\":1,\"seqnum\":" + i
                + ",\"asks\":[],\"bids\":[]}}");
        }
        await().until(() -> received.contains(3L));
        assertThat(received).containsExactly(1L, 3L);
        assertThat(stream.state()).isEqualTo(BitMaxStream.State.CONNECTED);
    }

    @Test
    void aBlockedListenerOnTheReaderThreadStopsTheSocketBeingRead() throws Exception {
        FakeExchangeSocket socket = serve();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(1);
        List<StreamMessage> received = new CopyOnWriteArrayList<>();
        stream = BitMaxStream.builder(config().build()).publicEndpoint().listenerOnReaderThread(true)
            .listener(message -> {
                if (!(message instanceof StreamMessage.Trades)) {
                    return;
                }
                blocked.countDown();
                holdFor(release, 10);
                received.add(message);
            }).build();
        stream.connect().get(5, TimeUnit.SECONDS);
        assertThat(socket.opened.await(5, TimeUnit.SECONDS)).isTrue();
        String trade = Examples.text("channel-market-trades--trade-message.json");
        for (int i = 0; i < 5; i++) {
            socket.socket.send(trade);
        }
        assertThat(blocked.await(5, TimeUnit.SECONDS)).isTrue();
        long readWhenBlocked = stream.stats().messagesReceived();
        Thread.sleep(300); // time enough to read the other four, were the reader not held
        assertThat(stream.stats().messagesReceived()).as("frames read while the listener holds the reader")
            .isEqualTo(readWhenBlocked);
        release.countDown();
        await().until(() -> received.size() == 5);
        assertThat(stream.stats().messagesDropped()).isZero();
    }
}
