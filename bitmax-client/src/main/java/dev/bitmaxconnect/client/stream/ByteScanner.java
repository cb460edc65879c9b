package dev.bitmaxconnect.client.stream;

import dev.bitmaxconnect.client.json.DecimalParser;
import dev.bitmaxconnect.client.model.AccountCategory;
import dev.bitmaxconnect.client.model.ExecInst;
import dev.bitmaxconnect.client.model.OrderStatus;
import dev.bitmaxconnect.client.model.OrderType;
import dev.bitmaxconnect.client.model.Side;
import dev.bitmaxconnect.client.model.WireEnum;
import dev.bitmaxconnect.client.stream.StreamMessage.DepthData;
import dev.bitmaxconnect.client.stream.StreamMessage.DepthUpdate;
import dev.bitmaxconnect.client.stream.StreamMessage.OrderReport;
import dev.bitmaxconnect.client.stream.StreamMessage.PriceLevel;
import dev.bitmaxconnect.client.stream.StreamMessage.Trade;
import dev.bitmaxconnect.client.stream.StreamMessage.Trades;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A byte-level reader for the three busiest messages (depth, trades, futures-order) in the shape the
 * exchange sends them: {@code m} first, ASCII strings without escapes, decimals as strings, integers as
 * numbers. It reads straight from the frame's bytes, with no token objects and no char copies. Anything
 * else (an escape, a null, a number where a string was expected, non-ASCII text, malformed JSON) makes it
 * give up, and the caller decodes the frame with Jackson instead. One instance per frame.
 */
final class ByteScanner {
    /** Thrown to give up; carries no stack trace, so giving up is cheap. */
    private static final RuntimeException GIVE_UP = new RuntimeException("not the common shape", null, false, false) {
    };
    private static final int MAX_DEPTH = 16;
    private static final int MAX_FAST_DIGITS = 18;

    private static final AccountCategory[] AC = {AccountCategory.FUTURES, AccountCategory.CASH, AccountCategory.MARGIN};
    private static final Side[] SIDES = {Side.BUY, Side.SELL};
    private static final OrderType[] ORDER_TYPES = {OrderType.LIMIT, OrderType.MARKET, OrderType.STOP_LIMIT,
        OrderType.STOP_MARKET};
    private static final OrderStatus[] STATUSES = {OrderStatus.NEW, OrderStatus.PARTIALLY_FILLED, OrderStatus.FILLED,
        OrderStatus.CANCELED, OrderStatus.REJECTED, OrderStatus.PENDING_NEW, OrderStatus.EXPIRED};
    private static final ExecInst[] EXEC_INSTS = {ExecInst.NULL_VAL, ExecInst.POST, ExecInst.REDUCE_ONLY,
        ExecInst.LIQUIDATION, ExecInst.POST_REDUCE_ONLY};

    private final byte[] b;
    private final int end;
    private final RepeatedStrings repeated;
    private int i;
    /** Bounds of the last string read, quotes excluded. */
    private int strStart;
    private int strLen;

    private ByteScanner(byte[] bytes, RepeatedStrings repeated) {
        this.b = bytes;
        this.end = bytes.length;
        this.repeated = repeated;
    }

    /** The decoded message, or null when the frame is not one of the three in their common shape. */
    static StreamMessage scan(byte[] bytes, RepeatedStrings repeated) {
        try {
            return new ByteScanner(bytes, repeated).message();
        } catch (RuntimeException e) {
            return null; // GIVE_UP, or a number too odd to parse here: Jackson decides
        }
    }

    private StreamMessage message() {
        expect('{');
        string();
        if (!nameIs("m")) {
            return null;
        }
        expect(':');
        string();
        StreamMessage result;
        if (nameIs("depth")) {
            result = depth();
        } else if (nameIs("trades")) {
            result = trades();
        } else if (nameIs("futures-order")) {
            result = order();
        } else {
            return null;
        }
        ws();
        if (i != end) {
            throw GIVE_UP;
        }
        return result;
    }

    // ------------------------------------------------------------------ messages

    private StreamMessage depth() {
        String symbol = null;
        DepthData data = null;
        while (nextField()) {
            if (nameIs("symbol")) {
                symbol = repeatedString(RepeatedStrings.SYMBOL);
            } else if (nameIs("data")) {
                data = depthData();
            } else {
                skipValue(0);
            }
        }
        return new DepthUpdate(symbol, data);
    }

    private DepthData depthData() {
        expect('{');
        Long ts = null;
        Long seqnum = null;
        List<PriceLevel> asks = null;
        List<PriceLevel> bids = null;
        if (!consume('}')) {
            do {
                string();
                expect(':');
                if (nameIs("ts")) {
                    ts = longValue();
                } else if (nameIs("seqnum")) {
                    seqnum = longValue();
                } else if (nameIs("asks")) {
                    asks = levels();
                } else if (nameIs("bids")) {
                    bids = levels();
                } else {
                    skipValue(1);
                }
            } while (commaOrClose('}'));
        }
        return new DepthData(ts, seqnum, asks, bids);
    }

