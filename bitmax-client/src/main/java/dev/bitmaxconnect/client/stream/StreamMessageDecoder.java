package dev.bitmaxconnect.client.stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitmaxconnect.client.json.BitMaxJson;
import dev.bitmaxconnect.client.stream.StreamMessage.Unknown;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Turns a WebSocket text frame into a typed {@link StreamMessage}: one Jackson databind pass on the sealed
 * interface, whose {@code m} property names the record. A frame that pass refuses is read once more as a tree
 * and mapped from it, the tolerant reading: it takes {@code connected} spelled with {@code op}, integers
 * written as decimals, and names the type of what stays unreadable. Never throws: what it cannot read becomes
 * {@link Unknown}. Thread-safe.
 *
 * <p>Trades and depth updates, the bulk of a feed, are first read by {@link MarketDataReader}, a streaming pass
 * that gives the same records for the frames it takes and leaves every other frame to the databind pass; it
 * lets the source connector keep up with about a tenth more messages a second (docs/performance.md).
 */
public final class StreamMessageDecoder {
    private final ObjectMapper mapper;
    private final ObjectReader reader;
    private final MarketDataReader marketData;

    public StreamMessageDecoder() {
        this(BitMaxJson.mapper());
    }

    public StreamMessageDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
        // a decimal where an integer belongs goes to the tree, whose exact reading refuses 2e-9999999999 (not 0)
        this.reader = mapper.readerFor(StreamMessage.class).without(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        this.marketData = new MarketDataReader(mapper.getFactory());
    }

    /** Decodes a text frame, as the stream receives it. */
    public StreamMessage decode(String text) {
        StreamMessage marketMessage = marketData.read(text);
        if (marketMessage != null) {
            return marketMessage;
        }
        try {
            StreamMessage message = reader.readValue(text);
            if (message != null) {
                return message;
            }
        } catch (IOException | RuntimeException e) {
            // RuntimeException too: Jackson throws NumberFormatException for a number like 1e115188077966308
        }
        return decodeTree(text);
    }

    /** Decodes a UTF-8 frame; invalid bytes become U+FFFD, as OkHttp hands them to the stream. */
    public StreamMessage decode(byte[] utf8) {
        return decode(new String(utf8, StandardCharsets.UTF_8));
    }

    /** The tolerant reading of a frame the databind pass refused. */
    private StreamMessage decodeTree(String text) {
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (IOException | RuntimeException e) {
            return new Unknown(null, text);
        }
        if (root == null || !root.isObject()) {
            return new Unknown(null, text);
        }
        String m = root.path("m").asText(null);
        if (m == null && "connected".equals(root.path("op").asText(null))) {
            m = "connected"; // one section spells it with op
            ((ObjectNode) root).put("m", m);
        }
        try {
            return mapper.treeToValue(root, StreamMessage.class);
        } catch (IOException | RuntimeException e) {
            return new Unknown(m, text);
        }
    }
}
