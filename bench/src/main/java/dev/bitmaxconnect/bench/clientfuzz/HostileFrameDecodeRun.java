package dev.bitmaxconnect.bench.clientfuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitmaxconnect.client.json.BitMaxJson;
import dev.bitmaxconnect.client.stream.StreamMessage;
import dev.bitmaxconnect.client.stream.StreamMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Decodes generated hostile frames through the public {@link StreamMessageDecoder} and, over the same bytes, a bare
 * Jackson {@code readTree} (the baseline: what any JSON reader must pay). Reports inputs, escaped exceptions (must
 * be 0), result types, total and worst single-input time for both, and the ratio. The property-based fuzzing with
 * its invariants is {@code StreamMessageDecoderFuzzTest} in bitmax-client; this run shows the cost of hostile input.
 *
 * <p>Arguments: {@code [inputs (100000)] [seed (42)]}.
 */
public final class HostileFrameDecodeRun {
    private static final String[] VALID = {
        "{\"m\":\"depth\",\"symbol\":\"BTC-PERP\",\"data\":{\"ts\":1573069021376,\"seqnum\":2097965,"
            + "\"asks\":[[\"0.06844\",\"10760\"],[\"0.0685\",\"0\"]],\"bids\":[[\"0.06777\",\"562.4\"]]}}",
        "{\"m\":\"trades\",\"symbol\":\"ETH-PERP\",\"data\":[{\"p\":\"1234.5\",\"q\":\"0.01\",\"ts\":1573069903254,"
            + "\"bm\":false,\"seqnum\":144115188077966308}]}",
        "{\"m\":\"futures-order\",\"sn\":27,\"e\":\"ExecutionReport\",\"a\":\"futH9N59hR0BMVEjHnBleHLn0mfUl5lo\","
            + "\"ac\":\"FUTURES\",\"t\":1606335352348,\"ct\":1606335351541,\"orderId\":\"a1760090e2c1U0123456789cmd000042\","
            + "\"sd\":\"Buy\",\"ot\":\"Limit\",\"q\":\"0.1\",\"p\":\"34000\",\"s\":\"BTC-PERP\",\"st\":\"New\",\"cfq\":\"0\"}",
        "{\"m\":\"bbo\",\"symbol\":\"BTC-PERP\",\"data\":{\"ts\":1573068442532,\"bid\":[\"9309.11\",\"0.0197172\"],"
            + "\"ask\":[\"9309.12\",\"0.8851266\"]}}",
        "{\"m\":\"futures-account-update\",\"e\":\"account\",\"t\":1612508562129,\"acc\":\"futX\",\"at\":\"FUTURES\","
            + "\"sn\":1,\"col\":[{\"a\":\"USDT\",\"b\":\"100\",\"f\":\"1\"}],\"pos\":[]}",
        "{\"m\":\"sub\",\"id\":\"abc123\",\"ch\":\"depth:BTC-PERP\",\"code\":0}",
    };
    private static final String[] VALUES = {"null", "true", "-1", "1e999999999", "\"1e999999999\"", "144e115188077966308",
        "\"\"", "{}", "[]", "\"\\u0000\\ud800\"", "\"NaN\"", "99999999999999999999999999", "\"0.00000000000000000001\""};

    private HostileFrameDecodeRun() {
    }

    public static void main(String[] args) throws Exception {
        int inputs = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
        StreamMessageDecoder decoder = new StreamMessageDecoder();
        ObjectMapper baseline = BitMaxJson.newMapper();
        // warm both paths on other inputs (a tenth as many), then measure; frames are made on the fly, not held
        Random warm = new Random(seed + 1);
        for (int i = 0; i < inputs / 10; i++) {
            byte[] frame = hostile(warm);
            decoder.decode(frame);
            readTree(baseline, frame);
        }
        Random random = new Random(seed);
        long bytes = 0;
        Map<String, Integer> types = new TreeMap<>();
        int escaped = 0;
        long decodeNanos = 0;
        long decodeWorst = 0;
        long treeNanos = 0;
        long treeWorst = 0;
        for (int i = 0; i < inputs; i++) {
            byte[] frame = hostile(random);
            bytes += frame.length;
            long t0 = System.nanoTime();
            StreamMessage m = null;
            try {
                m = decoder.decode(frame);
            } catch (RuntimeException | StackOverflowError e) {
                escaped++;
            }
            long t1 = System.nanoTime();
            readTree(baseline, frame);
            long t2 = System.nanoTime();
            decodeNanos += t1 - t0;
            decodeWorst = Math.max(decodeWorst, t1 - t0);
            treeNanos += t2 - t1;
            treeWorst = Math.max(treeWorst, t2 - t1);
            types.merge(m == null ? "(exception)" : m.getClass().getSimpleName(), 1, Integer::sum);
        }
        System.out.printf("inputs %d (%.1f MB), seed %d%n", inputs, bytes / 1e6, seed);
        System.out.printf("exceptions escaping decode: %d%n", escaped);
        System.out.printf("result types: %s%n", types);
        System.out.printf("decode:               total %.1f ms, mean %.2f us, worst %.2f ms%n",
            decodeNanos / 1e6, decodeNanos / 1e3 / inputs, decodeWorst / 1e6);
        System.out.printf("baseline (readTree):  total %.1f ms, mean %.2f us, worst %.2f ms%n",
            treeNanos / 1e6, treeNanos / 1e3 / inputs, treeWorst / 1e6);
        System.out.printf("decode / baseline time: %.2f%n", (double) decodeNanos / treeNanos);
        if (escaped > 0) {
            System.exit(1);
        }
    }

    private static void readTree(ObjectMapper mapper, byte[] frame) {
        try {
            mapper.readTree(frame);
        } catch (Exception e) {
            // the baseline only pays for reading
        }
    }

    /** A valid frame mutated once or twice in its text or bytes. */
    static byte[] hostile(Random random) {
        String json = VALID[random.nextInt(VALID.length)];
        for (int n = 1 + random.nextInt(2); n > 0 && json.length() > 1; n--) {
            json = switch (random.nextInt(6)) {
                case 0 -> replaceValue(json, VALUES[random.nextInt(VALUES.length)], random);
                case 1 -> replaceValue(json, "\"" + "A".repeat(1000 + random.nextInt(50_000)) + "\"", random);
                case 2 -> replaceValue(json, "[".repeat(1 + random.nextInt(5000)), random);
                case 3 -> "{\"m\":\"trades\"," + json.substring(1);                  // duplicate key
                case 4 -> json.substring(0, random.nextInt(json.length()));         // truncated
                default -> json.replace("\"m\":", "\"x\":0,\"m\":");
            };
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(4) == 0 && bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);  // a flipped byte, maybe invalid UTF-8
        }
        return bytes;
    }

    /** Replaces the value after a random colon with {@code value}. */
    private static String replaceValue(String json, String value, Random random) {
        int colon = -1;
        for (int tries = 0; tries < 10 && colon < 0; tries++) {
            int at = json.indexOf(':', random.nextInt(Math.max(1, json.length())));
            colon = at;
        }
        if (colon < 0) {
            return json;
        }
        int end = colon + 1;
        int depth = 0;
        boolean inString = false;
        for (; end < json.length(); end++) {
            char c = json.charAt(end);
            if (inString) {
                if (c == '\\') {
                    end++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if ((c == '}' || c == ']') && depth-- == 0) {
                break;
            } else if (c == ',' && depth == 0) {
                break;
            }
        }
        return json.substring(0, colon + 1) + value + json.substring(end);
    }
}
