package dev.bitmaxconnect.distribution;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Order commands as users write them to the sink's topic (JSON, the reference's field names). */
public final class Commands {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Commands() {
    }

    public static ObjectNode limit(String id, String symbol, String side, String qty, String price) {
        ObjectNode order = place(id, symbol, side, "Limit", qty);
        order.put("price", price);
        order.put("timeInForce", "GTC");
        return order;
    }

    public static ObjectNode market(String id, String symbol, String side, String qty) {
        return place(id, symbol, side, "Market", qty);
    }

    /** A stop-market order: it waits, not final, until the mark price reaches {@code stopPrice}. */
    public static ObjectNode stopMarket(String id, String symbol, String side, String qty, String stopPrice) {
        ObjectNode order = place(id, symbol, side, "StopMarket", qty);
        order.put("stopPrice", stopPrice);
        return order;
    }

    public static ObjectNode cancelByClientId(String id, String symbol, String origId) {
        ObjectNode cancel = JSON.createObjectNode();
        cancel.put("action", "cancel");
        cancel.put("id", id);
        cancel.put("symbol", symbol);
        cancel.put("origId", origId);
        return cancel;
    }

    private static ObjectNode place(String id, String symbol, String side, String type, String qty) {
        ObjectNode order = JSON.createObjectNode();
        order.put("action", "place");
        order.put("id", id);
        order.put("symbol", symbol);
        order.put("side", side);
        order.put("orderType", type);
        order.put("orderQty", qty);
        return order;
    }
}
