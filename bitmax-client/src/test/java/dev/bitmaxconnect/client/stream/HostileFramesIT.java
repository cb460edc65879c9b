package dev.bitmaxconnect.client.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bitmaxconnect.client.BitMaxClientConfig;
import dev.bitmaxconnect.client.stream.StreamMessage.DepthUpdate;
import dev.bitmaxconnect.client.stream.StreamMessage.Unknown;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Malformed and oversized frames from the exchange side, written on a raw socket: the stream counts them,
 * never decodes a frame over {@code maxFrameBytes}, resets and reconnects where needed, and the listener sees
 * no exception.
 */
class HostileFramesIT {
    private static final int MAX_FRAME = 64 * 1024;

    private RawWebSocketServer server;
    private BitMaxStream stream;
    private final RecordingListener listener = new RecordingListener();

    @AfterEach
    void stop() throws Exception {
        if (stream != null) {
            stream.close();
        }
        if (server != null) {
            server.close();
        }
    }

    static String depth(int seqnum) {
        return "{\"m\":\"depth\",\"symbol\":\"BTC-PERP\",\"data\":{\"ts\":1,\"seqnum\":" + seqnum
            + ",\"asks\":[[\"101\",\"1\"]],\"bids\":[]}}";
    }

    BitMaxStream publicStream(String wsUrl) {
        BitMaxClientConfig config = BitMaxClientConfig.builder()
            .wsUrl(wsUrl)
            .maxFrameBytes(MAX_FRAME)
            .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(200))
            .build();
        return BitMaxStream.builder(config).publicEndpoint().listener(listener).build();
    }

    @Test
    void malformedAndOversizedFramesAreCountedAndTheStreamCarriesOn() throws Exception {
        server = new RawWebSocketServer((connection, out) -> {
            switch (connection) {
                case 0 -> {
                    out.text("garbage{{{");
                    out.text("{\"m\":\"depth\",\"symbol\":\"BTC");                              // truncated JSON
                    out.text(new byte[] {'{', '"', 'm', '"', ':', '"', (byte) 0xFF, (byte) 0xC3, '"', '}'}); // invalid UTF-8
                    out.binary(new byte[] {1, 2, 3});
                    out.text(depth(1));
                    out.text("{\"m\":\"depth\",\"symbol\":\"" + "X".repeat(MAX_FRAME) + "\"}");      // over the limit
                    out.text(depth(999));                                                         // never read
                }
                case 1 -> {
                    out.text(depth(2));
                    out.binary(new byte[MAX_FRAME + 1]);                                          // over the limit
                }
                case 2 -> {
                    out.text(depth(3));
                    out.truncated(5000, 10);                                                      // cut off mid-frame
                    throw new IOException("hang up");
                }
                default -> out.text(depth(4));
            }
        });
        stream = publicStream(server.wsUrl());
        stream.connect().get(5, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(15)).until(() -> seqnums().contains(4L));
        assertThat(seqnums()).containsExactly(1L, 2L, 3L, 4L);
        StreamStats stats = stream.stats();
        assertThat(stats.rejectedFrames()).as("two binary and one oversized text frame").isEqualTo(3);
        assertThat(stats.unknownMessages()).as("garbage, truncated JSON, invalid UTF-8").isEqualTo(3);
        assertThat(stats.reconnects()).isGreaterThanOrEqualTo(3);
        assertThat(server.connections()).isGreaterThanOrEqualTo(4);
        assertThat(listener.messages).filteredOn(m -> m instanceof Unknown).hasSize(3);
        assertThat(listener.messages).filteredOn(m -> m instanceof Unknown)
            .allSatisfy(m -> assertThat(((Unknown) m).raw().length()).isLessThan(100));
        assertThat(listener.events).noneMatch(e -> e.startsWith("error:"));
        assertThat(listener.events).contains("reconnected");
        assertThat(server.failures).isEmpty();
        assertThat(stream.isConnected()).isTrue();
    }

    @Test
    void aFrameJustUnderTheLimitIsDecoded() throws Exception {
        String symbol = "é".repeat((MAX_FRAME - 200) / 2); // two UTF-8 bytes each: under the limit in bytes
        server = new RawWebSocketServer((connection, out) -> out.text(
            "{\"m\":\"depth\",\"symbol\":\"" + symbol + "\",\"data\":{\"ts\":1,\"seqnum\":7,\"asks\":[],\"bids\":[]}}"));
        stream = publicStream(server.wsUrl());
        stream.connect().get(5, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(5)).until(() -> !listener.messages.isEmpty());
        assertThat(listener.messages.get(0)).isInstanceOfSatisfying(DepthUpdate.class,
            d -> assertThat(d.symbol().getBytes(StandardCharsets.UTF_8).length).isGreaterThan(MAX_FRAME / 2));
        assertThat(stream.stats().rejectedFrames()).isZero();
        assertThat(stream.stats().reconnects()).isZero();
    }

    @Test
    void aMultiByteFrameOverTheLimitInBytesIsRejected() throws Exception {
        String symbol = "€".repeat(MAX_FRAME / 3 + 10); // fewer chars than the limit, more bytes
        server = new RawWebSocketServer((connection, out) -> {
            if (connection == 0) {
                out.text("{\"m\":\"depth\",\"symbol\":\"" + symbol + "\"}");
            } else {
                out.text(depth(5));
            }
        });
        stream = publicStream(server.wsUrl());
        stream.connect().get(5, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(10)).until(() -> seqnums().contains(5L));
        assertThat(listener.messages).noneMatch(m -> m instanceof DepthUpdate d && d.symbol() != null
            && d.symbol().startsWith("€"));
        assertThat(stream.stats().rejectedFrames()).isEqualTo(1);
    }

    private List<Long> seqnums() {
        return listener.messages.stream().filter(m -> m instanceof DepthUpdate).map(m -> ((DepthUpdate) m).seqnum()).toList();
    }
}
