package dev.bitmaxconnect.client.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitmaxconnect.client.testing.Examples;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Hostile WebSocket frames for the decoder fuzz tests: valid frames (the reference's stream examples and
 * depth/trades/futures-order in the exchange's usual shape) mutated in the tree (fields removed, types
 * changed, huge numbers, overlong and unicode strings, deep nesting, keys reordered) and in the bytes
 * (truncation, duplicate keys, flipped, inserted and invalid UTF-8 bytes). Deterministic for a given seed.
 */
final class HostileFrames {
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Valid frames to start from. */
    static final List<String> SEEDS = seeds();

    private HostileFrames() {
    }

    private static List<String> seeds() {
        List<String> seeds = new ArrayList<>();
        for (String name : Examples.names()) {
            JsonNode node = Examples.json(name);
            if (node.isObject() && (node.has("m") || node.has("op") && node.path("op").asText().equals("connected"))) {
                seeds.add(node.toString());
            }
        }
        seeds.add("{\"m\":\"depth\",\"symbol\":\"BTC-PERP\",\"data\":{\"ts\":1573069021376,\"seqnum\":2097965,"
            + "\"asks\":[[\"0.06844\",\"10760\"],[\"0.0685\",\"0\"]],\"bids\":[[\"0.06777\",\"562.4\"]]}}");
        seeds.add("{\"m\":\"trades\",\"symbol\":\"ETH-PERP\",\"data\":[{\"p\":\"1234.5\",\"q\":\"0.01\",\"ts\":1573069903254,"
            + "\"bm\":false,\"seqnum\":144115188077966308},{\"p\":\"1234.25\",\"q\":\"2\",\"ts\":1573069903254,\"bm\":true,"
            + "\"seqnum\":144115188077966309}]}");
        seeds.add("{\"m\":\"futures-order\",\"sn\":27,\"e\":\"ExecutionReport\",\"a\":\"futH9N59hR0BMVEjHnBleHLn0mfUl5lo\","
            + "\"ac\":\"FUTURES\",\"t\":1606335352348,\"ct\":1606335351541,\"orderId\":\"a1760090e2c1U0123456789cmd000042\","
            + "\"sd\":\"Buy\",\"ot\":\"Limit\",\"q\":\"0.1\",\"p\":\"34000\",\"sp\":\"0\",\"spb\":\"\",\"s\":\"BTC-PERP\","
            + "\"st\":\"PartiallyFilled\",\"lp\":\"34000\",\"lq\":\"0.05\",\"ap\":\"34000\",\"cfq\":\"0.05\",\"f\":\"1.7\","
            + "\"cf\":\"1.7\",\"fa\":\"USDT\",\"ei\":\"NULL_VAL\",\"err\":\"\"}");
        seeds.add("{\"m\":\"bbo\",\"symbol\":\"BTC-PERP\",\"data\":{\"ts\":1573068442532,\"bid\":[\"9309.11\",\"0.0197172\"],"
            + "\"ask\":[\"9309.12\",\"0.8851266\"]}}");
        return List.copyOf(seeds);
    }

    /** One hostile frame: a seed with one to four mutations. */
    static byte[] mutated(long seed) {
        Random random = new Random(seed);
        String base = SEEDS.get(random.nextInt(SEEDS.size()));
        // the busy channels are the byte reader's: start from them more often
        if (random.nextInt(3) == 0) {
            base = SEEDS.get(SEEDS.size() - 4 + random.nextInt(4));
        }
        JsonNode tree;
        try {
            tree = PLAIN.readTree(base);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            tree = mutateTree(tree, random);
        }
        byte[] bytes;
        try {
            bytes = PLAIN.writeValueAsBytes(tree);
        } catch (Exception e) { // nested past Jackson's writing limit: nest in the text instead
            bytes = deepNest(base.getBytes(StandardCharsets.UTF_8), random);
        }
        if (random.nextInt(3) == 0) {
            bytes = mutateBytes(bytes, random);
        }
        return bytes;
    }

