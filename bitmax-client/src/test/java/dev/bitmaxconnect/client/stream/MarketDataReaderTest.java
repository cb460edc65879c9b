package dev.bitmaxconnect.client.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.bitmaxconnect.client.json.BitMaxJson;
import dev.bitmaxconnect.client.stream.StreamMessage.DepthUpdate;
import dev.bitmaxconnect.client.stream.StreamMessage.Trades;
import dev.bitmaxconnect.client.testing.Examples;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The streaming pass for trades and depth gives exactly what the databind pass gives, or nothing: on the
 * reference's examples, on frames in the exchange's shape written many ways, and on hostile frames.
 */
class MarketDataReaderTest {
    private static final ObjectReader DATABIND = BitMaxJson.mapper().readerFor(StreamMessage.class)
        .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private final MarketDataReader reader = new MarketDataReader(BitMaxJson.mapper().getFactory());

    @Test
    void readsTheReferenceExamplesAsTheDatabindPassDoes() {
        List<String> read = new ArrayList<>();
        for (String name : Examples.names()) {
            String text = Examples.json(name).toString(); // compact, as frames come over the wire
            StreamMessage fast = reader.read(text);
            if (fast != null) {
                assertThat(fast).as(name).isEqualTo(databind(text));
                read.add(fast.type());
            }
        }
        assertThat(read).as("the trade and depth examples take the streaming pass").containsExactlyInAnyOrder("trades", "depth");
    }

    @Test
    void readsBothMessagesWithEveryField() throws Exception {
        String depth = "{\"m\":\"depth\",\"symbol\":\"BTC-PERP\",\"data\":{\"ts\":1573069021376,\"seqnum\":2097965,"
            + "\"asks\":[[\"0.06844\",\"10760\"],[\"0.0685\",\"0\"]],\"bids\":[[\"-0.5\",\"562.40\"]]}}";
        assertThat(reader.read(depth)).isInstanceOf(DepthUpdate.class).isEqualTo(databind(depth))
            .extracting(m -> ((DepthUpdate) m).data().bids().get(0).size()).isEqualTo(new BigDecimal("562.40"));
        String trades = "{\"m\":\"trades\",\"symbol\":\"ETH-PERP\",\"data\":[{\"p\":\"1234.5\",\"q\":\"0.01\","
            + "\"ts\":1573069903254,\"bm\":false,\"seqnum\":144115188077966308}]}";
        assertThat(reader.read(trades)).isInstanceOf(Trades.class).isEqualTo(databind(trades))
            .extracting(m -> ((Trades) m).data().get(0).seqnum()).isEqualTo(144115188077966308L);
    }

    @Test
    void leavesWhatIsNotInTheExchangeShapeToTheDatabindPass() {
        List<String> others = List.of(
            "{\"symbol\":\"BTC-PERP\",\"m\":\"trades\",\"data\":[]}", // m not first
            "{\"m\":\"trades\",\"symbol\":\"BTC-PERP\",\"symbol\":\"ETH-PERP\",\"data\":[]}", // a field twice
            "{\"m\":\"trades\",\"symbol\":\"BTC-PERP\",\"data\":[{\"p\":1.5}]}", // a decimal as a number
            "{\"m\":\"trades\",\"symbol\":\"BTC-PERP\",\"data\":[{\"ts\":\"1573069903254\"}]}", // an integer as a string
            "{\"m\":\"trades\",\"symbol\":\"BTC-PERP\",\"data\":[{\"seqnum\":99999999999999999999}]}", // beyond a long
            "{\"m\":\"trades\",\"symbol\":\"BTC-PERP\",\"data\":[null]}",
            "{\"m\":\"depth\",\"symbol\":\"BTC-PERP\",\"data\":{\"asks\":[[\"1\"]]}}", // a level cut short
            "{\"m\":\"depth\",\"symbol\":\"BTC-PERP\",\"data\":{\"asks\":[[\"1\",\"2\",\"3\"]]}}",
            "{\"m\":\"depth\",\"symbol\":\"BTC-PERP\",\"data\":{\"asks\":[[\"1\",\"2\"]",
            "{\"m\":\"bbo\",\"symbol\":\"BTC-PERP\"}");
        for (String text : others) {
            assertThat(reader.read(text)).as(text).isNull();
        }
    }

    @Property(tries = 2000)
    void framesWrittenAnyWayAreReadAsTheDatabindPassReadsThem(@ForAll("exchangeShapedFrames") String text) {
        StreamMessage fast = reader.read(text);
        assertThat(fast).as("taken by the streaming pass: %s", text).isNotNull();
        assertThat(fast).as(text).isEqualTo(databind(text));
    }

