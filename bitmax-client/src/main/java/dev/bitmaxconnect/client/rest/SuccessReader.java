package dev.bitmaxconnect.client.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Reads the common answer, {@code {"code":0,..,"data":..}} with data of the expected shape, in one pass from the
 * text into the data type (no tree of the answer first: the sink reads one per command). Anything else, or anything
 * this pass is not sure to read exactly as the tree did, gives null, and {@link RestTransport} reads the answer through
 * a tree as before, which says what is wrong: an error code, no data, a list for one object and the like, text that
 * is not JSON, and any fractional number (a tree holds it without its trailing zeros).
 */
final class SuccessReader {
    private final ObjectMapper mapper;

    SuccessReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The data of a successful answer, or null when the answer is to be read through a tree. */
    <T> T read(String body, JavaType dataType) {
        try (JsonParser p = new NoFractions(mapper.createParser(body))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            boolean success = false;
            boolean read = false;
            T data = null;
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("code")) {
                    if (value != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT
                        || p.getIntValue() != 0) {
                        return null;
                    }
                    success = true;
                } else if (name.equals("data")) {
                    if (read || !expectedShape(value, dataType)) {
                        return null;
                    }
                    data = mapper.readValue(p, dataType);
                    read = true;
                } else {
                    p.skipChildren();
                }
            }
            return success ? data : null;
        } catch (IOException | RuntimeException e) {
            return null; // the tree reads it again and says why
        }
    }

    private static boolean expectedShape(JsonToken value, JavaType dataType) {
        return dataType.isCollectionLikeType() ? value == JsonToken.START_ARRAY : value == JsonToken.START_OBJECT;
    }

    /** Gives up (an exception, hence the tree) at the first fractional number. */
    private static final class NoFractions extends JsonParserDelegate {
        NoFractions(JsonParser d) {
            super(d);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken t = delegate.nextToken();
            if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                throw new IOException("a fractional number: read through the tree");
            }
            return t;
        }

        @Override
        public JsonToken nextValue() throws IOException {
            JsonToken t = delegate.nextValue();
            if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                throw new IOException("a fractional number: read through the tree");
            }
            return t;
        }
    }
}
