package dev.bitmaxconnect.client.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitmaxconnect.client.BitMaxClientConfig;
import dev.bitmaxconnect.client.BitMaxTransportException;
import dev.bitmaxconnect.client.model.FuturesContract;
import dev.bitmaxconnect.client.rest.BitMaxRestClient;
import dev.bitmaxconnect.client.stream.BitMaxStream;
import dev.bitmaxconnect.client.stream.StreamListener;
import dev.bitmaxconnect.client.stream.StreamMessage;
import dev.bitmaxconnect.client.testing.Examples;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * REST and WebSocket against a local TLS server whose certificate comes from a private CA: refused by default
 * (with an error that says how to trust the CA), accepted once the CA is configured through
 * {@link BitMaxClientConfig.Builder#tls}, and refused again when the certificate names another host.
 */
class TlsVerificationIT {
    private static HeldCertificate privateCa;
    private static HandshakeCertificates trustingThePrivateCa;

    private MockWebServer server;
    private BitMaxStream stream;

    @BeforeAll
    static void makeCertificates() {
        privateCa = new HeldCertificate.Builder().certificateAuthority(0).commonName("bitmax test CA").build();
        trustingThePrivateCa = new HandshakeCertificates.Builder().addTrustedCertificate(privateCa.certificate()).build();
    }

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
    }

    @AfterEach
    void stop() {
        if (stream != null) {
            stream.close();
        }
        server.close();
    }

    private void serveTls(String... hostNames) throws Exception {
        HeldCertificate.Builder cert = new HeldCertificate.Builder().signedBy(privateCa).commonName(hostNames[0]);
        for (String host : hostNames) {
            cert.addSubjectAlternativeName(host);
        }
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(cert.build()).build().sslSocketFactory());
        server.start();
    }

    private BitMaxClientConfig.Builder config() {
        String https = server.url("/").toString();
        return BitMaxClientConfig.builder()
            .restUrl(https)
            .wsUrl("wss" + https.substring(5))
            .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(100))
            .wsConnectDeadline(Duration.ofSeconds(30));
    }

    private void enqueueContracts() {
        server.enqueue(new MockResponse.Builder()
            .body(Examples.text("futures-contracts-info--response-futures-contracts-info.json")).build());
    }

    private void enqueueWebSocket() {
        server.enqueue(new MockResponse.Builder().webSocketUpgrade(new WebSocketListener() {
            @Override
            public void onOpen(WebSocket webSocket, Response response) {
                webSocket.send("{\"m\":\"connected\",\"type\":\"unauth\"}");
            }

            @Override
            public void onClosing(WebSocket webSocket, int code, String reason) {
                webSocket.close(1000, null); // answer the client's close so the server can shut down
            }
        }).build());
    }

    private BitMaxStream publicStream(BitMaxClientConfig config) {
        return BitMaxStream.builder(config).publicEndpoint().listener(new StreamListener() {
            @Override
            public void onMessage(StreamMessage message) {
            }
        }).build();
    }

    @Test
    void anUntrustedCertificateIsRefusedByRestAndWebSocket() throws Exception {
        serveTls("localhost", "127.0.0.1");
        BitMaxClientConfig config = config().build();

        try (BitMaxRestClient rest = new BitMaxRestClient(config)) {
            assertThatThrownBy(rest::futuresContracts)
                .isInstanceOf(BitMaxTransportException.class)
                .hasMessageContaining("SSLHandshakeException")
                .hasMessageContaining("not trusted")
                .hasMessageContaining("BitMaxClientConfig.Builder.tls(");
        }

        stream = publicStream(config);
        long start = System.nanoTime();
        assertThatThrownBy(() -> stream.connect().get(20, TimeUnit.SECONDS))
            .isInstanceOf(ExecutionException.class)
            .cause()
            .isInstanceOf(BitMaxTransportException.class)
            .hasMessageContaining("TLS handshake with wss://")
            .hasMessageContaining("BitMaxClientConfig.Builder.tls(");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("fails at once, not at the connect deadline")
            .isLessThan(Duration.ofSeconds(20));
        assertThat(stream.state()).isEqualTo(BitMaxStream.State.CLOSED);
    }

    @Test
    void thePrivateCaConfiguredThroughTheClientIsTrusted() throws Exception {
        serveTls("localhost", "127.0.0.1");
        enqueueContracts();
        enqueueWebSocket();
        BitMaxClientConfig config = config()
            .tls(trustingThePrivateCa.sslSocketFactory(), trustingThePrivateCa.trustManager())
            .build();

        try (BitMaxRestClient rest = new BitMaxRestClient(config)) {
            List<FuturesContract> contracts = rest.futuresContracts();
            assertThat(contracts).isNotEmpty();
        }
        stream = publicStream(config);
        stream.connect().get(10, TimeUnit.SECONDS);
        assertThat(stream.isConnected()).isTrue();
        assertThat(stream.url()).startsWith("wss://");
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHandshake()).isNotNull();
    }

    @Test
    void aTrustedCertificateForAnotherHostIsRefused() throws Exception {
        serveTls("exchange.example");
        BitMaxClientConfig config = config()
            .tls(trustingThePrivateCa.sslSocketFactory(), trustingThePrivateCa.trustManager())
            .build();

        try (BitMaxRestClient rest = new BitMaxRestClient(config)) {
            assertThatThrownBy(rest::futuresContracts)
                .isInstanceOf(BitMaxTransportException.class)
                .hasMessageContaining("SSLPeerUnverifiedException")
                .hasMessageContaining("does not name this host");
        }
        stream = publicStream(config);
        assertThatThrownBy(() -> stream.connect().get(20, TimeUnit.SECONDS))
            .isInstanceOf(ExecutionException.class)
            .cause()
            .isInstanceOf(BitMaxTransportException.class)
            .hasMessageContaining("TLS handshake with wss://");
    }
}
