package dev.bitmaxconnect.client.stream;

import dev.bitmaxconnect.client.json.BitMaxJson;
import dev.bitmaxconnect.client.json.RequestBodies;
import dev.bitmaxconnect.client.model.CancelOrderRequest;
import dev.bitmaxconnect.client.model.NewOrderRequest;
import java.nio.charset.StandardCharsets;

/** The JSON of every message a {@link BitMaxStream} sends, as the reference's WebSocket sections show them. */
final class StreamRequests {
    static final String PING = "{\"op\":\"ping\"}";
    static final String PONG = "{\"op\":\"pong\"}";

    private StreamRequests() {
    }

    /** {@code {"op":"sub"|"unsub","id":..,"ch":..}} */
    static String subscription(String op, String id, StreamChannel channel) {
        return text(g -> {
            g.writeStringField("op", op);
            g.writeStringField("id", id);
            g.writeStringField("ch", channel.name());
        });
    }

    /** {@code {"op":"auth","id":..,"t":..,"key":..,"sig":..}} */
    static String auth(String id, long timestamp, String apiKey, String signature) {
        return text(g -> {
            g.writeStringField("op", "auth");
            g.writeStringField("id", id);
            g.writeNumberField("t", timestamp);
            g.writeStringField("key", apiKey);
            g.writeStringField("sig", signature);
        });
    }

    /** {@code {"op":"req","id":..,"action":"futures-account-snapshot"}} */
    static String accountSnapshot(String id) {
        return text(g -> {
            g.writeStringField("op", "req");
            g.writeStringField("id", id);
            g.writeStringField("action", "futures-account-snapshot");
        });
    }

    /** place-order: {@code args} is the order with {@code orderPrice}; {@code time} must be set. */
    static String placeOrder(String id, NewOrderRequest order) {
        return orderAction("place-order", id, g -> RequestBodies.writeNewOrderFields(g, order, RequestBodies.ORDER_PRICE));
    }

    static String cancelOrder(String id, CancelOrderRequest cancel) {
        return orderAction("cancel-order", id, g -> RequestBodies.writeCancelFields(g, cancel));
    }

    /** cancel-all; {@code symbol} null cancels every symbol ({@code args} is then empty). */
    static String cancelAll(String id, String symbol) {
        return orderAction("cancel-all", id, g -> {
            if (symbol != null) {
                g.writeStringField("symbol", symbol);
            }
        });
    }

    private static String orderAction(String action, String id, BitMaxJson.FieldWriter args) {
        return text(g -> {
            g.writeStringField("op", "req");
            g.writeStringField("action", action);
            g.writeStringField("ac", "futures");
            g.writeStringField("id", id);
            g.writeObjectFieldStart("args");
            args.write(g);
            g.writeEndObject();
        });
    }

    /** {@code {"op":"req","action":"depth-snapshot","args":{"symbol":..}}} (docs/exchange-api.md). */
    static String depthSnapshot(String symbol) {
        return text(g -> {
            g.writeStringField("op", "req");
            g.writeStringField("action", "depth-snapshot");
            g.writeObjectFieldStart("args");
            g.writeStringField("symbol", symbol);
            g.writeEndObject();
        });
    }

    private static String text(BitMaxJson.FieldWriter fields) {
        return new String(RequestBodies.object(fields), StandardCharsets.UTF_8);
    }
}