    private List<PriceLevel> levels() {
        expect('[');
        List<PriceLevel> levels = new ArrayList<>();
        if (consume(']')) {
            return levels;
        }
        do {
            expect('[');
            BigDecimal price = decimal();
            expect(',');
            BigDecimal size = decimal();
            expect(']');
            levels.add(new PriceLevel(price, size));
        } while (commaOrClose(']'));
        return levels;
    }

    private StreamMessage trades() {
        String symbol = null;
        List<Trade> trades = null;
        while (nextField()) {
            if (nameIs("symbol")) {
                symbol = repeatedString(RepeatedStrings.SYMBOL);
            } else if (nameIs("data")) {
                trades = tradeList();
            } else {
                skipValue(0);
            }
        }
        return new Trades(symbol, trades);
    }

    private List<Trade> tradeList() {
        expect('[');
        List<Trade> trades = new ArrayList<>();
        if (consume(']')) {
            return trades;
        }
        do {
            expect('{');
            BigDecimal price = null;
            BigDecimal qty = null;
            Long ts = null;
            Boolean bm = null;
            Long seqnum = null;
            if (!consume('}')) {
                do {
                    string();
                    expect(':');
                    if (nameIs("p")) {
                        price = decimal();
                    } else if (nameIs("q")) {
                        qty = decimal();
                    } else if (nameIs("ts")) {
                        ts = longValue();
                    } else if (nameIs("bm")) {
                        bm = bool();
                    } else if (nameIs("seqnum")) {
                        seqnum = longValue();
                    } else {
                        skipValue(2);
                    }
                } while (commaOrClose('}'));
            }
            trades.add(new Trade(price, qty, ts, bm, seqnum));
        } while (commaOrClose(']'));
        return trades;
    }

    private StreamMessage order() {
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
        BigDecimal p = null;
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
        while (nextField()) {
            switch (strLen) {
                case 1:
                    switch (b[strStart]) {
                        case 'e': e = repeatedString(RepeatedStrings.EVENT); break;
                        case 'a': a = repeatedString(RepeatedStrings.ACCOUNT); break;
                        case 't': t = longValue(); break;
                        case 'q': q = decimal(); break;
                        case 'p': p = decimal(); break;
                        case 's': s = repeatedString(RepeatedStrings.SYMBOL); break;
                        case 'f': f = decimal(); break;
                        default: skipValue(0);
                    }
                    break;
                case 2:
                    if (nameIs("sn")) {
                        sn = longValue();
                    } else if (nameIs("ac")) {
                        ac = known(AC, AccountCategory::of);
                    } else if (nameIs("ct")) {
                        ct = longValue();
                    } else if (nameIs("sd")) {
                        sd = known(SIDES, Side::of);
                    } else if (nameIs("ot")) {
                        ot = known(ORDER_TYPES, OrderType::of);
                    } else if (nameIs("sp")) {
                        sp = decimal();
                    } else if (nameIs("st")) {
                        st = known(STATUSES, OrderStatus::of);
                    } else if (nameIs("lp")) {
                        lp = decimal();
                    } else if (nameIs("lq")) {
                        lq = decimal();
                    } else if (nameIs("ap")) {
                        ap = decimal();
                    } else if (nameIs("cf")) {
                        cf = decimal();
                    } else if (nameIs("fa")) {
                        fa = repeatedString(RepeatedStrings.FEE_ASSET);
                    } else if (nameIs("ei")) {
                        ei = known(EXEC_INSTS, ExecInst::of);
                    } else {
                        skipValue(0);
                    }
                    break;
                default:
                    if (nameIs("orderId")) {
                        orderId = plainString();
                    } else if (nameIs("cfq")) {
                        cfq = decimal();
                    } else if (nameIs("spb")) {
                        spb = repeatedString(RepeatedStrings.STOP_BY);
                    } else if (nameIs("err")) {
                        err = repeatedString(RepeatedStrings.ERROR);
                    } else {
                        skipValue(0);
                    }
            }
        }
        return new OrderReport(sn, e, a, ac, t, ct, orderId, sd, ot, q, p, sp, spb, s, st, lp, lq, ap, cfq, f, cf,
            fa, ei, err);
    }

    // ------------------------------------------------------------------ values

    /** After a value of the top-level object: the next field name and its colon, or false at the closing brace. */
    private boolean nextField() {
        ws();
        if (i >= end) {
            throw GIVE_UP;
        }
        byte c = b[i++];
        if (c == '}') {
            return false;
        }
        if (c != ',') {
            throw GIVE_UP;
        }
        string();
        expect(':');
        return true;
    }

    /** True after a comma, false after the closing character. */
    private boolean commaOrClose(char close) {
        ws();
        if (i >= end) {
            throw GIVE_UP;
        }
        byte c = b[i++];
        if (c == ',') {
            return true;
        }
        if (c == close) {
            return false;
        }
        throw GIVE_UP;
    }

