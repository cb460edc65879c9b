package dev.bitmaxconnect.client.stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitmaxconnect.client.json.BitMaxJson;
import dev.bitmaxconnect.client.json.DecimalParser;
import dev.bitmaxconnect.client.model.AccountCategory;
import dev.bitmaxconnect.client.model.ExecInst;
import dev.bitmaxconnect.client.model.OrderStatus;
import dev.bitmaxconnect.client.model.OrderType;
import dev.bitmaxconnect.client.model.Side;
import dev.bitmaxconnect.client.stream.StreamMessage.Bbo;
import dev.bitmaxconnect.client.stream.StreamMessage.BboData;
import dev.bitmaxconnect.client.stream.StreamMessage.DepthData;
import dev.bitmaxconnect.client.stream.StreamMessage.DepthSnapshot;
import dev.bitmaxconnect.client.stream.StreamMessage.DepthUpdate;
import dev.bitmaxconnect.client.stream.StreamMessage.OrderReport;
import dev.bitmaxconnect.client.stream.StreamMessage.PriceLevel;
import dev.bitmaxconnect.client.stream.StreamMessage.Trade;
import dev.bitmaxconnect.client.stream.StreamMessage.Trades;
import dev.bitmaxconnect.client.stream.StreamMessage.Unknown;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a WebSocket text frame into a typed {@link StreamMessage}. The busiest channels (depth, trades,
 * futures-order) in the exchange's usual shape are read straight from the bytes ({@link ByteScanner}); the
 * same and bbo in any other shape take one Jackson streaming pass when {@code m} comes first; everything
 * else goes through the tree model. Never throws: what it cannot read becomes {@link Unknown}. Thread-safe.
 */
public final class StreamMessageDecoder {
    private static final Map<String, Class<? extends StreamMessage>> TYPES = Map.ofEntries(
        Map.entry("futures-pricing-data", StreamMessage.PricingData.class),
        Map.entry("futures-pricing-data-batch", StreamMessage.PricingData.class),
        Map.entry("bbo", Bbo.class),
        Map.entry("depth", DepthUpdate.class),
        Map.entry("depth-snapshot", DepthSnapshot.class),
        Map.entry("trades", Trades.class),
        Map.entry("bar", StreamMessage.Bar.class),
        Map.entry("futures-order", OrderReport.class),
        Map.entry("futures-account-update", StreamMessage.AccountUpdate.class),
        Map.entry("futures-account-snapshot", StreamMessage.AccountSnapshot.class),
        Map.entry("order", StreamMessage.OrderAck.class),
        Map.entry("auth", StreamMessage.AuthResult.class),
        Map.entry("sub", StreamMessage.SubscriptionAck.class),
        Map.entry("unsub", StreamMessage.SubscriptionAck.class),
        Map.entry("error", StreamMessage.ErrorMessage.class),
        Map.entry("ping", StreamMessage.Ping.class),
        Map.entry("pong", StreamMessage.Pong.class),
        Map.entry("connected", StreamMessage.Connected.class),
        Map.entry("disconnected", StreamMessage.Disconnected.class));

    private final ObjectMapper mapper;
    private final JsonFactory factory;
    private final RepeatedStrings repeated = new RepeatedStrings();

    public StreamMessageDecoder() {
        this(BitMaxJson.mapper());
    }

