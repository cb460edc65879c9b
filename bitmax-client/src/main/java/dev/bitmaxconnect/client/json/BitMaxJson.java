package dev.bitmaxconnect.client.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitmaxconnect.client.model.CancelOrderRequest;
import dev.bitmaxconnect.client.model.NewOrderRequest;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * The JSON conventions of the BitMax wire format: decimals are JSON strings in plain notation, absent
 * fields are left out, unknown fields are ignored. Also encodes order requests as each section shows them.
 */
public final class BitMaxJson {
    /** Single REST orders send the price as {@code price}. */
    public static final String PRICE = "price";
    /** Batch and WebSocket orders send it as {@code orderPrice}. */
    public static final String ORDER_PRICE = "orderPrice";

    private static final ObjectMapper MAPPER = newMapper();

    private BitMaxJson() {
    }

    /** A shared, configured mapper; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A new mapper with the wire conventions, for callers that want their own. */
    public static ObjectMapper newMapper() {
        SimpleModule decimals = new SimpleModule("bitmax-decimals");
        decimals.addSerializer(BigDecimal.class, new PlainDecimalSerializer());
        decimals.addDeserializer(BigDecimal.class, new BoundedDecimalDeserializer());
        return JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .addModule(decimals)
            .build();
    }

    /** Writes a decimal as a JSON string without exponent, as the exchange does. */
    static final class PlainDecimalSerializer extends JsonSerializer<BigDecimal> {
        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(value.toPlainString());
        }
    }

    /**
     * Decimal strings are read by {@link DecimalParser} from the parser's buffer (the exchange's prices and
     * quantities, several times faster than Jackson's own); anything it refuses gets Jackson's reading, which
     * refuses the same: text longer than {@link DecimalParser#MAX_LENGTH} (checked before parsing) and scales
     * beyond {@link DecimalParser#MAX_SCALE}, with an error naming the field.
     */
    static final class BoundedDecimalDeserializer extends NumberDeserializers.BigDecimalDeserializer {
        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                if (p.getTextLength() > DecimalParser.MAX_LENGTH) {
                    throw ctxt.weirdStringException(p.getText().substring(0, 40) + "...", BigDecimal.class,
                        "decimal of " + p.getTextLength() + " characters, more than " + DecimalParser.MAX_LENGTH);
                }
                try {
                    return DecimalParser.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                } catch (NumberFormatException e) {
                    // empty, padded or out of bounds: Jackson's reading decides, and says why
                }
            }
            BigDecimal value = super.deserialize(p, ctxt);
            if (value != null && Math.abs((long) value.scale()) > DecimalParser.MAX_SCALE) {
                throw InvalidFormatException.from(p, "decimal with scale " + value.scale() + ", beyond +/-"
                    + DecimalParser.MAX_SCALE, value, BigDecimal.class);
            }
            return value;
        }
    }

    /** The JSON of a new order; {@code priceField} is {@link #PRICE} (single REST) or {@link #ORDER_PRICE} (batch, WebSocket). */
    public static ObjectNode newOrder(NewOrderRequest r, String priceField) {
        ObjectNode o = MAPPER.createObjectNode();
        putIfPresent(o, "id", r.id());
        if (r.time() != null) {
            o.put("time", r.time().longValue());
        }
        o.put("symbol", r.symbol());
        putIfPresent(o, priceField, r.price());
        putIfPresent(o, "orderQty", r.orderQty());
        o.put("orderType", r.orderType().wire());
        o.put("side", r.side().wire());
        if (r.respInst() != null) {
            o.put("respInst", r.respInst().wire());
        }
        if (r.postOnly() != null) {
            o.put("postOnly", r.postOnly().booleanValue());
        }
        putIfPresent(o, "stopPrice", r.stopPrice());
        if (r.timeInForce() != null) {
            o.put("timeInForce", r.timeInForce().wire());
        }
        if (r.execInst() != null) {
            o.put("execInst", r.execInst().wire());
        }
        putIfPresent(o, "posStopLossPrice", r.posStopLossPrice());
        putIfPresent(o, "posTakeProfitPrice", r.posTakeProfitPrice());
        return o;
    }

    /** The JSON of a cancel request. */
    public static ObjectNode cancelOrder(CancelOrderRequest r) {
        ObjectNode o = MAPPER.createObjectNode();
        putIfPresent(o, "id", r.id());
        o.put("orderId", r.orderId());
        o.put("symbol", r.symbol());
        if (r.time() != null) {
            o.put("time", r.time().longValue());
        }
        if (r.respInst() != null) {
            o.put("respInst", r.respInst().wire());
        }
        return o;
    }

    private static void putIfPresent(ObjectNode o, String name, String value) {
        if (value != null) {
            o.put(name, value);
        }
    }

    private static void putIfPresent(ObjectNode o, String name, BigDecimal value) {
        if (value != null) {
            o.put(name, value.toPlainString());
        }
    }
}
