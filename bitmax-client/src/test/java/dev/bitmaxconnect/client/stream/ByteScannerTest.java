package dev.bitmaxconnect.client.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitmaxconnect.client.testing.Examples;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The byte reader gives exactly what the Jackson paths give, and gives up on every shape it does not own. */
class ByteScannerTest {
    private final StreamMessageDecoder decoder = new StreamMessageDecoder();
    private final Random random = new Random(20260224);

    @Test
    void theReferenceExamplesTakeTheByteReader() {
        for (String file : List.of("channel-level-2-order-book-updates--the-depth-message.json",
            "channel-market-trades--trade-message.json", "channel-order.json")) {
            byte[] bytes = Examples.text(file).getBytes(StandardCharsets.UTF_8);
            StreamMessage scanned = ByteScanner.scan(bytes, new RepeatedStrings());
            assertThat(scanned).as(file).isNotNull().isEqualTo(decoder.decodeWithJackson(bytes));
        }
    }

    @Test
    void randomMessagesDecodeTheSameBothWays() {
        int scannedCount = 0;
        for (int n = 0; n < 3000; n++) {
            String json = switch (n % 3) {
                case 0 -> depth();
                case 1 -> trades();
                default -> order();
            };
            if (random.nextInt(4) == 0) {
                json = spaced(json);
            }
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            StreamMessage viaJackson = decoder.decodeWithJackson(bytes);
            StreamMessage scanned = ByteScanner.scan(bytes, new RepeatedStrings());
            if (scanned != null) {
                scannedCount++;
                assertThat(scanned).as(json).isEqualTo(viaJackson);
            }
            assertThat(decoder.decode(bytes)).as(json).isEqualTo(viaJackson);
            assertThat(decoder.decode(json)).as(json).isEqualTo(viaJackson);
        }
        assertThat(scannedCount).as("most random messages take the byte reader").isGreaterThan(1500);
    }

