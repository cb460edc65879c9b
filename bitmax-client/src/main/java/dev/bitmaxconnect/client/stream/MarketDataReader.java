package dev.bitmaxconnect.client.stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.bitmaxconnect.client.json.DecimalParser;
import dev.bitmaxconnect.client.stream.StreamMessage.DepthData;
import dev.bitmaxconnect.client.stream.StreamMessage.DepthUpdate;
import dev.bitmaxconnect.client.stream.StreamMessage.PriceLevel;
import dev.bitmaxconnect.client.stream.StreamMessage.Trade;
import dev.bitmaxconnect.client.stream.StreamMessage.Trades;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One Jackson streaming pass for the two messages that make up most of a market-data feed, {@code trades} and
 * {@code depth}, as the exchange writes them: {@code m} first, decimals as strings, integers as integers. It
 * reads nothing the databind pass would read differently: at the first thing it does not expect (another
 * token type, a field twice, a number beyond a long, a decimal {@link DecimalParser} refuses) it gives up and
 * returns null, and the databind pass reads the frame from the start. Never returns a message cut short.
 */
final class MarketDataReader {
    private static final String TRADES = "{\"m\":\"trades\"";
    private static final String DEPTH = "{\"m\":\"depth\"";

    private final JsonFactory factory;

    MarketDataReader(JsonFactory factory) {
        this.factory = factory;
    }

    /** The frame as {@link Trades} or {@link DepthUpdate}; null when it is neither, or not in the exchange's shape. */
    StreamMessage read(String text) {
        if (!text.startsWith(TRADES) && !text.startsWith(DEPTH)) {
            return null; // any other message, or these written another way: no parser made for nothing
        }
        try (JsonParser p = factory.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT || !"m".equals(p.nextFieldName())
                || p.nextToken() != JsonToken.VALUE_STRING) {
                return null;
            }
            return switch (p.getText()) {
                case "trades" -> trades(p);
                case "depth" -> depth(p);
                default -> null;
            };
        } catch (IOException | RuntimeException e) {
            return null; // the databind pass reads it again, and names what is wrong
        }
    }

    private static Trades trades(JsonParser p) throws IOException {
        Fields seen = new Fields();
        String symbol = null;
        List<Trade> data = null;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "symbol" -> symbol = seen.first(0) ? text(p, t) : Fields.refuse();
                case "data" -> data = seen.first(1) ? tradeList(p, t) : Fields.refuse();
                case "m" -> Fields.refuse();
                default -> p.skipChildren();
            }
        }
        return p.currentToken() == JsonToken.END_OBJECT ? new Trades(symbol, data) : null;
    }

    private static List<Trade> tradeList(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        Fields.expect(t, JsonToken.START_ARRAY);
        List<Trade> trades = new ArrayList<>();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            Fields.expect(e, JsonToken.START_OBJECT);
            trades.add(trade(p));
        }
        return trades;
    }

    private static Trade trade(JsonParser p) throws IOException {
        Fields seen = new Fields();
        BigDecimal price = null;
        BigDecimal quantity = null;
        Long ts = null;
        Boolean buyerIsMaker = null;
        Long seqnum = null;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "p" -> price = seen.first(0) ? decimal(p, t) : Fields.refuse();
                case "q" -> quantity = seen.first(1) ? decimal(p, t) : Fields.refuse();
                case "ts" -> ts = seen.first(2) ? integer(p, t) : Fields.refuse();
                case "bm" -> buyerIsMaker = seen.first(3) ? bool(t) : Fields.refuse();
                case "seqnum" -> seqnum = seen.first(4) ? integer(p, t) : Fields.refuse();
                default -> p.skipChildren();
            }
        }
        return new Trade(price, quantity, ts, buyerIsMaker, seqnum);
    }

    private static DepthUpdate depth(JsonParser p) throws IOException {
        Fields seen = new Fields();
        String symbol = null;
        DepthData data = null;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "symbol" -> symbol = seen.first(0) ? text(p, t) : Fields.refuse();
                case "data" -> data = seen.first(1) ? depthData(p, t) : Fields.refuse();
                case "m" -> Fields.refuse();
                default -> p.skipChildren();
            }
        }
        return p.currentToken() == JsonToken.END_OBJECT ? new DepthUpdate(symbol, data) : null;
    }

    private static DepthData depthData(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        Fields.expect(t, JsonToken.START_OBJECT);
        Fields seen = new Fields();
        Long ts = null;
        Long seqnum = null;
        List<PriceLevel> asks = null;
        List<PriceLevel> bids = null;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "ts" -> ts = seen.first(0) ? integer(p, v) : Fields.refuse();
                case "seqnum" -> seqnum = seen.first(1) ? integer(p, v) : Fields.refuse();
                case "asks" -> asks = seen.first(2) ? levels(p, v) : Fields.refuse();
                case "bids" -> bids = seen.first(3) ? levels(p, v) : Fields.refuse();
                default -> p.skipChildren();
            }
        }
        return new DepthData(ts, seqnum, asks, bids);
    }

    private static List<PriceLevel> levels(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        Fields.expect(t, JsonToken.START_ARRAY);
        List<PriceLevel> levels = new ArrayList<>();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            Fields.expect(e, JsonToken.START_ARRAY);
            // exactly [price, size]: anything shorter, longer or null is left to the databind pass
            BigDecimal price = decimal(p, p.nextToken());
            BigDecimal size = decimal(p, p.nextToken());
            Fields.expect(p.nextToken(), JsonToken.END_ARRAY);
            if (price == null || size == null) {
                return Fields.refuse();
            }
            levels.add(new PriceLevel(price, size));
        }
        return levels;
    }

    private static String text(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        Fields.expect(t, JsonToken.VALUE_STRING);
        return p.getText();
    }

    private static BigDecimal decimal(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        Fields.expect(t, JsonToken.VALUE_STRING);
        return DecimalParser.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    }

    private static Long integer(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        Fields.expect(t, JsonToken.VALUE_NUMBER_INT);
        JsonParser.NumberType type = p.getNumberType();
        if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
            return Fields.refuse();
        }
        return p.getLongValue();
    }

    private static Boolean bool(JsonToken t) {
        return switch (t) {
            case VALUE_NULL -> null;
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> Fields.refuse();
        };
    }

    /** The fields of one object read so far, and the way out of the fast path. */
    private static final class Fields {
        private int seen;

        /** True the first time field {@code index} is read; a field written twice is left to the databind pass. */
        boolean first(int index) {
            int bit = 1 << index;
            boolean first = (seen & bit) == 0;
            seen |= bit;
            return first;
        }

        static void expect(JsonToken actual, JsonToken expected) {
            if (actual != expected) {
                refuse();
            }
        }

        static <T> T refuse() {
            throw new NotInExchangeShape();
        }
    }

    /** Thrown to leave the fast path; cheap, since it carries no stack trace. */
    private static final class NotInExchangeShape extends RuntimeException {
        NotInExchangeShape() {
            super(null, null, false, false);
        }
    }
}
