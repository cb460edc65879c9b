package dev.bitmaxconnect.simulator.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitmaxconnect.simulator.engine.RequestFields;

/** The fields of a JSON request object, as the engine reads them (REST bodies and WebSocket messages alike). */
public final class JsonFields implements RequestFields {

    private static final JsonFields EMPTY = new JsonFields(null);

    private final JsonNode node;

    private JsonFields(JsonNode node) {
        this.node = node;
    }

    /** The fields of {@code node}; none when it is not an object. */
    public static JsonFields of(JsonNode node) {
        return node != null && node.isObject() ? new JsonFields(node) : EMPTY;
    }

    /** The fields of {@code node}, or null when it is not an object (an order must be one). */
    public static JsonFields ofObject(JsonNode node) {
        return node != null && node.isObject() ? new JsonFields(node) : null;
    }

    @Override
    public String text(String name) {
        JsonNode value = node == null ? null : node.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    @Override
    public Long integer(String name) {
        JsonNode value = node == null ? null : node.get(name);
        return value != null && value.isIntegralNumber() ? value.asLong() : null;
    }
}
