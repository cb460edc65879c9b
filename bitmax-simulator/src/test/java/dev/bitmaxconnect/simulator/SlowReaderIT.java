package dev.bitmaxconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A client that stops reading market data is cut off, as an exchange does, rather than silently losing messages. */
class SlowReaderIT {

    @Test
    void aReaderTooFarBehindIsDisconnectedAndCountedWhileAFastOneKeepsReceiving() throws Exception {
        try (BitMaxSimulator sim = BitMaxSimulator.builder().syntheticMarketData(true).marketDataRate(20_000).build()
                .start();
             WsTestClient fast = WsTestClient.connect(sim.wsUrl() + "/api/pro/v2/stream")) {
            fast.send(Map.of("op", "sub", "id", "f", "ch", "trades:BTC-PERP"));
            fast.awaitM("sub");

            CompletableFuture<Void> slowClosed = new CompletableFuture<>();
            HttpClient http = HttpClient.newHttpClient();
            WebSocket slow = http.newWebSocketBuilder()
                    .buildAsync(URI.create(sim.wsUrl() + "/api/pro/v2/stream"), new StalledReader(slowClosed))
                    .get(5, TimeUnit.SECONDS);
            slow.sendText("{\"op\":\"sub\",\"id\":\"s\",\"ch\":\"depth:*\"}", true).get(5, TimeUnit.SECONDS);
            slow.sendText("{\"op\":\"sub\",\"id\":\"t\",\"ch\":\"trades:*\"}", true).get(5, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(90)).until(() -> sim.sessionsDisconnectedForSlowReading() == 1);
            fast.clear();
            fast.awaitM("trades");
            assertThat(fast.isOpen()).isTrue();
            assertThat(sim.sessionsDisconnectedForSlowReading()).as("only the slow reader is cut off").isEqualTo(1);

            // reading again, the slow client finds its connection closed after what was already on its way
            slow.request(Long.MAX_VALUE);
            slowClosed.get(60, TimeUnit.SECONDS);
        }
    }

    /** Reads the welcome message and nothing more, until asked to. */
    private record StalledReader(CompletableFuture<Void> closed) implements WebSocket.Listener {
        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(null);
        }
    }
}
