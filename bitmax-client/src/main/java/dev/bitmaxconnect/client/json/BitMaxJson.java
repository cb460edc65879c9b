package dev.bitmaxconnect.client.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * The JSON conventions of the BitMax wire format: decimals are JSON strings in plain notation, absent
 * fields are left out, unknown fields are ignored. What the client sends is written by {@link RequestBodies}.
 */
public final class BitMaxJson {
    private static final ObjectMapper MAPPER = newMapper();

    private BitMaxJson() {
    }

    /** A shared, configured mapper; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Writes the fields of one JSON object to a generator. */
    @FunctionalInterface
    public interface FieldWriter {
        void write(JsonGenerator g) throws IOException;
    }

    /**
     * The object {@code {..}} holding what {@code fields} writes, as UTF-8 bytes, in one pass: the bytes the shared
     * mapper's {@code writeValueAsBytes} gives for a tree of the same fields, without building the tree.
     */
    public static byte[] writeObject(FieldWriter fields) {
        return writeObject(MAPPER.getFactory(), fields);
    }

    /** As {@code ObjectMapper.writeValueAsBytes} does it: into a recycled buffer, copied out once. */
    static byte[] writeObject(JsonFactory factory, FieldWriter fields) {
        BufferRecycler recycler = factory._getBufferRecycler();
        try (ByteArrayBuilder out = new ByteArrayBuilder(recycler)) {
            try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
                g.writeStartObject();
                fields.write(g);
                g.writeEndObject();
            }
            byte[] bytes = out.toByteArray();
            out.release();
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a JSON object", e); // in memory: only a bug gets here
        } finally {
            recycler.releaseToPool();
        }
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
}
