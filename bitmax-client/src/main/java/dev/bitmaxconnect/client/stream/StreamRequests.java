package dev.bitmaxconnect.client.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitmaxconnect.client.json.BitMaxJson;
import dev.bitmaxconnect.client.model.CancelOrderRequest;
import dev.bitmaxconnect.client.model.NewOrderRequest;

/** The JSON of every message a {@link BitMaxStream} sends, as the reference's WebSocket sections show them. */
final class StreamRequests {
    static final String PING = "{\"op\":\"ping\"}";
    static final String PONG = "{\"op\":\"pong\"}";

    private static final ObjectMapper MAPPER = BitMaxJson.mapper();

    private StreamRequests() {
    }

    /** {@code {"op":"sub"|"unsub","id":..,"ch":..}} */
    static ObjectNode subscription(String op, String id, StreamChannel channel) {
        ObjectNode msg = MAPPER.createObjectNode();
        msg.put("op", op);
        msg.put("id", id);
        msg.put("ch", channel.name());
        return msg;
    }

    /** {@code {"op":"auth","id":..,"t":..,"key":..,"sig":..}} */
    static ObjectNode auth(String id, long timestamp, String apiKey, String signature) {
        ObjectNode msg = MAPPER.createObjectNode();
        msg.put("op", "auth");
        msg.put("id", id);
        msg.put("t", timestamp);
        msg.put("key", apiKey);
        msg.put("sig", signature);
        return msg;
    }

    /** {@code {"op":"req","id":..,"action":"futures-account-snapshot"}} */
    static ObjectNode accountSnapshot(String id) {
        ObjectNode msg = MAPPER.createObjectNode();
        msg.put("op", "req");
        msg.put("id", id);
        msg.put("action", "futures-account-snapshot");
        return msg;
    }

    /** place-order: {@code args} is the order with {@code orderPrice}; {@code time} must be set. */
    static ObjectNode placeOrder(String id, NewOrderRequest order) {
        return orderAction("place-order", id, BitMaxJson.newOrder(order, BitMaxJson.ORDER_PRICE));
    }

    static ObjectNode cancelOrder(String id, CancelOrderRequest cancel) {
        return orderAction("cancel-order", id, BitMaxJson.cancelOrder(cancel));
    }

    /** cancel-all; {@code symbol} null cancels every symbol ({@code args} is then empty). */
    static ObjectNode cancelAll(String id, String symbol) {
        ObjectNode args = MAPPER.createObjectNode();
        if (symbol != null) {
            args.put("symbol", symbol);
        }
        return orderAction("cancel-all", id, args);
    }

    static ObjectNode orderAction(String action, String id, ObjectNode args) {
        ObjectNode msg = MAPPER.createObjectNode();
        msg.put("op", "req");
        msg.put("action", action);
        msg.put("ac", "futures");
        msg.put("id", id);
        msg.set("args", args);
        return msg;
    }

    /** {@code {"op":"req","action":"depth-snapshot","args":{"symbol":..}}} (docs/exchange-api.md). */
    static ObjectNode depthSnapshot(String symbol) {
        ObjectNode msg = MAPPER.createObjectNode();
        msg.put("op", "req");
        msg.put("action", "depth-snapshot");
        msg.putObject("args").put("symbol", symbol);
        return msg;
    }
}
