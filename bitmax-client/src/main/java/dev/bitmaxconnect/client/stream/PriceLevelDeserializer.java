package dev.bitmaxconnect.client.stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.bitmaxconnect.client.stream.StreamMessage.PriceLevel;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Reads a {@code [price, size]} pair, the bulk of every depth message, with the mapper's decimal reading
 * and without Jackson's general array-as-bean machinery: missing elements are null, extra ones skipped.
 */
final class PriceLevelDeserializer extends StdDeserializer<PriceLevel> implements ResolvableDeserializer {
    private JsonDeserializer<Object> decimals;

    PriceLevelDeserializer() {
        super(PriceLevel.class);
    }

    @Override
    public void resolve(DeserializationContext ctxt) throws JsonMappingException {
        decimals = ctxt.findRootValueDeserializer(ctxt.constructType(BigDecimal.class));
    }

    @Override
    public PriceLevel deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.isExpectedStartArrayToken()) {
            return (PriceLevel) ctxt.handleUnexpectedToken(PriceLevel.class, p);
        }
        BigDecimal[] values = new BigDecimal[2];
        int index = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), index++) {
            if (t == null) {
                return (PriceLevel) ctxt.handleUnexpectedToken(PriceLevel.class, p);
            }
            if (index < values.length && t != JsonToken.VALUE_NULL) {
                values[index] = (BigDecimal) decimals.deserialize(p, ctxt);
            } else {
                p.skipChildren();
            }
        }
        return new PriceLevel(values[0], values[1]);
    }
}