    // ------------------------------------------------------------------ tree mutations

    private static JsonNode mutateTree(JsonNode root, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers, 0);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode o && o.size() > 0) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            String name = names.get(random.nextInt(names.size()));
            switch (random.nextInt(6)) {
                case 0 -> o.remove(name);
                case 1 -> { // the field moves last: "m" no longer first, for instance
                    JsonNode v = o.remove(name);
                    o.set(name, v);
                }
                default -> o.set(name, hostileValue(o.get(name), random));
            }
        } else if (target instanceof ArrayNode a && a.size() > 0) {
            int index = random.nextInt(a.size());
            switch (random.nextInt(4)) {
                case 0 -> a.remove(index);
                case 1 -> a.add(a.get(index).deepCopy());
                default -> a.set(index, hostileValue(a.get(index), random));
            }
        } else if (target instanceof ObjectNode o) {
            o.set("m", hostileValue(NODES.textNode("depth"), random));
        }
        return root;
    }

    private static void collect(JsonNode node, List<JsonNode> out, int depth) {
        if (node.isContainerNode() && depth < 50) {
            out.add(node);
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                collect(it.next(), out, depth + 1);
            }
        }
    }

    /** A replacement for {@code old}: another type, an extreme number or string, or a deep nest. */
    static JsonNode hostileValue(JsonNode old, Random random) {
        return switch (random.nextInt(16)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextLong());
            case 3 -> NODES.numberNode(new BigInteger(1 + random.nextInt(1200), random).negate()); // huge integer
            case 4 -> NODES.numberNode(new BigDecimal(new BigInteger(1 + random.nextInt(300), random),
                random.nextInt(2000) - 1000)); // huge or tiny decimal, written with an exponent
            case 5 -> NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(600) - 300));
            case 6 -> NODES.textNode(hostileDecimal(random));
            case 7 -> NODES.textNode(overlong(random));
            case 8 -> NODES.textNode(unicode(random));
            case 9 -> nest(old == null ? NODES.textNode("x") : old, 1 + random.nextInt(random.nextBoolean() ? 20 : 400), random);
            case 10 -> NODES.objectNode();
            case 11 -> NODES.arrayNode();
            case 12 -> NODES.textNode(old != null && old.isValueNode() ? old.asText().toUpperCase() : "");
            case 13 -> NODES.textNode(Long.toString(random.nextLong()));
            case 14 -> old != null && old.isNumber() ? NODES.textNode(old.asText()) : NODES.numberNode(random.nextInt());
            default -> NODES.textNode(old == null ? "" : old.asText() + old.asText());
        };
    }

    static String hostileDecimal(Random random) {
        return switch (random.nextInt(14)) {
            case 0 -> "1e999999999";
            case 1 -> "-1E-2147483648";
            case 2 -> "9".repeat(1 + random.nextInt(5000));
            case 3 -> "0." + "0".repeat(random.nextInt(3000)) + "1";
            case 4 -> "NaN";
            case 5 -> "Infinity";
            case 6 -> "";
            case 7 -> " 1";
            case 8 -> "+1.5";
            case 9 -> "1.";
            case 10 -> ".5";
            case 11 -> "--1";
            case 12 -> "0x1F";
            default -> random.nextInt(100000) + "." + random.nextInt(1000) + "e" + (random.nextInt(40) - 20);
        };
    }

    private static String overlong(Random random) {
        int length = random.nextInt(4) == 0 ? 100_000 + random.nextInt(100_000) : 1000 + random.nextInt(10_000);
        char c = (char) ('A' + random.nextInt(26));
        return String.valueOf(c).repeat(length);
    }

    private static String unicode(Random random) {
        String[] odd = {"BTC-PERP\u0000", "\uD83D\uDE00", "\uD800", "\uDFFF\uD800", "\u202Eevil", "\uFEFFBTC-PERP", "É",
            "\u0085", "\\", "\"", "\u2028\u2029", "日本語", "\u001F", "\uFFFF"};
        StringBuilder sb = new StringBuilder();
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            sb.append(odd[random.nextInt(odd.length)]);
        }
        return sb.toString();
    }

    private static JsonNode nest(JsonNode inner, int depth, Random random) {
        JsonNode node = inner;
        boolean arrays = random.nextBoolean();
        for (int d = 0; d < depth; d++) {
            if (arrays) {
                ArrayNode a = NODES.arrayNode();
                a.add(node);
                node = a;
            } else {
                ObjectNode o = NODES.objectNode();
                o.set("data", node);
                node = o;
            }
        }
        return node;
    }

    // ------------------------------------------------------------------ byte mutations

    private static final byte[][] BAD_UTF8 = {
        {(byte) 0xC3}, {(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {0}};

    private static final byte[] PUNCTUATION = "{}[],:\"\\ -0e.".getBytes(StandardCharsets.US_ASCII);

    private static byte[] mutateBytes(byte[] bytes, Random random) {
        if (bytes.length == 0) {
            return bytes;
        }
        return switch (random.nextInt(7)) {
            case 0 -> Arrays.copyOf(bytes, random.nextInt(bytes.length)); // truncated
            case 6 -> deepNest(bytes, random);
            case 1 -> duplicateKey(bytes, random);
            case 2 -> {
                byte[] copy = bytes.clone();
                for (int n = 1 + random.nextInt(4); n > 0; n--) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
                yield copy;
            }
            case 3 -> insert(bytes, random.nextInt(bytes.length + 1), BAD_UTF8[random.nextInt(BAD_UTF8.length)]);
            case 4 -> insert(bytes, random.nextInt(bytes.length + 1),
                new byte[] {PUNCTUATION[random.nextInt(PUNCTUATION.length)]});
            default -> {
                int from = random.nextInt(bytes.length);
                int to = Math.min(bytes.length, from + random.nextInt(20));
                byte[] cut = new byte[bytes.length - (to - from)];
                System.arraycopy(bytes, 0, cut, 0, from);
                System.arraycopy(bytes, to, cut, from, bytes.length - to);
                yield cut;
            }
        };
    }

    /** Up to 100,000 opening brackets inside the first object, closed or not. */
    private static byte[] deepNest(byte[] bytes, Random random) {
        int depth = 1 + random.nextInt(random.nextBoolean() ? 2000 : 100_000);
        boolean closed = random.nextBoolean();
        String open = "\"data\":" + "[".repeat(depth) + "1" + (closed ? "]".repeat(depth) : "") + ",";
        int brace = indexOf(bytes, (byte) '{');
        return insert(bytes, brace < 0 ? 0 : brace + 1, open.getBytes(StandardCharsets.US_ASCII));
    }

    /** A second {@code "m"} (or another top-level key) right after the opening brace. */
    private static byte[] duplicateKey(byte[] bytes, Random random) {
        String[] keys = {"m", "symbol", "data", "sn", "p", "id", "code"};
        String key = keys[random.nextInt(keys.length)];
        String value = switch (random.nextInt(4)) {
            case 0 -> "\"trades\"";
            case 1 -> "\"futures-order\"";
            case 2 -> "[1,2]";
            default -> "null";
        };
        int brace = indexOf(bytes, (byte) '{');
        int at = brace < 0 ? 0 : brace + 1;
        boolean last = random.nextBoolean();
        if (last && bytes.length > 1 && bytes[bytes.length - 1] == '}') {
            return insert(bytes, bytes.length - 1, (",\"" + key + "\":" + value).getBytes(StandardCharsets.UTF_8));
        }
        return insert(bytes, at, ("\"" + key + "\":" + value + ",").getBytes(StandardCharsets.UTF_8));
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] insert(byte[] bytes, int at, byte[] extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + extra.length);
        out.write(bytes, 0, at);
        out.write(extra, 0, extra.length);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }
}
