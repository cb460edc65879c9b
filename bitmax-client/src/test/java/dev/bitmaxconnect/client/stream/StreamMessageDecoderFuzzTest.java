package dev.bitmaxconnect.client.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.bitmaxconnect.client.json.BitMaxJson;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property-based fuzzing of {@link StreamMessageDecoder}: random bytes and mutated valid frames
 * ({@link HostileFrames}). For every input: nothing throws, {@code decode(byte[])} and {@code decode(String)}
 * agree on valid UTF-8, and the result encodes back to JSON of bounded size. Tries per property come from
 * {@code jqwik.tries.default} ({@code -Dfuzz.tries=100000} for the long run).
 */
class StreamMessageDecoderFuzzTest {
    private static final String[] PREFIXES = {"", "{", "{\"m\":\"depth\",", "{\"m\":\"trades\",\"symbol\":\"ETH-PERP\",\"data\":[",
        "{\"m\":\"futures-order\",", "{\"m\":\"depth\",\"symbol\":\"BTC-PERP\",\"data\":{\"asks\":[[\"", "{\"m\":\"bbo\",",
        "{\"m\":\"sub\",", "{\"m\":\"order\",\"code\":", "{\"m\":\"futures-account-update\",\"col\":["};

    private final StreamMessageDecoder decoder = new StreamMessageDecoder();

    @Property
    void randomBytesNeverBreakTheDecoder(@ForAll("randomFrames") byte[] frame) {
        checkFrame(frame);
    }

    @Property
    void mutatedValidFramesNeverBreakTheDecoder(@ForAll("mutatedFrames") byte[] frame) {
        checkFrame(frame);
    }

    @Provide
    Arbitrary<byte[]> randomFrames() {
        Arbitrary<byte[]> tails = Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
        return Combinators.combine(Arbitraries.of(PREFIXES), tails).as((prefix, tail) -> {
            byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
            byte[] frame = Arrays.copyOf(head, head.length + tail.length);
            System.arraycopy(tail, 0, frame, head.length, tail.length);
            return frame;
        });
    }

    @Provide
    Arbitrary<byte[]> mutatedFrames() {
        return Arbitraries.longs().map(HostileFrames::mutated);
    }

    /** The invariants every frame must keep, whatever it holds. */
    void checkFrame(byte[] frame) {
        StreamMessage decoded = decoder.decode(frame);
        String shown = new String(frame, 0, Math.min(frame.length, 300), StandardCharsets.UTF_8);
        assertThat(decoded).as(shown).isNotNull();

        String text = new String(frame, StandardCharsets.UTF_8);
        if (Arrays.equals(text.getBytes(StandardCharsets.UTF_8), frame)) {
            assertThat(decoder.decode(text)).as("decode(String) vs decode(byte[]) on %s", shown).isEqualTo(decoded);
        }

        String encoded;
        try {
            encoded = BitMaxJson.mapper().writeValueAsString(decoded);
        } catch (JsonProcessingException e) {
            throw new AssertionError("a decoded " + decoded.type() + " does not encode back: " + e, e);
        }
        assertThat(encoded.length()).as("re-encoded size of %s", shown).isLessThanOrEqualTo(6 * frame.length + 1000);
    }
}
