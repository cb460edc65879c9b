package dev.bitmaxconnect.sink.command;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/**
 * Reads a command from a record value: a Connect {@link Struct} (Avro, JSON Schema or Protobuf
 * converters), a {@link Map} (schemaless JSON), or a JSON document as a String, byte[] or ByteBuffer.
 * Every error names the field and the value. Decimals must be strings or exact numbers: a
 * floating-point number is refused rather than rounded.
 */
public final class OrderCommandParser {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // {"orderQty":"1","orderQty":"1000"} is ambiguous: refuse it rather than keep the last one.
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    /** The same reader keeping the last value of a field given twice: only to name a refused command. */
    private static final ObjectMapper LENIENT_JSON =
            JSON.copy().disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    /** Jackson's message for a field given twice. */
    private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '(.*)'");

    /** A decimal as text: ASCII digits only (BigDecimal would read other scripts' digits too), short exponent. */
    private static final Pattern DECIMAL_TEXT = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,4})?");
    /** Digits before the point that any price, quantity or amount may have. */
    static final int MAX_INTEGER_DIGITS = 30;
    /** Digits after the point that any price, quantity or amount may have. */
    static final int MAX_FRACTION_DIGITS = 30;

    static final Set<String> ORDER_FIELDS = Set.of("id", "symbol", "side", "orderType", "price", "orderPrice",
            "orderQty", "stopPrice", "timeInForce", "postOnly", "execInst", "respInst", "posStopLossPrice",
            "posTakeProfitPrice");
    static final Set<String> CANCEL_FIELDS = Set.of("id", "orderId", "origId", "symbol");
    // The fields of each action's command, known once: parse runs for every record.
    private static final Set<String> PLACE_COMMAND_FIELDS = union(ORDER_FIELDS, Set.of("action"));
    private static final Set<String> CANCEL_COMMAND_FIELDS = union(CANCEL_FIELDS, Set.of("action"));
    private static final Set<String> CANCEL_ALL_FIELDS = Set.of("action", "id", "symbol");
    private static final Set<String> BATCH_FIELDS = Set.of("action", "id", "orders");
    private static final Set<String> SET_LEVERAGE_FIELDS = Set.of("action", "id", "symbol", "leverage");
    private static final Set<String> SET_MARGIN_TYPE_FIELDS = Set.of("action", "id", "symbol", "marginType");
    private static final Set<String> TRANSFER_FIELDS = Set.of("action", "id", "asset", "amount");

    /**
     * Parses a record value; throws {@link CommandFormatException} naming the field at fault and, whenever
     * they can be read, the command's own {@code id} and action.
     */
    public OrderCommand parse(Object value) {
        Map<String, Object> m = toMap(value);
        try {
            return parseMap(m);
        } catch (CommandFormatException e) {
            throw e.of(readableId(m), readableAction(m));
        }
    }

    /** The command's {@code id} if it is a non-empty string, whatever else is wrong with the command. */
    private static String readableId(Map<String, Object> m) {
        return m.get("id") instanceof String s && !s.trim().isEmpty() ? s.trim() : null;
    }

    private static CommandAction readableAction(Map<String, Object> m) {
        return m.get("action") instanceof String s ? CommandAction.fromName(s).orElse(null) : null;
    }

    Map<String, Object> toMap(Object value) {
        if (value == null) {
            throw CommandFormatException.unreadable("a tombstone", "the record has no value (a tombstone)");
        }
        if (value instanceof Struct struct) {
            return structToMap(struct);
        }
        if (value instanceof Map<?, ?> map) {
            return stringKeys(map, "");
        }
        if (value instanceof String text) {
            return readJson(text);
        }
        if (value instanceof byte[] bytes) {
            return readJson(utf8(bytes));
        }
        if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return readJson(utf8(bytes));
        }
        throw CommandFormatException.unreadable("not a command value", "a command must be a Struct, a Map or a "
                + "JSON document, got " + value.getClass().getSimpleName());
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw CommandFormatException.unreadable("not UTF-8 text",
                    "the record value is not UTF-8 text (" + bytes.length + " bytes)");
        }
    }

    private static Map<String, Object> readJson(String text) {
        Object tree;
        try {
            tree = JSON.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            String why = String.valueOf(e.getOriginalMessage());
            Matcher duplicate = DUPLICATE_FIELD.matcher(why);
            if (duplicate.matches()) {
                throw duplicateField(text, duplicate.group(1), why);
            }
            if (why.length() > 200) {
                why = why.substring(0, 200) + "...";
            }
            throw CommandFormatException.unreadable("not JSON", "the record value is not valid JSON (" + why + "): "
                    + quote(text));
        }
        if (tree instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked") // a JSON object's field names are strings: no copy to check them
            Map<String, Object> object = (Map<String, Object>) map;
            return object;
        }
        throw CommandFormatException.unreadable("not a JSON object", "a command must be a JSON object, got "
                + describe(tree));
    }

    /**
     * A field given twice: valid JSON, refused as ambiguous. The command is read once more keeping the last of
     * each field, only to name it by its {@code id} and action, unless the field given twice is one of those.
     */
    private static CommandFormatException duplicateField(String text, String field, String why) {
        CommandFormatException refused = CommandFormatException.invalid("duplicate field " + field, why
                + ": a field given twice is refused rather than one of its values taken");
        Map<String, Object> m;
        try {
            m = LENIENT_JSON.readValue(text, Object.class) instanceof Map<?, ?> map ? stringKeys(map, "") : Map.of();
        } catch (JsonProcessingException | CommandFormatException e) {
            m = Map.of();
        }
        return refused.of(field.equals("id") ? null : readableId(m),
                field.equals("action") ? null : readableAction(m));
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map, String path) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                String message = "field names must be strings, got " + describe(e.getKey());
                throw path.isEmpty() ? CommandFormatException.unreadable("not a command object", message)
                        : new CommandFormatException(path, message);
            }
            out.put(key, e.getValue());
        }
        return out;
    }

    private static Map<String, Object> structToMap(Struct struct) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field field : struct.schema().fields()) {
            out.put(field.name(), structValue(struct.get(field)));
        }
        return out;
    }

    private static Object structValue(Object v) {
        if (v instanceof Struct s) {
            return structToMap(s);
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                out.add(structValue(item));
            }
            return out;
        }
        return v;
    }

    OrderCommand parseMap(Map<String, Object> m) {
        String actionName = requiredString(m, "action", "");
        CommandAction action = CommandAction.fromName(actionName).orElseThrow(() -> new CommandFormatException(
                "action", "unknown action " + quote(actionName) + "; expected one of place, cancel, cancel-all, "
                        + "place-batch, cancel-batch, set-leverage, set-margin-type, deposit, withdraw"));
        String id = optionalString(m, "id", "");
        return switch (action) {
            case PLACE -> {
                checkKnown(m, PLACE_COMMAND_FIELDS, "");
                OrderItem order = order(m, "");
                yield new OrderCommand.Place(id, order);
            }
            case CANCEL -> {
                checkKnown(m, CANCEL_COMMAND_FIELDS, "");
                CancelItem cancel = cancel(m, "");
                yield new OrderCommand.Cancel(id, cancel);
            }
            case CANCEL_ALL -> {
                checkKnown(m, CANCEL_ALL_FIELDS, "");
                yield new OrderCommand.CancelAll(id, optionalString(m, "symbol", ""));
            }
            case PLACE_BATCH -> {
                checkKnown(m, BATCH_FIELDS, "");
                List<OrderItem> orders = new ArrayList<>();
                List<Map<String, Object>> items = list(m, "orders");
                for (int i = 0; i < items.size(); i++) {
                    String path = "orders[" + i + "].";
                    checkKnown(items.get(i), ORDER_FIELDS, path);
                    orders.add(order(items.get(i), path));
                }
                yield new OrderCommand.PlaceBatch(id, orders);
            }
            case CANCEL_BATCH -> {
                checkKnown(m, BATCH_FIELDS, "");
                List<CancelItem> cancels = new ArrayList<>();
                List<Map<String, Object>> items = list(m, "orders");
                for (int i = 0; i < items.size(); i++) {
                    String path = "orders[" + i + "].";
                    checkKnown(items.get(i), CANCEL_FIELDS, path);
                    cancels.add(cancel(items.get(i), path));
                }
                yield new OrderCommand.CancelBatch(id, cancels);
            }
            case SET_LEVERAGE -> {
                checkKnown(m, SET_LEVERAGE_FIELDS, "");
                yield new OrderCommand.SetLeverage(id, requiredString(m, "symbol", ""), requiredInt(m, "leverage"));
            }
            case SET_MARGIN_TYPE -> {
                checkKnown(m, SET_MARGIN_TYPE_FIELDS, "");
                yield new OrderCommand.SetMarginType(id, requiredString(m, "symbol", ""),
                        requiredEnum(m, ExchangeEnum.MARGIN_TYPE, ""));
            }
            case DEPOSIT, WITHDRAW -> {
                checkKnown(m, TRANSFER_FIELDS, "");
                BigDecimal amount = decimal(m, "amount", "");
                if (amount == null) {
                    throw new CommandFormatException("amount", "is required");
                }
                String asset = requiredString(m, "asset", "");
                yield action == CommandAction.DEPOSIT ? new OrderCommand.Deposit(id, asset, amount)
                        : new OrderCommand.Withdraw(id, asset, amount);
            }
        };
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        return out;
    }

    private static void checkKnown(Map<String, Object> m, Set<String> known, String path) {
        for (Map.Entry<String, Object> e : m.entrySet()) {
            // A Struct carries every field of its schema; only a set unknown field is a mistake.
            if (!known.contains(e.getKey()) && e.getValue() != null) {
                throw new CommandFormatException(path + e.getKey(), "unknown field (value "
                        + describe(e.getValue()) + "); a misspelt field is refused rather than ignored");
            }
        }
    }

    private static OrderItem order(Map<String, Object> m, String path) {
        BigDecimal price = decimal(m, "price", path);
        BigDecimal orderPrice = decimal(m, "orderPrice", path);
        if (price != null && orderPrice != null && price.compareTo(orderPrice) != 0) {
            throw new CommandFormatException(path + "price", "price " + price.toPlainString()
                    + " and orderPrice " + orderPrice.toPlainString() + " disagree");
        }
        return new OrderItem(
                optionalString(m, "id", path),
                requiredString(m, "symbol", path),
                requiredEnum(m, ExchangeEnum.SIDE, path),
                requiredEnum(m, ExchangeEnum.ORDER_TYPE, path),
                price != null ? price : orderPrice,
                decimal(m, "orderQty", path),
                decimal(m, "stopPrice", path),
                optionalEnum(m, ExchangeEnum.TIME_IN_FORCE, path),
                bool(m, "postOnly", path),
                optionalEnum(m, ExchangeEnum.EXEC_INST, path),
                optionalEnum(m, ExchangeEnum.RESP_INST, path),
                decimal(m, "posStopLossPrice", path),
                decimal(m, "posTakeProfitPrice", path));
    }

    private static CancelItem cancel(Map<String, Object> m, String path) {
        String orderId = optionalString(m, "orderId", path);
        String origId = optionalString(m, "origId", path);
        if (orderId == null && origId == null) {
            throw new CommandFormatException(path + "orderId", "is required (or origId, the client id the order "
                    + "was placed with)");
        }
        return new CancelItem(optionalString(m, "id", path), orderId, origId, requiredString(m, "symbol", path));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> m, String field) {
        Object v = m.get(field);
        if (v == null) {
            throw new CommandFormatException(field, "is required (a list of orders)");
        }
        if (!(v instanceof List<?> items)) {
            throw new CommandFormatException(field, "expected a list, got " + describe(v));
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (!(item instanceof Map<?, ?> map)) {
                throw new CommandFormatException(field + "[" + i + "]", "expected an object, got " + describe(item));
            }
            out.add(stringKeys(map, field + "[" + i + "]"));
        }
        return out;
    }

    private static String requiredString(Map<String, Object> m, String field, String path) {
        String s = optionalString(m, field, path);
        if (s == null) {
            throw new CommandFormatException(path + field, "is required");
        }
        return s;
    }

    private static String optionalString(Map<String, Object> m, String field, String path) {
        Object v = m.get(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw new CommandFormatException(path + field, "expected a string, got " + describe(v));
        }
        String trimmed = s.trim();
        if (trimmed.isEmpty()) {
            throw new CommandFormatException(path + field, "must not be empty");
        }
        return trimmed;
    }

    private static String requiredEnum(Map<String, Object> m, ExchangeEnum e, String path) {
        String s = optionalEnum(m, e, path);
        if (s == null) {
            throw new CommandFormatException(path + e.field(), "is required; expected one of " + e.spellings());
        }
        return s;
    }

    private static String optionalEnum(Map<String, Object> m, ExchangeEnum e, String path) {
        String s = optionalString(m, e.field(), path);
        if (s == null) {
            return null;
        }
        return e.canonical(s).orElseThrow(() -> new CommandFormatException(path + e.field(),
                "unknown value " + quote(s) + "; expected one of " + e.spellings()));
    }

    private static BigDecimal decimal(Map<String, Object> m, String field, String path) {
        Object v = m.get(field);
        if (v == null) {
            return null;
        }
        if (v instanceof BigDecimal d) {
            return bounded(d, d.toString(), path + field);
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        if (v instanceof BigInteger i) {
            return bounded(new BigDecimal(i), i.toString(), path + field);
        }
        if (v instanceof Double || v instanceof Float) {
            throw new CommandFormatException(path + field, "got the floating-point number " + v
                    + "; send decimals as strings (\"" + v + "\") so that no digit is lost");
        }
        if (v instanceof String s) {
            String text = s.trim();
            if (text.length() > 100 || !DECIMAL_TEXT.matcher(text).matches()) {
                throw new CommandFormatException(path + field, "expected a decimal number, got " + quote(s));
            }
            return bounded(new BigDecimal(text), s, path + field);
        }
        throw new CommandFormatException(path + field, "expected a decimal string, got " + describe(v));
    }

    /**
     * Refuses absurd magnitudes before anything computes with them: {@code 1e999999999} is one short string
     * but a billion digits once printed plainly or divided by a tick size.
     */
    private static BigDecimal bounded(BigDecimal d, String shown, String field) {
        if (d.signum() == 0) {
            return d.setScale(0);
        }
        long integerDigits = (long) d.precision() - d.scale();
        long fractionDigits = Math.max(0, d.stripTrailingZeros().scale());
        if (integerDigits > MAX_INTEGER_DIGITS || fractionDigits > MAX_FRACTION_DIGITS) {
            throw new CommandFormatException(field, quote(shown) + " is out of range: at most "
                    + MAX_INTEGER_DIGITS + " digits before the point and " + MAX_FRACTION_DIGITS + " after it");
        }
        return d;
    }

    private static Integer requiredInt(Map<String, Object> m, String field) {
        Object v = m.get(field);
        if (v == null) {
            throw new CommandFormatException(field, "is required");
        }
        try {
            if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
                return Math.toIntExact(((Number) v).longValue());
            }
            if (v instanceof BigDecimal d) {
                return d.intValueExact();
            }
            if (v instanceof BigInteger i) {
                return i.intValueExact();
            }
            if (v instanceof String s) {
                return Integer.parseInt(s.trim());
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw new CommandFormatException(field, "expected an integer, got " + describe(v));
        }
        throw new CommandFormatException(field, "expected an integer, got " + describe(v));
    }

    private static Boolean bool(Map<String, Object> m, String field, String path) {
        Object v = m.get(field);
        if (v == null) {
            return null;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw new CommandFormatException(path + field, "expected true or false, got " + describe(v));
    }

    static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return quote(s) + " (a string)";
        }
        // Never print a whole object or list: it may be huge or nested thousands deep.
        if (v instanceof Map<?, ?> map) {
            return "an object with " + map.size() + (map.size() == 1 ? " field" : " fields");
        }
        if (v instanceof List<?> list) {
            return "a list of " + list.size() + (list.size() == 1 ? " item" : " items");
        }
        if (v instanceof Struct struct) {
            return "a struct " + struct.schema().name();
        }
        String text = String.valueOf(v);
        if (text.length() > 60) {
            text = text.substring(0, 60) + "...";
        }
        return text + " (" + v.getClass().getSimpleName() + ")";
    }

    static String quote(String s) {
        String shown = s.length() > 60 ? s.substring(0, 60) + "..." : s;
        return "\"" + shown + "\"";
    }
}
