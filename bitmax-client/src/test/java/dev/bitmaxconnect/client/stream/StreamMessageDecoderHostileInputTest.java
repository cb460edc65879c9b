package dev.bitmaxconnect.client.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import dev.bitmaxconnect.client.json.BitMaxJson;
import dev.bitmaxconnect.client.model.PriceFilter;
import dev.bitmaxconnect.client.stream.StreamMessage.DepthUpdate;
import dev.bitmaxconnect.client.stream.StreamMessage.Unknown;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Regression tests for what the decoder fuzzing found, and 1 MB frames that must decode in bounded work. */
class StreamMessageDecoderHostileInputTest {
    private static final int MEGABYTE = 1 << 20;
    /** A bound against hangs and quadratic work, far above the milliseconds a linear pass takes. */
    private static final Duration BOUND = Duration.ofSeconds(20);

    private final StreamMessageDecoder decoder = new StreamMessageDecoder();

    /** Found by fuzzing: "1e999999999" decoded, and writing it back in plain notation took a gigabyte. */
    @ParameterizedTest
    @ValueSource(strings = {"\"1e999999999\"", "1e999999999", "\"-1E-2147483648\"", "1.5E+648", "\"1e-101\""})
    void decimalsWithAnExtremeExponentAreRefused(String value) {
        String frame = "{\"m\":\"depth\",\"symbol\":\"BTC-PERP\",\"data\":{\"ts\":1,\"seqnum\":2,\"asks\":[[" + value
            + ",\"1\"]],\"bids\":[]}}";
        StreamMessage decoded = decoder.decode(frame.getBytes(StandardCharsets.UTF_8));
        assertThat(decoded).isInstanceOf(Unknown.class);
        assertThat(decoder.decode(frame)).isEqualTo(decoded);
        String order = "{\"m\":\"futures-order\",\"q\":" + value + "}";
        assertThat(decoder.decode(order)).isInstanceOf(Unknown.class);
        String account = "{\"m\":\"futures-account-update\",\"e\":\"x\",\"col\":[{\"a\":\"USDT\",\"b\":" + value + "}]}";
        assertThat(decoder.decode(account)).isInstanceOf(Unknown.class);
    }

    /** Found by fuzzing: Jackson's tree reader threw NumberFormatException out of decode for this number. */
    @ParameterizedTest
    @ValueSource(strings = {"{\"m\":\"trades\",\"data\":[{\"seqnum\":144e115188077966308}]}",
        "{\"x\":1,\"m\":\"depth\",\"data\":{\"ts\":1e99999999999999}}", "{\"m\":\"auth\",\"code\":2e-9999999999}"})
    void numbersWithAnOverlongExponentAreUnknownNotAnException(String frame) {
        assertThat(decoder.decode(frame)).isInstanceOf(Unknown.class);
        assertThat(decoder.decode(frame.getBytes(StandardCharsets.UTF_8))).isInstanceOf(Unknown.class);
    }

