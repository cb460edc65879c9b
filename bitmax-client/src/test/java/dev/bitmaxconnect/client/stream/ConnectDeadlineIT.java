package dev.bitmaxconnect.client.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.bitmaxconnect.client.BitMaxClientConfig;
import dev.bitmaxconnect.client.BitMaxTransportException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code connect()} gives up after {@code wsConnectDeadline}; sessions lost later are retried without end. */
class ConnectDeadlineIT {
    private BitMaxStream stream;
    private final RecordingListener listener = new RecordingListener();

    @AfterEach
    void stop() {
        if (stream != null) {
            stream.close();
        }
    }

    @Test
    void aServerThatNeverAnswersFailsConnectAfterTheDeadline() throws Exception {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        accepted.add(silent.accept()); // accepted, never answered
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            BitMaxClientConfig config = BitMaxClientConfig.builder()
                .wsUrl("ws://127.0.0.1:" + silent.getLocalPort())
                .readTimeout(Duration.ofMillis(200))
                .reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(50))
                .wsConnectDeadline(Duration.ofMillis(1500))
                .build();
            stream = BitMaxStream.builder(config).publicEndpoint().listener(listener).build();

            long start = System.nanoTime();
            assertThatThrownBy(() -> stream.connect().get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(BitMaxTransportException.class)
                .hasMessageContaining("no WebSocket session with ws://127.0.0.1:" + silent.getLocalPort())
                .hasMessageContaining("within wsConnectDeadline 1500 ms")
                .hasMessageContaining("attempts, last: ")
                .hasMessageContaining("the request was not sent");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1400));
            assertThat(accepted).as("it retried before the deadline").hasSizeGreaterThan(1);

            // the stream keeps trying (callers that did not wait rely on it) until it is closed
            int attempts = accepted.size();
            await().atMost(Duration.ofSeconds(5)).until(() -> accepted.size() > attempts);
            assertThat(stream.state()).isNotEqualTo(BitMaxStream.State.CLOSED);
            stream.close();
            assertThat(stream.state()).isEqualTo(BitMaxStream.State.CLOSED);
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void anOutageLongerThanTheDeadlineAfterTheFirstSessionIsStillRetried() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            FakeExchangeSocket first = new FakeExchangeSocket();
            server.enqueue(new MockResponse.Builder().webSocketUpgrade(first).build());
            String http = server.url("/").toString();
            BitMaxClientConfig config = BitMaxClientConfig.builder()
                .wsUrl("ws" + http.substring(4))
                .reconnectBackoff(Duration.ofMillis(100), Duration.ofMillis(200))
                .wsConnectDeadline(Duration.ofMillis(300))
                .build();
            stream = BitMaxStream.builder(config).publicEndpoint().listener(listener).build();
            stream.connect().get(5, TimeUnit.SECONDS);
            assertThat(first.opened.await(5, TimeUnit.SECONDS)).isTrue();

            for (int n = 0; n < 8; n++) {
                server.enqueue(new MockResponse.Builder().code(503).build()); // refused upgrades during the outage
            }
            FakeExchangeSocket second = new FakeExchangeSocket();
            server.enqueue(new MockResponse.Builder().webSocketUpgrade(second).build());
            long dropped = System.nanoTime();
            first.socket.close(1001, "going away");

            await().atMost(Duration.ofSeconds(15)).until(() -> listener.events.contains("reconnected"));
            assertThat(Duration.ofNanos(System.nanoTime() - dropped)).as("the outage outlasted the deadline")
                .isGreaterThan(Duration.ofMillis(300));
            assertThat(second.opened.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.isConnected()).isTrue();
            assertThat(stream.stats().reconnects()).isGreaterThanOrEqualTo(9);
        }
    }

    @Test
    void aSessionThatComesUpAfterTheDeadlineIsStillDelivered() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            for (int n = 0; n < 8; n++) {
                server.enqueue(new MockResponse.Builder().code(503).build());
            }
            FakeExchangeSocket late = new FakeExchangeSocket();
            server.enqueue(new MockResponse.Builder().webSocketUpgrade(late).build());
            String http = server.url("/").toString();
            BitMaxClientConfig config = BitMaxClientConfig.builder()
                .wsUrl("ws" + http.substring(4))
                .reconnectBackoff(Duration.ofMillis(100), Duration.ofMillis(200))
                .wsConnectDeadline(Duration.ofMillis(200))
                .build();
            stream = BitMaxStream.builder(config).publicEndpoint().listener(listener).build();

            assertThatThrownBy(() -> stream.connect().get(10, TimeUnit.SECONDS))
                .cause().isInstanceOf(BitMaxTransportException.class).hasMessageContaining("HTTP 503");
            assertThat(late.opened.await(15, TimeUnit.SECONDS)).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> listener.events.contains("connected"));
            assertThat(stream.isConnected()).isTrue();
        }
    }

    @Test
    void theDeadlineMustBePositive() {
        assertThatThrownBy(() -> BitMaxClientConfig.builder().wsConnectDeadline(Duration.ZERO).build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("wsConnectDeadline");
        assertThatThrownBy(() -> BitMaxClientConfig.builder().maxFrameBytes(10).build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("maxFrameBytes must be >= 1024, was 10");
        assertThat(BitMaxClientConfig.builder().build().wsConnectDeadline()).isEqualTo(Duration.ofSeconds(60));
        assertThat(BitMaxClientConfig.builder().build().maxFrameBytes()).isEqualTo(1 << 20);
    }
}