    @Property(tries = 5000)
    void aHostileFrameIsReadAsTheDatabindPassReadsItOrNotAtAll(@ForAll("hostileFrames") byte[] frame) {
        String text = new String(frame, StandardCharsets.UTF_8);
        StreamMessage fast = reader.read(text);
        if (fast != null) {
            assertThat(fast).as(text).isEqualTo(databind(text));
        }
    }

    @Provide
    Arbitrary<byte[]> hostileFrames() {
        return Arbitraries.longs().map(HostileFrames::mutated);
    }

    /** Trades and depth in the exchange's shape, with fields in any order, unknown fields, nulls and odd values. */
    @Provide
    Arbitrary<String> exchangeShapedFrames() {
        return Arbitraries.longs().map(MarketDataReaderTest::exchangeShaped);
    }

    private static String exchangeShaped(long seed) {
        Random random = new Random(seed);
        boolean trades = random.nextBoolean();
        List<String> fields = new ArrayList<>();
        fields.add(field("symbol", random.nextInt(10) == 0 ? "null" : quoted("S" + random.nextInt(1000) + "-PERP")));
        fields.add(field("data", random.nextInt(20) == 0 ? "null" : trades ? tradeList(random) : depthData(random)));
        addUnknown(random, fields);
        Collections.shuffle(fields, random);
        return "{\"m\":\"" + (trades ? "trades" : "depth") + "\"," + String.join(",", fields) + "}";
    }

    private static String tradeList(Random random) {
        List<String> trades = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            List<String> fields = new ArrayList<>();
            fields.add(field("p", decimal(random)));
            fields.add(field("q", decimal(random)));
            fields.add(field("ts", integer(random)));
            fields.add(field("bm", random.nextInt(5) == 0 ? "null" : String.valueOf(random.nextBoolean())));
            fields.add(field("seqnum", integer(random)));
            fields.removeIf(f -> random.nextInt(8) == 0);
            addUnknown(random, fields);
            Collections.shuffle(fields, random);
            trades.add("{" + String.join(",", fields) + "}");
        }
        return "[" + String.join(",", trades) + "]";
    }

    private static String depthData(Random random) {
        List<String> fields = new ArrayList<>();
        fields.add(field("ts", integer(random)));
        fields.add(field("seqnum", integer(random)));
        fields.add(field("asks", levels(random)));
        fields.add(field("bids", levels(random)));
        fields.removeIf(f -> random.nextInt(8) == 0);
        addUnknown(random, fields);
        Collections.shuffle(fields, random);
        return "{" + String.join(",", fields) + "}";
    }

    private static String levels(Random random) {
        if (random.nextInt(10) == 0) {
            return "null";
        }
        List<String> levels = new ArrayList<>();
        for (int i = random.nextInt(12); i > 0; i--) {
            levels.add("[" + quoted(decimalText(random)) + "," + quoted(decimalText(random)) + "]");
        }
        return "[" + String.join(",", levels) + "]";
    }

    private static void addUnknown(Random random, List<String> fields) {
        String[] values = {"1", "\"x\"", "{\"p\":[1,{\"q\":null}]}", "[[\"1\",\"2\"]]", "true", "2.5e3"};
        for (int i = random.nextInt(3); i > 0; i--) {
            fields.add(field("extra" + i, values[random.nextInt(values.length)]));
        }
    }

    private static String decimal(Random random) {
        return random.nextInt(10) == 0 ? "null" : quoted(decimalText(random));
    }

    private static String decimalText(Random random) {
        String[] odd = {"0", "-0.000", "1e5", "12345678901234567890.123", "0.00000001", "+3", "7."};
        if (random.nextInt(6) == 0) {
            return odd[random.nextInt(odd.length)];
        }
        BigDecimal value = BigDecimal.valueOf(random.nextLong() % 10_000_000_000L, random.nextInt(9));
        return value.toPlainString();
    }

    private static String integer(Random random) {
        return random.nextInt(10) == 0 ? "null" : String.valueOf(random.nextInt(3) == 0 ? random.nextLong() : random.nextInt());
    }

    private static String field(String name, String value) {
        return quoted(name) + ":" + value;
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private static StreamMessage databind(String text) {
        try {
            return DATABIND.readValue(text);
        } catch (Exception e) {
            return null; // the streaming pass must then give nothing either
        }
    }
}
