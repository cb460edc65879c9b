package dev.bitmaxconnect.client.stream;

import static dev.bitmaxconnect.client.testing.Examples.SAME_VALUE;
import static dev.bitmaxconnect.client.testing.Examples.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bitmaxconnect.client.json.BitMaxJson;
import dev.bitmaxconnect.client.stream.StreamMessage.DepthUpdate;
import dev.bitmaxconnect.client.stream.StreamMessage.OrderReport;
import dev.bitmaxconnect.client.stream.StreamMessage.Trades;
import dev.bitmaxconnect.client.testing.Examples;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random depth, trades and futures-order messages in the shapes the exchange sends (fields in any order,
 * whitespace, fields this client does not read) decode to their record with every field, from text and bytes.
 */
class StreamMessageDecoderTest {
    private final StreamMessageDecoder decoder = new StreamMessageDecoder();
    private final Random random = new Random(20260224);

    @Test
    void randomBusyMessagesDecodeEveryField() {
        for (int n = 0; n < 3000; n++) {
            Class<? extends StreamMessage> type = switch (n % 3) {
                case 0 -> DepthUpdate.class;
                case 1 -> Trades.class;
                default -> OrderReport.class;
            };
            List<String> extras = new ArrayList<>();
            String json = type == DepthUpdate.class ? depth(extras) : type == Trades.class ? trades(extras) : order(extras);
            String sent = withExtras(json, extras);
            if (random.nextInt(4) == 0) {
                sent = spaced(sent);
            }
            StreamMessage decoded = decoder.decode(sent);
            assertThat(decoded).as(sent).isInstanceOf(type).isEqualTo(decoder.decode(sent.getBytes(StandardCharsets.UTF_8)));
            assertSameJson(BitMaxJson.mapper().valueToTree(decoded), Examples.parse(json.replace("@", "")), SAME_VALUE);
        }
    }

    // ------------------------------------------------------------------ generators

    /** Decimals as the exchange writes them, so that they encode back to the same text. */
    private String decimal() {
        return switch (random.nextInt(6)) {
            case 0 -> "0";
            case 1 -> "-" + (1 + random.nextInt(1000)) + "." + (1 + random.nextInt(99999));
            case 2 -> Long.toString(1 + Math.abs(random.nextLong() / 2)); // up to 19 digits
            case 3 -> "0.0000" + (1 + random.nextInt(999));
            default -> random.nextInt(100000) + "." + (1 + random.nextInt(9999));
        };
    }

    private String levels() {
        List<String> l = new ArrayList<>();
        for (int k = random.nextInt(6); k > 0; k--) {
            l.add("[\"" + decimal() + "\",\"" + decimal() + "\"]");
        }
        return "[" + String.join(",", l) + "]";
    }

    /** Maybe adds a field this client does not read; the marker {@code @} in the JSON says where. */
    private String extra(List<String> extras) {
        String field = switch (random.nextInt(6)) {
            case 0 -> ",\"x\":{\"y\":[1,2,{\"z\":null}],\"w\":\"v\"}";
            case 1 -> ",\"n\":-12.5e3";
            case 2 -> ",\"flag\":true";
            case 3 -> ",\"nothing\":null";
            case 4 -> ",\"list\":[]";
            default -> "";
        };
        extras.add(field);
        return "@";
    }

    private static String withExtras(String json, List<String> extras) {
        StringBuilder sb = new StringBuilder();
        String[] parts = json.split("@", -1);
        for (int k = 0; k < parts.length; k++) {
            sb.append(parts[k]).append(k < extras.size() ? extras.get(k) : "");
        }
        return sb.toString();
    }

    private String depth(List<String> extras) {
        List<String> data = new ArrayList<>(List.of("\"ts\":" + Math.abs(random.nextLong() % 10_000_000_000_000L),
            "\"seqnum\":" + random.nextInt(Integer.MAX_VALUE), "\"asks\":" + levels(), "\"bids\":" + levels()));
        Collections.shuffle(data, random);
        return "{\"m\":\"depth\"" + extra(extras) + ",\"symbol\":\"BTC-PERP\",\"data\":{" + String.join(",", data)
            + extra(extras) + "}}";
    }

    private String trades(List<String> extras) {
        List<String> t = new ArrayList<>();
        for (int k = random.nextInt(4); k > 0; k--) {
            t.add("{\"p\":\"" + decimal() + "\",\"q\":\"" + decimal() + "\",\"ts\":" + random.nextInt(1_000_000)
                + ",\"bm\":" + random.nextBoolean() + ",\"seqnum\":" + Math.abs(random.nextLong() % 1_000_000_000_000_000L)
                + extra(extras) + "}");
        }
        return "{\"m\":\"trades\",\"symbol\":\"ETH-PERP\"" + extra(extras) + ",\"data\":[" + String.join(",", t) + "]}";
    }

    private String order(List<String> extras) {
        String[] statuses = {"New", "Filled", "PartiallyFilled", "Canceled", "Teleported", "new"};
        String[] sides = {"Buy", "Sell", "buy"};
        List<String> f = new ArrayList<>(List.of("\"sn\":" + random.nextInt(1_000_000), "\"e\":\"ExecutionReport\"",
            "\"a\":\"acct" + random.nextInt(3) + "\"", "\"ac\":\"FUTURES\"", "\"t\":1606335352348", "\"ct\":1606335351541",
            "\"orderId\":\"a176010c4957U6846912707" + random.nextInt(100000) + "\"", "\"sd\":\"" + sides[random.nextInt(3)] + "\"",
            "\"ot\":\"Limit\"", "\"q\":\"" + decimal() + "\"", "\"p\":\"" + decimal() + "\"", "\"sp\":\"0\"", "\"spb\":\"\"",
            "\"s\":\"BTC-PERP\"", "\"st\":\"" + statuses[random.nextInt(statuses.length)] + "\"", "\"lp\":\"" + decimal() + "\"",
            "\"lq\":\"0\"", "\"ap\":\"0\"", "\"cfq\":\"" + decimal() + "\"", "\"f\":\"0\"", "\"cf\":\"0\"", "\"fa\":\"USDT\"",
            "\"ei\":\"NULL_VAL\"", "\"err\":\"\""));
        Collections.shuffle(f, random);
        int keep = f.size() - random.nextInt(3);
        return "{\"m\":\"futures-order\"," + String.join(",", f.subList(0, keep)) + extra(extras) + "}";
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