    @Test
    void unusualShapesAreLeftToJackson() {
        List<String> unusual = List.of(
            "{\"m\":\"depth\",\"symbol\":\"BTC\\u002dPERP\",\"data\":{\"ts\":1,\"seqnum\":2,\"asks\":[],\"bids\":[]}}",
            "{\"m\":\"depth\",\"symbol\":\"BTC-PERP\",\"data\":null}",
            "{\"m\":\"depth\",\"symbol\":\"BTC-PERP\",\"data\":{\"ts\":\"1\",\"seqnum\":2,\"asks\":[],\"bids\":[]}}",
            "{\"m\":\"depth\",\"symbol\":\"BTC-PERP\",\"data\":{\"ts\":1,\"seqnum\":2,\"asks\":[[1.5,\"2\"]],\"bids\":[]}}",
            "{\"m\":\"depth\",\"symbol\":\"BTC-PERP\",\"data\":{\"ts\":1,\"seqnum\":2,\"asks\":[[\"1e3\",\"2\"]],\"bids\":[]}}",
            "{\"m\":\"depth\",\"symbol\":\"BTC-PERP\",\"data\":{\"ts\":1,\"seqnum\":2,\"asks\":[[\"12345678901234567890.5\",\"2\"]]}}",
            "{\"m\":\"trades\",\"symbol\":\"ÉTH-PERP\",\"data\":[]}",
            "{\"m\":\"trades\",\"symbol\":\"ETH-PERP\",\"data\":[{\"p\":\"1\",\"q\":\"2\",\"ts\":3,\"bm\":null,\"seqnum\":4}]}",
            "{\"symbol\":\"ETH-PERP\",\"m\":\"trades\",\"data\":[]}",
            "{\"m\":\"futures-order\",\"sn\":1.5}",
            "{\"m\":\"futures-order\",\"sn\":1} trailing",
            "{\"m\":\"futures-order\",\"sn\":01}",
            "{\"m\":\"bbo\",\"symbol\":\"BTC-PERP\",\"data\":{\"ts\":1,\"bid\":[\"1\",\"2\"],\"ask\":[\"3\",\"4\"]}}",
            "{\"m\":\"depth\",\"symbol\":\"BTC-PERP\",\"data\":{\"ts\":1,\"seqnum\":2,\"asks\":[[\"\",\"2\"]],\"bids\":[]}}");
        for (String json : unusual) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            assertThat(ByteScanner.scan(bytes, new RepeatedStrings())).as(json).isNull();
            assertThat(decoder.decode(bytes)).as(json).isEqualTo(decoder.decodeWithJackson(bytes));
        }
    }

    // ------------------------------------------------------------------ generators

    private String decimal() {
        return switch (random.nextInt(8)) {
            case 0 -> "0";
            case 1 -> "-" + random.nextInt(1000) + "." + random.nextInt(100000);
            case 2 -> Long.toString(Math.abs(random.nextLong()));          // up to 19 digits: sometimes left to Jackson
            case 3 -> "0.0000" + random.nextInt(1000);
            case 4 -> random.nextInt(100) + ".";
            case 5 -> "00" + random.nextInt(100) + ".50";
            default -> random.nextInt(100000) + "." + random.nextInt(10000);
        };
    }

    private String level() {
        return "[\"" + decimal() + "\",\"" + decimal() + "\"]";
    }

    private String levels() {
        List<String> l = new ArrayList<>();
        for (int k = random.nextInt(6); k > 0; k--) {
            l.add(level());
        }
        return "[" + String.join(",", l) + "]";
    }

    private String extra() {
        return switch (random.nextInt(6)) {
            case 0 -> ",\"x\":{\"y\":[1,2,{\"z\":null}],\"w\":\"v\"}";
            case 1 -> ",\"n\":-12.5e3";
            case 2 -> ",\"flag\":true";
            case 3 -> ",\"nothing\":null";
            case 4 -> ",\"list\":[]";
            default -> "";
        };
    }

    private String depth() {
        List<String> data = new ArrayList<>(List.of("\"ts\":" + Math.abs(random.nextLong() % 10_000_000_000_000L),
            "\"seqnum\":" + random.nextInt(Integer.MAX_VALUE), "\"asks\":" + levels(), "\"bids\":" + levels()));
        java.util.Collections.shuffle(data, random);
        return "{\"m\":\"depth\"" + extra() + ",\"symbol\":\"BTC-PERP\",\"data\":{" + String.join(",", data) + extra() + "}}";
    }

    private String trades() {
        List<String> t = new ArrayList<>();
        for (int k = random.nextInt(4); k > 0; k--) {
            t.add("{\"p\":\"" + decimal() + "\",\"q\":\"" + decimal() + "\",\"ts\":" + random.nextInt(1_000_000)
                + ",\"bm\":" + random.nextBoolean() + ",\"seqnum\":" + Math.abs(random.nextLong() % 1_000_000_000_000_000L)
                + extra() + "}");
        }
        return "{\"m\":\"trades\",\"symbol\":\"ETH-PERP\"" + extra() + ",\"data\":[" + String.join(",", t) + "]}";
    }

    private String order() {
        String[] statuses = {"New", "Filled", "PartiallyFilled", "Canceled", "Teleported", "new"};
        String[] sides = {"Buy", "Sell", "buy"};
        List<String> f = new ArrayList<>(List.of("\"sn\":" + random.nextInt(1_000_000), "\"e\":\"ExecutionReport\"",
            "\"a\":\"acct" + random.nextInt(3) + "\"", "\"ac\":\"FUTURES\"", "\"t\":1606335352348", "\"ct\":1606335351541",
            "\"orderId\":\"a176010c4957U6846912707" + random.nextInt(100000) + "\"", "\"sd\":\"" + sides[random.nextInt(3)] + "\"",
            "\"ot\":\"Limit\"", "\"q\":\"" + decimal() + "\"", "\"p\":\"" + decimal() + "\"", "\"sp\":\"0\"", "\"spb\":\"\"",
            "\"s\":\"BTC-PERP\"", "\"st\":\"" + statuses[random.nextInt(statuses.length)] + "\"", "\"lp\":\"" + decimal() + "\"",
            "\"lq\":\"0\"", "\"ap\":\"0\"", "\"cfq\":\"" + decimal() + "\"", "\"f\":\"0\"", "\"cf\":\"0\"", "\"fa\":\"USDT\"",
            "\"ei\":\"NULL_VAL\"", "\"err\":\"\""));
        java.util.Collections.shuffle(f, random);
        int keep = f.size() - random.nextInt(3);
        return "{\"m\":\"futures-order\"," + String.join(",", f.subList(0, keep)) + extra() + "}";
    }

    /** The same JSON with whitespace between tokens. */
    private String spaced(String json) {
        StringBuilder sb = new StringBuilder();
        boolean inString = false;
        for (char c : json.toCharArray()) {
            sb.append(c);
            if (c == '"') {
                inString = !inString;
            }
            if (!inString && (c == ',' || c == ':' || c == '{' || c == '[')) {
                sb.append(random.nextBoolean() ? " " : "\n\t");
            }
        }
        return sb.toString();
    }
}