    /** Found by fuzzing (in a byte reader since removed): "0.000...01" with 2,300 zeros must be refused. */
    @Test
    void overlongDecimalsAreRefused() {
        String tiny = "0." + "0".repeat(2300) + "1";
        byte[] frame = ("{\"m\":\"futures-order\",\"sn\":27,\"cf\":\"" + tiny + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(decoder.decode(frame)).isInstanceOf(Unknown.class).isEqualTo(decoder.decode(new String(frame, StandardCharsets.UTF_8)));
    }

    @Test
    void decimalsJustInsideTheBoundsStillDecode() {
        String frame = "{\"m\":\"depth\",\"symbol\":\"BTC-PERP\",\"data\":{\"ts\":1,\"seqnum\":2,\"asks\":[[\"1e-100\",\"1E+100\"]],"
            + "\"bids\":[[\"" + "9".repeat(99) + "\",\"0.5\"]]}}";
        StreamMessage decoded = decoder.decode(frame);
        assertThat(decoded).isInstanceOf(DepthUpdate.class);
        DepthUpdate depth = (DepthUpdate) decoded;
        assertThat(depth.data().asks().get(0).price()).isEqualByComparingTo("1e-100");
        assertThat(depth.data().bids().get(0).price()).isEqualByComparingTo("9".repeat(99));
    }

    @Test
    void restModelsRefuseExtremeDecimalsNamingTheField() {
        assertThatThrownBy(() -> BitMaxJson.mapper().readValue("{\"tickSize\":\"1e999999999\"}", PriceFilter.class))
            .isInstanceOf(InvalidFormatException.class)
            .hasMessageContaining("scale")
            .hasMessageContaining("tickSize");
        assertThatThrownBy(() -> BitMaxJson.mapper().readValue("{\"tickSize\":\"" + "1".repeat(5000) + "\"}",
            PriceFilter.class))
            .isInstanceOf(InvalidFormatException.class)
            .hasMessageContaining("5000 characters")
            .hasMessageContaining("tickSize");
    }

    // ------------------------------------------------------------------ 1 MB frames

    @Test
    void aMegabyteDecimalStringIsRefusedWithoutParsingIt() {
        String digits = "7".repeat(MEGABYTE);
        assertUnknownWithinBound("{\"m\":\"depth\",\"symbol\":\"BTC-PERP\",\"data\":{\"asks\":[[\"" + digits + "\",\"1\"]]}}");
        assertUnknownWithinBound("{\"m\":\"futures-order\",\"p\":\"" + digits + "\"}");
        assertUnknownWithinBound("{\"m\":\"bbo\",\"symbol\":\"BTC-PERP\",\"data\":{\"bid\":[\"" + digits + "\",\"1\"]}}");
        assertUnknownWithinBound("{\"m\":\"futures-account-update\",\"col\":[{\"a\":\"USDT\",\"b\":\"" + digits + "\"}]}");
    }

    @Test
    void aMegabyteNumberIsRefused() {
        assertUnknownWithinBound("{\"m\":\"depth\",\"symbol\":\"BTC-PERP\",\"data\":{\"ts\":" + "9".repeat(MEGABYTE) + "}}");
        assertUnknownWithinBound("{\"m\":\"futures-order\",\"q\":" + "9".repeat(MEGABYTE) + "}");
    }

    @Test
    void aMegabyteOfNestingIsRefused() {
        assertUnknownWithinBound("{\"m\":\"depth\",\"data\":" + "[".repeat(MEGABYTE) + "}");
        assertUnknownWithinBound("{\"m\":\"trades\",\"x\":" + "{\"a\":".repeat(MEGABYTE / 5) + "1" + "}".repeat(MEGABYTE / 5) + "}");
    }

    @Test
    void aMegabyteOfRandomBytesIsUnknown() {
        byte[] noise = new byte[MEGABYTE];
        new Random(7).nextBytes(noise);
        noise[0] = '{';
        StreamMessage decoded = assertTimeoutPreemptively(BOUND, () -> decoder.decode(noise));
        assertThat(decoded).isInstanceOf(Unknown.class);
    }

    @Test
    void aMegabyteStringOrManyKeysDecodeInBoundedWork() {
        String symbol = "S".repeat(MEGABYTE);
        StreamMessage longSymbol = assertTimeoutPreemptively(BOUND, () -> decoder.decode(
            "{\"m\":\"depth\",\"symbol\":\"" + symbol + "\",\"data\":{\"ts\":1,\"seqnum\":2,\"asks\":[],\"bids\":[]}}"));
        assertThat(longSymbol).isInstanceOfSatisfying(DepthUpdate.class, d -> assertThat(d.symbol()).hasSize(MEGABYTE));

        StringBuilder keys = new StringBuilder("{\"m\":\"futures-order\"");
        for (int k = 0; keys.length() < MEGABYTE; k++) {
            keys.append(",\"k").append(k).append("\":").append(k);
        }
        keys.append(",\"sn\":5,\"sn\":6}"); // duplicate key: the last one wins
        StreamMessage manyKeys = assertTimeoutPreemptively(BOUND, () -> decoder.decode(keys.toString()));
        assertThat(manyKeys).isInstanceOfSatisfying(StreamMessage.OrderReport.class, o -> assertThat(o.sn()).isEqualTo(6L));
        assertThat(decoder.decode(keys.toString().getBytes(StandardCharsets.UTF_8))).isEqualTo(manyKeys);
    }

    @Test
    void aMegabyteDepthDecodesInBoundedWork() {
        StringBuilder levels = new StringBuilder();
        for (int k = 0; levels.length() < MEGABYTE; k++) {
            levels.append(k == 0 ? "" : ",").append("[\"").append(30000 + k).append(".25\",\"0.0").append(k).append("\"]");
        }
        String frame = "{\"m\":\"depth\",\"symbol\":\"BTC-PERP\",\"data\":{\"ts\":1,\"seqnum\":2,\"asks\":[" + levels + "],\"bids\":[]}}";
        byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        StreamMessage decoded = assertTimeoutPreemptively(BOUND, () -> decoder.decode(bytes));
        assertThat(decoded).isInstanceOfSatisfying(DepthUpdate.class, d -> assertThat(d.data().asks()).hasSizeGreaterThan(40_000));
        assertThat(decoder.decode(frame)).isEqualTo(decoded);
    }

    private void assertUnknownWithinBound(String frame) {
        byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        StreamMessage fromBytes = assertTimeoutPreemptively(BOUND, () -> decoder.decode(bytes));
        StreamMessage fromText = assertTimeoutPreemptively(BOUND, () -> decoder.decode(frame));
        assertThat(fromBytes).as(frame.substring(0, 60)).isInstanceOf(Unknown.class);
        assertThat(fromText).isEqualTo(fromBytes);
    }
}
