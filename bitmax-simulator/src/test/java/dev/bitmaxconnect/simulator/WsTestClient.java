package dev.bitmaxconnect.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitmaxconnect.simulator.auth.SignatureVerifier;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/** A raw WebSocket client (Jetty's) that queues every text message it receives. */
public final class WsTestClient implements Session.Listener.AutoDemanding, AutoCloseable {

    private static final WebSocketClient CLIENT = new WebSocketClient();

    static {
        try {
            CLIENT.setMaxTextMessageSize(4 << 20);
            CLIENT.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    volatile Session session;
    volatile int closeCode = -1;

    static WsTestClient connect(String url) throws Exception {
        return connect(url, Map.of());
    }

    static WsTestClient connect(String url, Map<String, String> headers) throws Exception {
        WsTestClient client = new WsTestClient();
        ClientUpgradeRequest request = new ClientUpgradeRequest();
        headers.forEach(request::setHeader);
        client.session = CLIENT.connect(client, URI.create(url), request).get(5, TimeUnit.SECONDS);
        return client;
    }

    /** Connects with header authentication signed over {@code signedPath}. */
    static WsTestClient connectSigned(String url, String key, String secret, String signedPath, KeyEncoding encoding)
            throws Exception {
        long ts = System.currentTimeMillis();
        return connect(url, Map.of("x-auth-key", key, "x-auth-timestamp", Long.toString(ts),
                "x-auth-signature", SignatureVerifier.sign(encoding, secret, ts + "+" + signedPath)));
    }

    @Override
    public void onWebSocketText(String message) {
        messages.add(message);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        closeCode = statusCode;
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        error = cause; // expected in fault tests: kept for assertions, not logged
    }

    volatile Throwable error;

    void send(String text) {
        session.sendText(text, Callback.NOOP);
    }

    void send(Object json) throws Exception {
        send(RestTestClient.JSON.writeValueAsString(json));
    }

    /** Messages skipped by {@link #await}, looked at first by the next await. */
    private final List<JsonNode> backlog = new ArrayList<>();

    void clear() {
        backlog.clear();
        messages.clear();
    }

    /** The next message matching {@code filter}; others are kept for later awaits. Fails after {@code timeout}. */
    JsonNode await(Predicate<JsonNode> filter, Duration timeout) throws Exception {
        for (int i = 0; i < backlog.size(); i++) {
            if (filter.test(backlog.get(i))) {
                return backlog.remove(i);
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String text = left <= 0 ? null : messages.poll(left, TimeUnit.NANOSECONDS);
            if (text == null) {
                throw new AssertionError("No matching message within " + timeout);
            }
            JsonNode node = RestTestClient.JSON.readTree(text);
            if (filter.test(node)) {
                return node;
            }
            if (backlog.size() < 10_000) {
                backlog.add(node);
            }
        }
    }

    JsonNode awaitM(String m) throws Exception {
        return await(n -> m.equals(n.path("m").asText()), Duration.ofSeconds(10));
    }

    /** Every message matching {@code filter} that arrives within {@code window}. */
    List<JsonNode> collect(Predicate<JsonNode> filter, Duration window) throws Exception {
        List<JsonNode> result = new ArrayList<>();
        for (JsonNode node : backlog) {
            if (filter.test(node)) {
                result.add(node);
            }
        }
        backlog.clear();
        long deadline = System.nanoTime() + window.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String text = left <= 0 ? null : messages.poll(left, TimeUnit.NANOSECONDS);
            if (text == null) {
                return result;
            }
            JsonNode node = RestTestClient.JSON.readTree(text);
            if (filter.test(node)) {
                result.add(node);
            }
        }
    }

    boolean isOpen() {
        return session != null && session.isOpen();
    }

    @Override
    public void close() {
        if (session != null && session.isOpen()) {
            session.close();
        }
    }
}
