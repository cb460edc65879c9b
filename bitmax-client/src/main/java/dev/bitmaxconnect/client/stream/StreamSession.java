package dev.bitmaxconnect.client.stream;

import dev.bitmaxconnect.client.BitMaxApiException;
import dev.bitmaxconnect.client.BitMaxTransportException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * One WebSocket connection of a {@link BitMaxStream}: OkHttp's callbacks turned into the stream's events,
 * and what the stream needs to know about the connection (ready, lost, when it last heard from the server).
 */
final class StreamSession extends WebSocketListener {
    /** What a session tells its stream. */
    interface Events {
        void opened(StreamSession session);

        void frame(StreamSession session, String text);

        void binaryFrame(StreamSession session, int size);

        /** A verdict that retrying the same request cannot change: a 4xx on the upgrade, an untrusted certificate. */
        void refused(StreamSession session, Exception verdict);

        void lost(StreamSession session, String reason);
    }

    private final String url;
    private final Events events;
    volatile WebSocket webSocket;
    volatile boolean ready;
    volatile boolean lost;
    volatile long lastReceived = System.nanoTime();

    StreamSession(String url, Events events) {
        this.url = url;
        this.events = events;
    }

    @Override
    public void onOpen(WebSocket ws, Response response) {
        lastReceived = System.nanoTime();
        events.opened(this);
    }

    @Override
    public void onMessage(WebSocket ws, String text) {
        lastReceived = System.nanoTime();
        events.frame(this, text);
    }

    @Override
    public void onMessage(WebSocket ws, ByteString bytes) {
        lastReceived = System.nanoTime();
        events.binaryFrame(this, bytes.size());
    }

    @Override
    public void onClosing(WebSocket ws, int code, String reason) {
        ws.close(1000, null);
        events.lost(this, "server closed the connection (" + code + (reason.isEmpty() ? "" : " " + reason) + ")");
    }

    @Override
    public void onClosed(WebSocket ws, int code, String reason) {
        events.lost(this, "closed (" + code + ")");
    }

    @Override
    public void onFailure(WebSocket ws, Throwable t, Response response) {
        Exception verdict = verdict(t, response);
        if (verdict != null) {
            events.refused(this, verdict);
        }
        String why = response != null ? "HTTP " + response.code() : t.getClass().getSimpleName()
            + (t.getMessage() == null ? "" : ": " + t.getMessage());
        events.lost(this, why);
    }

    /** The failure as a verdict on the request, or null when trying again can help. */
    private Exception verdict(Throwable t, Response response) {
        int status = response == null ? 0 : response.code();
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            // a verdict on the request (bad signature, unknown group): retrying the same request cannot help
            return new BitMaxApiException(0, status == 401 || status == 403 ? "AUTHENTICATION_FAILED" : "UPGRADE_REFUSED",
                "the server refused the WebSocket upgrade", status);
        }
        if (t instanceof SSLHandshakeException || t instanceof SSLPeerUnverifiedException) {
            return new BitMaxTransportException("TLS handshake with " + url + " failed: " + t.getMessage()
                + " (the server's certificate is not trusted or does not name this host;"
                + " certificates are always verified, to trust a private CA set"
                + " BitMaxClientConfig.Builder.tls(sslSocketFactory, trustManager))", false, t);
        }
        return null;
    }
}
