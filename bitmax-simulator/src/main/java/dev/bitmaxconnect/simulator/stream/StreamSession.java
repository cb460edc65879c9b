package dev.bitmaxconnect.simulator.stream;

import dev.bitmaxconnect.simulator.engine.Account;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection: its authentication, subscriptions, health points and outgoing queue depth. (Public only
 * because Jetty requires public listener classes.)
 */
public final class StreamSession implements Session.Listener.AutoDemanding {

    /**
     * A session this many messages behind is disconnected when more market data comes, as an exchange cuts off a
     * slow reader: the client sees the loss as a lost connection, never as a silent hole in the feed.
     */
    static final int MAX_QUEUED_MARKET_DATA = 50_000;
    /** A session this many messages behind is disconnected instead of queueing a message that must not be lost. */
    static final int MAX_QUEUED = 200_000;
    private static final Logger LOG = LoggerFactory.getLogger(StreamSession.class);

    final StreamService service;
    final Integer pathGroup;
    /** The channel keys this session is subscribed to (see {@link StreamHub}). */
    final Set<String> keys = ConcurrentHashMap.newKeySet();
    volatile Account account;
    volatile boolean subscribedOrders;
    volatile boolean subscribedAccount;
    volatile long lastClientMessageNanos = System.nanoTime();
    final AtomicInteger missedPings = new AtomicInteger();
    private final AtomicBoolean cutOff = new AtomicBoolean();
    private final AtomicInteger queued = new AtomicInteger();
    private final Callback dequeued = new Callback() {
        @Override
        public void succeed() {
            queued.decrementAndGet();
        }

        @Override
        public void fail(Throwable x) {
            queued.decrementAndGet();
        }
    };
    private volatile Session session;

    StreamSession(StreamService service, Integer pathGroup, Account headerAccount) {
        this.service = service;
        this.pathGroup = pathGroup;
        this.account = headerAccount;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        service.opened(this);
    }

    @Override
    public void onWebSocketText(String message) {
        if (service.clientFramesLost()) {
            return;
        }
        lastClientMessageNanos = System.nanoTime();
        missedPings.set(0);
        service.received(this, message);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        service.closed(this);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        service.closed(this);
    }

    boolean isOpen() {
        Session s = session;
        return s != null && s.isOpen();
    }

    /** Sends a message that must not be lost (acks, private data). */
    void send(String text) {
        Session s = session;
        if (s == null) {
            return;
        }
        if (queued.get() >= MAX_QUEUED) {
            // bounded: a reader this far behind is cut off (it reconciles after reconnecting) rather than
            // letting its queue grow without limit
            LOG.warn("Disconnecting a WebSocket client {} messages behind", queued.get());
            s.disconnect();
            return;
        }
        queued.incrementAndGet();
        s.sendText(text, dequeued);
    }

    /**
     * Sends market data; a session too far behind is disconnected instead (once), and true is returned for the
     * one call that cut it off.
     */
    boolean offer(String text) {
        Session s = session;
        if (s == null || cutOff.get()) {
            return false;
        }
        if (queued.get() >= MAX_QUEUED_MARKET_DATA) {
            if (!cutOff.compareAndSet(false, true)) {
                return false;
            }
            LOG.warn("Disconnecting a slow WebSocket client {} messages behind on market data", queued.get());
            s.disconnect();
            return true;
        }
        queued.incrementAndGet();
        s.sendText(text, dequeued);
        return false;
    }

    /** Closes the TCP connection without a close frame. */
    void disconnect() {
        Session s = session;
        if (s != null) {
            s.disconnect();
        }
    }

    void close(int code, String reason) {
        Session s = session;
        if (s != null) {
            s.close(code, reason, Callback.NOOP);
        }
    }
}