    public StreamMessageDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
        this.factory = mapper.getFactory();
    }

    /** Decodes a UTF-8 frame. */
    public StreamMessage decode(byte[] utf8) {
        StreamMessage scanned = ByteScanner.scan(utf8, repeated);
        return scanned != null ? scanned : decodeWithJackson(utf8);
    }

    /** The Jackson paths alone (streaming, then tree); package-private so tests can compare them with the byte reader. */
    StreamMessage decodeWithJackson(byte[] utf8) {
        try (JsonParser p = factory.createParser(utf8)) {
            StreamMessage fast = tryFast(p);
            if (fast != null) {
                return fast;
            }
        } catch (IOException | RuntimeException e) {
            // fall through to the tolerant path, which reports Unknown if it fails too
        }
        return decodeTree(new String(utf8, StandardCharsets.UTF_8));
    }

    /** Decodes a text frame. */
    public StreamMessage decode(String text) {
        if (text.startsWith("{\"m\":\"") && text.length() > 6) {
            char first = text.charAt(6);
            if (first == 'd' || first == 't' || first == 'f') {
                StreamMessage scanned = ByteScanner.scan(text.getBytes(StandardCharsets.UTF_8), repeated);
                if (scanned != null) {
                    return scanned;
                }
            }
        }
        try (JsonParser p = factory.createParser(text)) {
            StreamMessage fast = tryFast(p);
            if (fast != null) {
                return fast;
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return decodeTree(text);
    }

    private StreamMessage decodeTree(String text) {
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (IOException | RuntimeException e) {
            // RuntimeException too: Jackson throws NumberFormatException for a number like 1e115188077966308
            return new Unknown(null, text);
        }
        if (root == null || !root.isObject()) {
            return new Unknown(null, text);
        }
        String m = root.path("m").asText(null);
        if (m == null && "connected".equals(root.path("op").asText(null))) {
            m = "connected"; // one section spells it with op
        }
        Class<? extends StreamMessage> type = m == null ? null : TYPES.get(m);
        if (type == null) {
            return new Unknown(m, text);
        }
        try {
            return mapper.treeToValue(root, type);
        } catch (IOException | RuntimeException e) {
            return new Unknown(m, text);
        }
    }

    /** The streaming path: returns null when the message is not one it handles or {@code m} is not first. */
    private StreamMessage tryFast(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME
            || !"m".equals(p.currentName()) || p.nextToken() != JsonToken.VALUE_STRING) {
            return null;
        }
        char[] buf = p.getTextCharacters();
        int off = p.getTextOffset();
        int len = p.getTextLength();
        if (is("depth", buf, off, len)) {
            return readDepth(p, false);
        }
        if (is("trades", buf, off, len)) {
            return readTrades(p);
        }
        if (is("futures-order", buf, off, len)) {
            return readOrder(p);
        }
        if (is("bbo", buf, off, len)) {
            return readBbo(p);
        }
        if (is("depth-snapshot", buf, off, len)) {
            return readDepth(p, true);
        }
        return null;
    }

    private StreamMessage readDepth(JsonParser p, boolean snapshot) throws IOException {
        String symbol = null;
        DepthData data = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if ("symbol".equals(name)) {
                symbol = repeatedText(p, t, RepeatedStrings.SYMBOL);
            } else if ("data".equals(name) && t == JsonToken.START_OBJECT) {
                data = readDepthData(p);
            } else {
                p.skipChildren();
            }
        }
        return snapshot ? new DepthSnapshot(symbol, data) : new DepthUpdate(symbol, data);
    }

    private static DepthData readDepthData(JsonParser p) throws IOException {
        Long ts = null;
        Long seqnum = null;
        List<PriceLevel> asks = null;
        List<PriceLevel> bids = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "ts":
                    ts = longValue(p, t);
                    break;
                case "seqnum":
                    seqnum = longValue(p, t);
                    break;
                case "asks":
                    asks = readLevels(p, t);
                    break;
                case "bids":
                    bids = readLevels(p, t);
                    break;
                default:
                    p.skipChildren();
            }
        }
        return new DepthData(ts, seqnum, asks, bids);
    }

    private static List<PriceLevel> readLevels(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            return null;
        }
        List<PriceLevel> levels = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_ARRAY) {
            levels.add(readLevel(p));
        }
        return levels;
    }

    /** Reads {@code [price, size]} after its START_ARRAY, up to and including its END_ARRAY. */
    private static PriceLevel readLevel(JsonParser p) throws IOException {
        BigDecimal price = decimal(p, p.nextToken());
        BigDecimal size = decimal(p, p.nextToken());
        while (p.nextToken() != JsonToken.END_ARRAY) {
            p.skipChildren();
        }
        return new PriceLevel(price, size);
    }

    private StreamMessage readBbo(JsonParser p) throws IOException {
        String symbol = null;
        BboData data = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if ("symbol".equals(name)) {
                symbol = repeatedText(p, t, RepeatedStrings.SYMBOL);
            } else if ("data".equals(name) && t == JsonToken.START_OBJECT) {
                Long ts = null;
                PriceLevel bid = null;
                PriceLevel ask = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken v = p.nextToken();
                    if ("ts".equals(field)) {
                        ts = longValue(p, v);
                    } else if ("bid".equals(field) && v == JsonToken.START_ARRAY) {
                        bid = readLevel(p);
                    } else if ("ask".equals(field) && v == JsonToken.START_ARRAY) {
                        ask = readLevel(p);
                    } else {
                        p.skipChildren();
                    }
                }
                data = new BboData(ts, bid, ask);
            } else {
                p.skipChildren();
            }
        }
        return new Bbo(symbol, data);
    }

    private StreamMessage readTrades(JsonParser p) throws IOException {
        String symbol = null;
        List<Trade> trades = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if ("symbol".equals(name)) {
                symbol = repeatedText(p, t, RepeatedStrings.SYMBOL);
            } else if ("data".equals(name) && t == JsonToken.START_ARRAY) {
                trades = new ArrayList<>();
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    trades.add(readTrade(p));
                }
            } else {
                p.skipChildren();
            }
        }
        return new Trades(symbol, trades);
    }

    private static Trade readTrade(JsonParser p) throws IOException {
        BigDecimal price = null;
        BigDecimal qty = null;
        Long ts = null;
        Boolean bm = null;
        Long seqnum = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "p":
                    price = decimal(p, t);
                    break;
                case "q":
                    qty = decimal(p, t);
                    break;
                case "ts":
                    ts = longValue(p, t);
                    break;
                case "bm":
                    bm = t == JsonToken.VALUE_TRUE ? Boolean.TRUE : t == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
                    break;
                case "seqnum":
                    seqnum = longValue(p, t);
                    break;
                default:
                    p.skipChildren();
            }
        }
        return new Trade(price, qty, ts, bm, seqnum);
    }

    private StreamMessage readOrder(JsonParser p) throws IOException {
        Long sn = null;
        String e = null;
        String a = null;
        AccountCategory ac = null;
        Long t = null;
        Long ct = null;
        String orderId = null;
        Side sd = null;
        OrderType ot = null;
        BigDecimal q = null;
        BigDecimal price = null;
        BigDecimal sp = null;
        String spb = null;
        String s = null;
        OrderStatus st = null;
        BigDecimal lp = null;
        BigDecimal lq = null;
        BigDecimal ap = null;
        BigDecimal cfq = null;
        BigDecimal f = null;
        BigDecimal cf = null;
        String fa = null;
        ExecInst ei = null;
        String err = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken tok = p.nextToken();
            switch (name) {
                case "sn": sn = longValue(p, tok); break;
                case "e": e = repeatedText(p, tok, RepeatedStrings.EVENT); break;
                case "a": a = repeatedText(p, tok, RepeatedStrings.ACCOUNT); break;
                case "ac": ac = known(p, tok, AC, AccountCategory::of); break;
                case "t": t = longValue(p, tok); break;
                case "ct": ct = longValue(p, tok); break;
                case "orderId": orderId = text(p, tok); break;
                case "sd": sd = known(p, tok, SIDES, Side::of); break;
                case "ot": ot = known(p, tok, ORDER_TYPES, OrderType::of); break;
                case "q": q = decimal(p, tok); break;
                case "p": price = decimal(p, tok); break;
                case "sp": sp = decimal(p, tok); break;
                case "spb": spb = repeatedText(p, tok, RepeatedStrings.STOP_BY); break;
                case "s": s = repeatedText(p, tok, RepeatedStrings.SYMBOL); break;
                case "st": st = known(p, tok, STATUSES, OrderStatus::of); break;
                case "lp": lp = decimal(p, tok); break;
                case "lq": lq = decimal(p, tok); break;
                case "ap": ap = decimal(p, tok); break;
                case "cfq": cfq = decimal(p, tok); break;
                case "f": f = decimal(p, tok); break;
                case "cf": cf = decimal(p, tok); break;
                case "fa": fa = repeatedText(p, tok, RepeatedStrings.FEE_ASSET); break;
                case "ei": ei = known(p, tok, EXEC_INSTS, ExecInst::of); break;
                case "err": err = repeatedText(p, tok, RepeatedStrings.ERROR); break;
                default: p.skipChildren();
            }
        }
        return new OrderReport(sn, e, a, ac, t, ct, orderId, sd, ot, q, price, sp, spb, s, st, lp, lq, ap, cfq, f, cf,
            fa, ei, err);
    }

    // the reference spellings of the enums of futures-order, matched on the parser's buffer without a String
    private static final AccountCategory[] AC = {AccountCategory.FUTURES, AccountCategory.CASH, AccountCategory.MARGIN};
    private static final Side[] SIDES = {Side.BUY, Side.SELL};
    private static final OrderType[] ORDER_TYPES = {OrderType.LIMIT, OrderType.MARKET, OrderType.STOP_LIMIT,
        OrderType.STOP_MARKET};
    private static final OrderStatus[] STATUSES = {OrderStatus.NEW, OrderStatus.PARTIALLY_FILLED, OrderStatus.FILLED,
        OrderStatus.CANCELED, OrderStatus.REJECTED, OrderStatus.PENDING_NEW, OrderStatus.EXPIRED};
    private static final ExecInst[] EXEC_INSTS = {ExecInst.NULL_VAL, ExecInst.POST, ExecInst.REDUCE_ONLY,
        ExecInst.LIQUIDATION, ExecInst.POST_REDUCE_ONLY};

    private static <T extends dev.bitmaxconnect.client.model.WireEnum<?>> T known(JsonParser p, JsonToken t, T[] common,
                                                                                   java.util.function.Function<String, T> of)
        throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            char[] buf = p.getTextCharacters();
            int off = p.getTextOffset();
            int len = p.getTextLength();
            for (T c : common) {
                String raw = c.raw();
                if (raw.length() == len && sameChars(raw, buf, off)) {
                    return c;
                }
            }
        }
        return of.apply(text(p, t));
    }

    private static boolean is(String s, char[] buf, int off, int len) {
        return s.length() == len && sameChars(s, buf, off);
    }

    private static boolean sameChars(String s, char[] buf, int off) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != buf[off + i]) {
                return false;
            }
        }
        return true;
    }

    private String repeatedText(JsonParser p, JsonToken t, int slot) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return repeated.get(slot, p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        }
        return text(p, t);
    }

    private static String text(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_STRING && p.getTextLength() == 0) {
            return "";
        }
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            throw new IOException("expected a scalar at " + p.currentName());
        }
        return p.getText();
    }

    private static Long longValue(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_STRING) {
            return Long.parseLong(p.getText().trim());
        }
        throw new IOException("expected an integer at " + p.currentName() + ", got " + t);
    }

    /** Decimals arrive as JSON strings; parse them from the parser's buffer without a String. */
    private static BigDecimal decimal(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            int len = p.getTextLength();
            if (len == 0) {
                throw new IOException("empty decimal at " + p.currentName());
            }
            return DecimalParser.parse(p.getTextCharacters(), p.getTextOffset(), len);
        }
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return DecimalParser.requireBounded(p.getDecimalValue());
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        throw new IOException("expected a decimal at " + p.currentName() + ", got " + t);
    }
}
