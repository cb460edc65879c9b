package dev.bitmaxconnect.sink.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitmaxconnect.sink.validate.ContractFilters;
import dev.bitmaxconnect.sink.validate.ReferenceContracts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Hostile variants of valid commands: one mutation each (a field removed, a wrong type, an absurd number,
 * an overlong or exotic string, deep nesting, a duplicate key, an unknown field, an oversized batch),
 * labelled with whether the result must be refused and which field the refusal must name.
 */
final class HostileCommands {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Path COMMAND_EXAMPLES = Path.of("src", "main", "resources", "command-examples");
    private static final String DEEP = "\u0000deep\u0000";

    static final Set<String> STRING_FIELDS = Set.of("action", "id", "symbol", "side", "orderType", "timeInForce",
            "execInst", "respInst", "orderId", "origId", "marginType", "asset");
    static final Set<String> DECIMAL_FIELDS = Set.of("price", "orderPrice", "orderQty", "stopPrice",
            "posStopLossPrice", "posTakeProfitPrice", "amount");
    /** Fields whose value must be one of a known set: any other string is refused. */
    static final Set<String> CLOSED_FIELDS = Set.of("action", "symbol", "side", "orderType", "timeInForce",
            "execInst", "respInst", "marginType", "orderId", "asset");

    static final List<String> BAD_NUMBERS = List.of("NaN", "Infinity", "-Infinity", "0x1F", "1,5", "1..2", "",
            "  ", "+-1", "--1", "1e", "e5", "\u0661\u0662\u0663", "\uFF11\uFF12", "1e999999999", "-1e999999999",
            "1e-999999999", "1E+2147483647", "0.1e-2147483647", "12345678901234567890123456789012345678901234567890",
            "1_000", "Ⅻ", "null");
    static final List<String> NON_POSITIVE = List.of("-1", "0", "-0.0001", "0e10", "-1e3", "-0");

    /** A mutated command in the three shapes the parser reads (JSON text, schemaless Map; Struct is separate). */
    record Mutated(String kind, String json, Object map, boolean mustRefuse, String field, String value) {
        @Override
        public String toString() {
            String shown = json.length() > 300 ? json.substring(0, 300) + "...(" + json.length() + " chars)" : json;
            return kind + " field=" + field + " mustRefuse=" + mustRefuse + " " + shown;
        }
    }

    static final List<ObjectNode> SEEDS = loadSeeds();

    static ContractFilters referenceFilters() {
        return ReferenceContracts.filters();
    }