    /** Reads a string; only plain ASCII without escapes or control characters is accepted. */
    private void string() {
        ws();
        if (i >= end || b[i] != '"') {
            throw GIVE_UP;
        }
        int start = ++i;
        while (i < end) {
            byte c = b[i];
            if (c == '"') {
                strStart = start;
                strLen = i - start;
                i++;
                return;
            }
            if (c == '\\' || c < 0x20) { // c < 0 too: non-ASCII
                throw GIVE_UP;
            }
            i++;
        }
        throw GIVE_UP;
    }

    private boolean nameIs(String name) {
        if (name.length() != strLen) {
            return false;
        }
        for (int k = 0; k < strLen; k++) {
            if (b[strStart + k] != name.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private String plainString() {
        string();
        return strLen == 0 ? "" : new String(b, strStart, strLen, StandardCharsets.ISO_8859_1);
    }

    private String repeatedString(int slot) {
        string();
        return repeated.get(slot, b, strStart, strLen);
    }

    private <T extends WireEnum<?>> T known(T[] common, Function<String, T> of) {
        string();
        for (T c : common) {
            if (nameIs(c.raw())) {
                return c;
            }
        }
        return of.apply(new String(b, strStart, strLen, StandardCharsets.ISO_8859_1));
    }

    /** A decimal string: plain digits with at most one dot and 18 significant digits, else give up. */
    private BigDecimal decimal() {
        string();
        if (strLen > DecimalParser.MAX_LENGTH) {
            throw GIVE_UP; // refused by the Jackson path, which says so with an Unknown
        }
        int k = strStart;
        int stop = strStart + strLen;
        if (strLen == 1 && b[k] == '0') {
            return BigDecimal.ZERO;
        }
        boolean negative = false;
        if (k < stop && b[k] == '-') {
            negative = true;
            k++;
        }
        long unscaled = 0;
        int digits = 0;
        int significant = 0;
        int scale = 0;
        boolean dot = false;
        for (; k < stop; k++) {
            byte c = b[k];
            if (c >= '0' && c <= '9') {
                digits++;
                if (significant > 0 || c != '0') {
                    significant++;
                }
                if (significant > MAX_FAST_DIGITS) {
                    throw GIVE_UP;
                }
                unscaled = unscaled * 10 + (c - '0');
                if (dot) {
                    scale++;
                }
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                throw GIVE_UP;
            }
        }
        if (digits == 0) {
            throw GIVE_UP;
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
    }

    /** A JSON integer of at most 18 digits. */
    private Long longValue() {
        ws();
        int start = i;
        boolean negative = false;
        if (i < end && b[i] == '-') {
            negative = true;
            i++;
        }
        long value = 0;
        int digits = 0;
        while (i < end) {
            byte c = b[i];
            if (c < '0' || c > '9') {
                break;
            }
            value = value * 10 + (c - '0');
            digits++;
            i++;
        }
        if (digits == 0 || digits > MAX_FAST_DIGITS || (digits > 1 && b[negative ? start + 1 : start] == '0')) {
            throw GIVE_UP;
        }
        if (i < end && (b[i] == '.' || b[i] == 'e' || b[i] == 'E')) {
            throw GIVE_UP;
        }
        return negative ? -value : value;
    }

    private Boolean bool() {
        ws();
        if (matches("true")) {
            return Boolean.TRUE;
        }
        if (matches("false")) {
            return Boolean.FALSE;
        }
        throw GIVE_UP;
    }

    private boolean matches(String literal) {
        if (end - i < literal.length()) {
            return false;
        }
        for (int k = 0; k < literal.length(); k++) {
            if (b[i + k] != literal.charAt(k)) {
                return false;
            }
        }
        i += literal.length();
        return true;
    }

    /** Skips a value of a field this reader does not use. */
    private void skipValue(int depth) {
        if (depth > MAX_DEPTH) {
            throw GIVE_UP;
        }
        ws();
        if (i >= end) {
            throw GIVE_UP;
        }
        byte c = b[i];
        if (c == '"') {
            string();
        } else if (c == '{') {
            i++;
            if (!consume('}')) {
                do {
                    string();
                    expect(':');
                    skipValue(depth + 1);
                } while (commaOrClose('}'));
            }
        } else if (c == '[') {
            i++;
            if (!consume(']')) {
                do {
                    skipValue(depth + 1);
                } while (commaOrClose(']'));
            }
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            i++;
            while (i < end && ((b[i] >= '0' && b[i] <= '9') || b[i] == '.' || b[i] == 'e' || b[i] == 'E'
                || b[i] == '+' || b[i] == '-')) {
                i++;
            }
        } else if (!(matches("true") || matches("false") || matches("null"))) {
            throw GIVE_UP;
        }
    }

    private void ws() {
        while (i < end) {
            byte c = b[i];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            i++;
        }
    }

    private boolean consume(char c) {
        ws();
        if (i < end && b[i] == c) {
            i++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!consume(c)) {
            throw GIVE_UP;
        }
    }
}
