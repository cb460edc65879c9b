package dev.bitmaxconnect.client.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitmaxconnect.client.json.BitMaxJson;
import dev.bitmaxconnect.client.testing.Examples;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Predicate;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/** The server side of one WebSocket connection in a test: a tiny BitMax that records what it receives. */
class FakeExchangeSocket extends WebSocketListener {
    final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    final CountDownLatch opened = new CountDownLatch(1);
    final CountDownLatch closed = new CountDownLatch(1);
    /** Operations ({@code sub}, {@code auth}, ...) the server does not answer (for timeout tests). */
    final Set<String> ignoredOps = ConcurrentHashMap.newKeySet();
    /** Actions the server does not answer (for timeout tests). */
    final Set<String> ignoredActions = ConcurrentHashMap.newKeySet();
    /** Checks {@code op:auth}; null accepts any. */
    volatile Predicate<JsonNode> authCheck;
    /** Hold place-order acks until two arrived, then answer them in reverse order. */
    volatile boolean reverseOrderAcks;
    private JsonNode heldAck;
    volatile WebSocket socket;

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
        socket = webSocket;
        webSocket.send("{\"m\":\"connected\",\"type\":\"unauth\"}");
        opened.countDown();
    }

    @Override
    public void onMessage(WebSocket ws, String text) {
        JsonNode msg = Examples.parse(text);
        received.add(msg);
        String op = msg.path("op").asText();
        String id = msg.path("id").asText(null);
        if (ignoredOps.contains(op)) {
            return;
        }
        switch (op) {
            case "ping" -> ws.send("{\"m\":\"pong\",\"code\":0,\"ts\":1614164189,\"hp\":2}");
            case "auth" -> {
                boolean ok = authCheck == null || authCheck.test(msg);
                ws.send(ok ? "{\"m\":\"auth\",\"id\":\"" + id + "\",\"code\":0}"
                    : "{\"m\":\"auth\",\"id\":\"" + id + "\",\"code\":200006,\"err\":\"Unable to find User Account Data\"}");
            }
            case "sub", "unsub" -> ws.send("{\"m\":\"" + op + "\",\"id\":\"" + id + "\",\"ch\":\"" + msg.path("ch").asText()
                + "\",\"code\":0}");
            case "req" -> answer(ws, msg, id);
            default -> { }
        }
    }

    private void answer(WebSocket ws, JsonNode msg, String id) {
        String action = msg.path("action").asText();
        if (ignoredActions.contains(action)) {
            return;
        }
        switch (action) {
            case "futures-account-snapshot" -> {
                ObjectNode snap = (ObjectNode) Examples.json("ws-account-snapshot--futures-account-snapshot-response.json");
                snap.put("id", id);
                ws.send(snap.toString());
            }
            case "depth-snapshot" -> ws.send("{\"m\":\"depth-snapshot\",\"symbol\":\"" + msg.path("args").path("symbol").asText()
                + "\",\"data\":{\"ts\":1,\"seqnum\":42,\"asks\":[[\"101\",\"2\"]],\"bids\":[[\"99\",\"3\"]]}}");
            case "place-order", "cancel-order", "cancel-all" -> {
                ObjectNode ack = BitMaxJson.mapper().createObjectNode();
                ack.put("m", "order");
                ack.put("id", id);
                ack.put("action", action);
                ack.put("ac", "FUTURES");
                JsonNode args = msg.path("args");
                if (args.path("orderPrice").asText().equals("0.01")) {
                    ack.put("code", 300001);
                    ack.putObject("info").put("reason", "INVALID_PRICE").put("errorMsg", "Order price is too low from market price.");
                } else {
                    ack.put("code", 0);
                    ack.putObject("info").put("orderId", "s" + args.path("id").asText("none"))
                            .put("symbol", args.path("symbol").asText(""));
                }
                synchronized (this) {
                    if (reverseOrderAcks && action.equals("place-order")) {
                        if (heldAck == null) {
                            heldAck = ack;
                            return;
                        }
                        ws.send(ack.toString());
                        ws.send(heldAck.toString());
                        heldAck = null;
                        return;
                    }
                }
                ws.send(ack.toString());
            }
            default -> ws.send("{\"m\":\"error\",\"id\":\"" + id + "\",\"code\":100005,\"reason\":\"INVALID_WS_REQUEST_DATA\"}");
        }
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        webSocket.close(1000, null);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
        closed.countDown();
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
        closed.countDown();
    }
}
