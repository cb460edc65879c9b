package dev.bitmaxconnect.client.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.bitmaxconnect.client.model.CancelOrderRequest;
import dev.bitmaxconnect.client.model.NewOrderRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * The JSON of the orders and cancels the client sends, as each section of the reference shows them: written in one
 * pass to UTF-8 bytes ({@link #object}), no tree in between, since the sink sends one per command.
 * Absent fields are left out, decimals are strings in plain notation.
 */
public final class RequestBodies {
    /** Single REST orders send the price as {@code price}. */
    public static final String PRICE = "price";
    /** Batch and WebSocket orders send it as {@code orderPrice}. */
    public static final String ORDER_PRICE = "orderPrice";

    /**
     * Characters beyond the BMP (a pair of surrogates) are written as UTF-8, as the text of a tree encoded to UTF-8
     * was, rather than as the two escapes Jackson 2's byte generators write by default.
     */
    private static final JsonFactory FACTORY = BitMaxJson.mapper().getFactory().rebuild()
        .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();

    private RequestBodies() {
    }

    /** The object {@code {..}} holding what {@code fields} writes, as the UTF-8 body of a request. */
    public static byte[] object(BitMaxJson.FieldWriter fields) {
        return BitMaxJson.writeObject(FACTORY, fields);
    }

    /** A single REST order (price as {@link #PRICE}). */
    public static byte[] newOrder(NewOrderRequest r) {
        return object(g -> writeNewOrderFields(g, r, PRICE));
    }

    /** A REST cancel. */
    public static byte[] cancelOrder(CancelOrderRequest r) {
        return object(g -> writeCancelFields(g, r));
    }

    /** A batch of orders: {@code {"orders":[..]}}, each with {@link #ORDER_PRICE}. */
    public static byte[] orderBatch(List<NewOrderRequest> orders) {
        return object(g -> {
            g.writeArrayFieldStart("orders");
            for (NewOrderRequest r : orders) {
                g.writeStartObject();
                writeNewOrderFields(g, r, ORDER_PRICE);
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    /** A batch of cancels: {@code {"orders":[..]}}. */
    public static byte[] cancelBatch(List<CancelOrderRequest> cancels) {
        return object(g -> {
            g.writeArrayFieldStart("orders");
            for (CancelOrderRequest r : cancels) {
                g.writeStartObject();
                writeCancelFields(g, r);
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    /** The fields of a new order; {@code priceField} is {@link #PRICE} (single REST) or {@link #ORDER_PRICE} (batch, WebSocket). */
    public static void writeNewOrderFields(JsonGenerator g, NewOrderRequest r, String priceField) throws IOException {
        writeIfPresent(g, "id", r.id());
        if (r.time() != null) {
            g.writeNumberField("time", r.time().longValue());
        }
        g.writeStringField("symbol", r.symbol());
        writeIfPresent(g, priceField, r.price());
        writeIfPresent(g, "orderQty", r.orderQty());
        g.writeStringField("orderType", r.orderType().wire());
        g.writeStringField("side", r.side().wire());
        if (r.respInst() != null) {
            g.writeStringField("respInst", r.respInst().wire());
        }
        if (r.postOnly() != null) {
            g.writeBooleanField("postOnly", r.postOnly().booleanValue());
        }
        writeIfPresent(g, "stopPrice", r.stopPrice());
        if (r.timeInForce() != null) {
            g.writeStringField("timeInForce", r.timeInForce().wire());
        }
        if (r.execInst() != null) {
            g.writeStringField("execInst", r.execInst().wire());
        }
        writeIfPresent(g, "posStopLossPrice", r.posStopLossPrice());
        writeIfPresent(g, "posTakeProfitPrice", r.posTakeProfitPrice());
    }

    /** The fields of a cancel. */
    public static void writeCancelFields(JsonGenerator g, CancelOrderRequest r) throws IOException {
        writeIfPresent(g, "id", r.id());
        g.writeStringField("orderId", r.orderId());
        g.writeStringField("symbol", r.symbol());
        if (r.time() != null) {
            g.writeNumberField("time", r.time().longValue());
        }
        if (r.respInst() != null) {
            g.writeStringField("respInst", r.respInst().wire());
        }
    }

    private static void writeIfPresent(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    private static void writeIfPresent(JsonGenerator g, String name, BigDecimal value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value.toPlainString());
        }
    }
}