    private static List<ObjectNode> loadSeeds() {
        List<ObjectNode> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(COMMAND_EXAMPLES)) {
            for (Path f : files.sorted().toList()) {
                out.add((ObjectNode) JSON.readTree(f.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }

    static Mutated next(Random r) {
        ObjectNode cmd = SEEDS.get(r.nextInt(SEEDS.size())).deepCopy();
        // The object to mutate: the command itself, or one order of a batch.
        ObjectNode target = cmd;
        String path = "";
        String action = cmd.get("action").asText();
        if (cmd.get("orders") instanceof ArrayNode orders && r.nextBoolean()) {
            int i = r.nextInt(orders.size());
            target = (ObjectNode) orders.get(i);
            path = "orders[" + i + "].";
        }
        List<String> fields = new ArrayList<>();
        target.fieldNames().forEachRemaining(fields::add);
        String name = fields.get(r.nextInt(fields.size()));
        int kind = r.nextInt(12);
        switch (kind) {
            case 0 -> { // a required field removed
                List<String> required = required(action, target, path.isEmpty());
                if (required.isEmpty()) {
                    return random(r, cmd, target, name);
                }
                String f = required.get(r.nextInt(required.size()));
                target.remove(f);
                return refuse("removed", cmd, path + (f.equals("origId") ? "orderId" : f), null);
            }
            case 1 -> { // a wrong type
                JsonNode bad = wrongType(r, name);
                target.set(name, bad);
                return refuse("wrong-type", cmd, path + name, bad.isTextual() ? bad.asText() : null);
            }
            case 2 -> { // an absurd number
                List<String> decimals = present(target, DECIMAL_FIELDS);
                if (decimals.isEmpty()) {
                    return leverage(r, cmd);
                }
                String f = decimals.get(r.nextInt(decimals.size()));
                String v = BAD_NUMBERS.get(r.nextInt(BAD_NUMBERS.size()));
                target.put(f, v);
                return refuse("bad-number", cmd, path + f, v.length() <= 20 && !v.isBlank() ? v : null);
            }
            case 3 -> { // zero or negative
                List<String> decimals = present(target, DECIMAL_FIELDS);
                if (decimals.isEmpty()) {
                    return leverage(r, cmd);
                }
                String f = decimals.get(r.nextInt(decimals.size()));
                String v = NON_POSITIVE.get(r.nextInt(NON_POSITIVE.size()));
                if (r.nextBoolean()) {
                    target.put(f, v);
                } else {
                    target.put(f, new BigDecimal(v)); // a JSON number
                }
                return refuse("non-positive", cmd, path + f, null);
            }
            case 4, 5 -> { // an overlong or exotic string
                List<String> strings = present(target, STRING_FIELDS);
                if (strings.isEmpty()) {
                    return random(r, cmd, target, name);
                }
                String f = strings.get(r.nextInt(strings.size()));
                String v = kind == 4 ? overlong(r) : exotic(r);
                target.put(f, v);
                boolean closed = CLOSED_FIELDS.contains(f);
                return new Mutated(kind == 4 ? "overlong" : "unicode", json(cmd), toMap(cmd), closed,
                        closed ? path + f : null, null);
            }
            case 6 -> { // deep nesting
                int depth = 2 + r.nextInt(r.nextBoolean() ? 50 : 5000);
                target.put(name, DEEP);
                String text = json(cmd).replace(JSON.valueToTree(DEEP).toString(), nested(depth, r.nextBoolean()));
                Map<String, Object> map = toMap(cmd);
                replaceDeep(map, depth);
                // JSON text nested past Jackson's depth limit is refused as a whole, naming no field.
                return new Mutated("deep-nesting", text, map, true, depth < 400 ? path + name : null, null);
            }
            case 7 -> { // a duplicate key (JSON text only: a Map cannot hold one)
                JsonNode other = r.nextBoolean() ? target.get(name) : NODES.textNode("1");
                String text = json(cmd);
                String marker = JSON.valueToTree(name).toString() + ":";
                int at = target == cmd ? text.indexOf('{') + 1 : text.indexOf(marker);
                String dup = marker + other + (target == cmd ? "," : "");
                if (target != cmd) {
                    text = text.substring(0, at) + dup + "," + text.substring(at);
                } else {
                    text = text.substring(0, at) + dup + text.substring(at);
                }
                return new Mutated("duplicate-key", text, null, true, name, null);
            }
            case 8 -> { // an unknown field
                String f = r.nextBoolean() ? name + "x" : exotic(r);
                target.put(f, r.nextBoolean() ? NODES.textNode("GTC") : NODES.numberNode(1));
                return refuse("unknown-field", cmd, f.isEmpty() ? null : path + f, null);
            }
            case 9 -> { // a batch of 11 or more
                if (!(cmd.get("orders") instanceof ArrayNode orders)) {
                    return random(r, cmd, target, name);
                }
                int want = 11 + r.nextInt(r.nextInt(10) == 0 ? 500 : 20);
                List<JsonNode> copy = new ArrayList<>();
                orders.forEach(copy::add);
                for (int i = orders.size(); i < want; i++) {
                    orders.add(copy.get(i % copy.size()).deepCopy());
                }
                return refuse("oversized-batch", cmd, "orders", null);
            }
            case 10 -> { // bytes flipped or cut in the JSON text: anything may come out
                String text = json(cmd);
                StringBuilder b = new StringBuilder(text);
                int edits = 1 + r.nextInt(4);
                for (int i = 0; i < edits && b.length() > 0; i++) {
                    int at = r.nextInt(b.length());
                    switch (r.nextInt(3)) {
                        case 0 -> b.setCharAt(at, (char) r.nextInt(128));
                        case 1 -> b.deleteCharAt(at);
                        default -> b.setLength(at);
                    }
                }
                return new Mutated("spliced", b.toString(), null, false, null, null);
            }
            default -> {
                return random(r, cmd, target, name);
            }
        }
    }

    private static Mutated refuse(String kind, ObjectNode cmd, String field, String value) {
        return new Mutated(kind, json(cmd), toMap(cmd), true, field, value);
    }

    /** A random value of a random type in place of a field: no verdict expected, only a typed outcome. */
    private static Mutated random(Random r, ObjectNode cmd, ObjectNode target, String name) {
        JsonNode v = switch (r.nextInt(7)) {
            case 0 -> NODES.textNode(exotic(r));
            case 1 -> NODES.numberNode(r.nextLong());
            case 2 -> NODES.numberNode(new BigDecimal(r.nextGaussian() * 1e6).setScale(r.nextInt(12), RoundingMode.DOWN));
            case 3 -> NODES.booleanNode(r.nextBoolean());
            case 4 -> NODES.nullNode();
            case 5 -> NODES.textNode(Long.toString(r.nextInt(100_000)));
            default -> NODES.arrayNode().add(r.nextInt());
        };
        target.set(name, v);
        return new Mutated("random-value", json(cmd), toMap(cmd), false, null, null);
    }

    private static Mutated leverage(Random r, ObjectNode cmd) {
        ObjectNode c = SEEDS.stream().filter(s -> s.get("action").asText().equals("set-leverage")).findFirst()
                .orElseThrow().deepCopy();
        String v = List.of("0", "-1", "101", "1e9", "2147483648", "99999999999999999999", "NaN", "1.5", "ten", "")
                .get(r.nextInt(10));
        c.put("leverage", v);
        return refuse("bad-leverage", c, "leverage", v.isEmpty() ? null : v);
    }

    private static List<String> required(String action, ObjectNode target, boolean top) {
        List<String> out = new ArrayList<>();
        if (top) {
            out.add("action");
        }
        Set<String> fields = switch (action) {
            case "place", "place-batch" -> top && action.equals("place-batch") ? Set.of("orders")
                    : Set.of("symbol", "side", "orderType", "orderQty");
            case "cancel", "cancel-batch" -> top && action.equals("cancel-batch") ? Set.of("orders") : Set.of("symbol");
            case "set-leverage" -> Set.of("symbol", "leverage");
            case "set-margin-type" -> Set.of("symbol", "marginType");
            case "deposit", "withdraw" -> Set.of("asset", "amount");
            default -> Set.of();
        };
        out.addAll(present(target, fields));
        String type = target.path("orderType").asText("");
        if ((type.equals("Limit") || type.equals("StopLimit")) && target.has("price")) {
            out.add("price");
        }
        if (type.startsWith("Stop") && target.has("stopPrice")) {
            out.add("stopPrice");
        }
        // A cancel names its order by orderId or origId: removing the only one leaves nothing.
        if (target.has("orderId") != target.has("origId") && action.startsWith("cancel") && !action.equals("cancel-all")
                && !(top && action.equals("cancel-batch"))) {
            out.add(target.has("orderId") ? "orderId" : "origId");
        }
        return out;
    }

    private static List<String> present(ObjectNode o, Set<String> names) {
        List<String> out = new ArrayList<>();
        o.fieldNames().forEachRemaining(n -> {
            if (names.contains(n)) {
                out.add(n);
            }
        });
        out.sort(null);
        return out;
    }

    private static JsonNode wrongType(Random r, String name) {
        if (name.equals("orders")) {
            return r.nextBoolean() ? NODES.textNode("x") : NODES.objectNode();
        }
        if (name.equals("postOnly")) {
            return List.<JsonNode>of(NODES.numberNode(5), NODES.textNode("yes"), NODES.objectNode()).get(r.nextInt(3));
        }
        if (DECIMAL_FIELDS.contains(name) || name.equals("leverage")) {
            return List.<JsonNode>of(NODES.booleanNode(true), NODES.objectNode(), NODES.arrayNode(),
                    NODES.textNode("abc")).get(r.nextInt(4));
        }
        return List.<JsonNode>of(NODES.numberNode(12345), NODES.booleanNode(false), NODES.objectNode(),
                NODES.arrayNode().add("BTC-PERP")).get(r.nextInt(4));
    }

    static String overlong(Random r) {
        int n = 1_000 + r.nextInt(r.nextInt(50) == 0 ? 200_000 : 5_000);
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('a' + r.nextInt(26)));
        }
        return b.toString();
    }

    /** A string with at least one character far from ASCII (CJK, emoji, RTL, combining, NUL, lone surrogate). */
    static String exotic(Random r) {
        String[] pieces = {"\u4e70", "\uD83D\uDE80", "\u202E", "e\u0301", "\u0000", "\uD800", "\u200B", "Ｂｕｙ",
                "\u0130", "BTC\u2011PERP", "\uFEFF"};
        StringBuilder b = new StringBuilder();
        int n = 1 + r.nextInt(6);
        for (int i = 0; i < n; i++) {
            b.append(r.nextBoolean() ? pieces[r.nextInt(pieces.length)] : (char) ('A' + r.nextInt(26)));
        }
        b.append(pieces[r.nextInt(3)]);
        return b.toString();
    }

    private static String nested(int depth, boolean arrays) {
        StringBuilder b = new StringBuilder(depth * 6);
        for (int i = 0; i < depth; i++) {
            b.append(arrays ? "[" : "{\"a\":");
        }
        b.append('1');
        for (int i = 0; i < depth; i++) {
            b.append(arrays ? ']' : '}');
        }
        return b.toString();
    }

    @SuppressWarnings("unchecked")
    private static void replaceDeep(Object node, int depth) {
        if (node instanceof Map<?, ?> m) {
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                if (DEEP.equals(e.getValue())) {
                    Object v = 1L;
                    for (int i = 0; i < depth; i++) {
                        Map<String, Object> wrap = new LinkedHashMap<>();
                        wrap.put("a", v);
                        v = wrap;
                    }
                    e.setValue(v);
                } else {
                    replaceDeep(e.getValue(), depth);
                }
            }
        } else if (node instanceof List<?> l) {
            l.forEach(x -> replaceDeep(x, depth));
        }
    }

    static String json(JsonNode n) {
        return n.toString();
    }

    /** The value JsonConverter hands over without schemas: Long for integers, Double for other numbers. */
    static Map<String, Object> toMap(ObjectNode o) {
        Map<String, Object> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = o.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), plain(e.getValue()));
        }
        return out;
    }

    private static Object plain(JsonNode n) {
        if (n.isObject()) {
            return toMap((ObjectNode) n);
        }
        if (n.isArray()) {
            List<Object> out = new ArrayList<>();
            n.forEach(x -> out.add(plain(x)));
            return out;
        }
        if (n.isIntegralNumber()) {
            return n.canConvertToLong() ? (Object) n.asLong() : n.bigIntegerValue();
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (n.isNull()) {
            return null;
        }
        return n.asText();
    }

    private HostileCommands() {
    }
}
