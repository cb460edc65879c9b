package dev.bitmaxconnect.client.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
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

    // The field names, encoded once.
    private static final SerializedString ORDERS = new SerializedString("orders");
    private static final SerializedString ID = new SerializedString("id");
    private static final SerializedString TIME = new SerializedString("time");
    private static final SerializedString SYMBOL = new SerializedString("symbol");
    private static final SerializedString ORDER_QTY = new SerializedString("orderQty");
    private static final SerializedString ORDER_TYPE = new SerializedString("orderType");
    private static final SerializedString SIDE = new SerializedString("side");
    private static final SerializedString RESP_INST = new SerializedString("respInst");
    private static final SerializedString POST_ONLY = new SerializedString("postOnly");
    private static final SerializedString STOP_PRICE = new SerializedString("stopPrice");
    private static final SerializedString TIME_IN_FORCE = new SerializedString("timeInForce");
    private static final SerializedString EXEC_INST = new SerializedString("execInst");
    private static final SerializedString POS_STOP_LOSS_PRICE = new SerializedString("posStopLossPrice");
    private static final SerializedString POS_TAKE_PROFIT_PRICE = new SerializedString("posTakeProfitPrice");
    private static final SerializedString ORDER_ID = new SerializedString("orderId");
    private static final SerializedString PRICE_NAME = new SerializedString(PRICE);
    private static final SerializedString ORDER_PRICE_NAME = new SerializedString(ORDER_PRICE);

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
            g.writeFieldName(ORDERS);
            g.writeStartArray();
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
            g.writeFieldName(ORDERS);
            g.writeStartArray();
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
        text(g, ID, r.id());
        if (r.time() != null) {
            g.writeFieldName(TIME);
            g.writeNumber(r.time().longValue());
        }
        text(g, SYMBOL, r.symbol());
        decimal(g, priceName(priceField), r.price());
        decimal(g, ORDER_QTY, r.orderQty());
        text(g, ORDER_TYPE, r.orderType().wire());
        text(g, SIDE, r.side().wire());
        if (r.respInst() != null) {
            text(g, RESP_INST, r.respInst().wire());
        }
        if (r.postOnly() != null) {
            g.writeFieldName(POST_ONLY);
            g.writeBoolean(r.postOnly().booleanValue());
        }
        decimal(g, STOP_PRICE, r.stopPrice());
        if (r.timeInForce() != null) {
            text(g, TIME_IN_FORCE, r.timeInForce().wire());
        }
        if (r.execInst() != null) {
            text(g, EXEC_INST, r.execInst().wire());
        }
        decimal(g, POS_STOP_LOSS_PRICE, r.posStopLossPrice());
        decimal(g, POS_TAKE_PROFIT_PRICE, r.posTakeProfitPrice());
    }

    /** The fields of a cancel. */
    public static void writeCancelFields(JsonGenerator g, CancelOrderRequest r) throws IOException {
        text(g, ID, r.id());
        text(g, ORDER_ID, r.orderId());
        text(g, SYMBOL, r.symbol());
        if (r.time() != null) {
            g.writeFieldName(TIME);
            g.writeNumber(r.time().longValue());
        }
        if (r.respInst() != null) {
            text(g, RESP_INST, r.respInst().wire());
        }
    }

    private static SerializableString priceName(String priceField) {
        return switch (priceField) {
            case PRICE -> PRICE_NAME;
            case ORDER_PRICE -> ORDER_PRICE_NAME;
            default -> throw new IllegalArgumentException("the price is sent as price or orderPrice, not " + priceField);
        };
    }

    /** A string field, left out when null. */
    private static void text(JsonGenerator g, SerializableString name, String value) throws IOException {
        if (value != null) {
            g.writeFieldName(name);
            g.writeString(value);
        }
    }

    /** A decimal in plain notation, as a string; left out when null. */
    private static void decimal(JsonGenerator g, SerializableString name, BigDecimal value) throws IOException {
        if (value != null) {
            g.writeFieldName(name);
            g.writeString(value.toPlainString());
        }
    }
}
