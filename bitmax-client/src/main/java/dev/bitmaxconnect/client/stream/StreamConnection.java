package dev.bitmaxconnect.client.stream;

import dev.bitmaxconnect.client.BitMaxApiException;
import dev.bitmaxconnect.client.BitMaxClientConfig;
import dev.bitmaxconnect.client.BitMaxTransportException;
import dev.bitmaxconnect.client.auth.RequestSigner;
import dev.bitmaxconnect.client.stream.BitMaxStream.AuthMethod;
import dev.bitmaxconnect.client.stream.BitMaxStream.State;
import dev.bitmaxconnect.client.stream.StreamMessage.AuthResult;
import dev.bitmaxconnect.client.stream.StreamMessage.Disconnected;
import dev.bitmaxconnect.client.stream.StreamMessage.Ping;
import dev.bitmaxconnect.client.stream.StreamMessage.Pong;
import dev.bitmaxconnect.client.stream.StreamMessage.SubscriptionAck;
import dev.bitmaxconnect.client.stream.StreamMessage.Unknown;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session state machine behind a {@link BitMaxStream}: opens a session, authenticates it (request headers
 * or an {@code op:auth} message), subscribes, answers server pings and sends its own every ping interval, and
 * when the session is lost fails what waits for a reply and opens a new one after a backoff; closes once.
 * The other jobs have a type each: one connection ({@link StreamSession}), request/reply correlation
 * ({@link PendingReplies}), listener dispatch with the overflow policy ({@link ListenerDispatcher}), the
 * frame-size guard ({@link FrameSizeGuard}), the reconnect delay ({@link ReconnectBackoff}), the
 * subscriptions to renew ({@link Subscriptions}).
 */
final class StreamConnection implements StreamSession.Events {
    private static final Logger log = LoggerFactory.getLogger(BitMaxStream.class); // one logger for the stream

    private final BitMaxClientConfig config;
    private final String url;
    private final AuthMethod authMethod;
    private final RequestSigner signer;
    private final StreamMessageDecoder decoder = new StreamMessageDecoder();
    private final OkHttpClient http;
    private final ScheduledExecutorService scheduler;
    private final ListenerDelivery delivery;
    private final PendingReplies replies;
    private final FrameSizeGuard frameSizeGuard;
    private final ReconnectBackoff backoff;
    private final Subscriptions subscriptions = new Subscriptions();
    private final CompletableFuture<Void> firstSession = new CompletableFuture<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong unknown = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final String idPrefix = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36), 36);

    private final Object lock = new Object();
    private State state = State.NEW;
    private StreamSession current;
    private int failedAttempts;
    private boolean everConnected;
    private int attempts;
    private String lastFailure = "no answer yet";
    private ScheduledFuture<?> reconnectTask;
    private ScheduledFuture<?> pingTask;

    StreamConnection(BitMaxClientConfig config, String url, AuthMethod authMethod, StreamListener listener,
                     boolean frameText, boolean onReaderThread) {
        this.config = config;
        this.url = url;
        this.authMethod = authMethod;
        this.signer = authMethod == AuthMethod.NONE ? null
            : new RequestSigner(config.credentials().get(), config.wsKeyEncoding());
        OkHttpClient.Builder hb = new OkHttpClient.Builder()
            .connectTimeout(config.connectTimeout())
            .readTimeout(config.readTimeout())
            .writeTimeout(config.writeTimeout());
        if (config.sslSocketFactory().isPresent()) {
            hb.sslSocketFactory(config.sslSocketFactory().get(), config.trustManager().get());
        }
        this.http = hb.build();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bitmax-stream-timer");
            t.setDaemon(true);
            return t;
        });
        DirectDelivery direct = new DirectDelivery(Objects.requireNonNull(listener, "listener"), frameText);
        this.delivery = onReaderThread ? direct
            : new ListenerDispatcher(direct, config.listenerBufferSize(), config.overflowPolicy());
        this.replies = new PendingReplies(scheduler, config.wsRequestTimeout());
        this.frameSizeGuard = new FrameSizeGuard(config.maxFrameBytes());
        this.backoff = new ReconnectBackoff(config.reconnectBackoffMin(), config.reconnectBackoffMax());
    }

    /**
     * Opens the first session. The future completes once it is up (and authenticated). It fails on a rejected
     * auth or an untrusted certificate (the stream then closes), and with a {@link BitMaxTransportException} when
     * no session came up within {@code wsConnectDeadline}; the stream then keeps trying until {@link #close()}d.
     */
    CompletableFuture<Void> connect() {
        synchronized (lock) {
            if (state != State.NEW) {
                return firstSession;
            }
            state = State.CONNECTING;
            delivery.start();
            openSession();
            long deadline = config.wsConnectDeadline().toMillis();
            scheduler.schedule(() -> firstSessionOverdue(deadline), deadline, TimeUnit.MILLISECONDS);
        }
        return firstSession;
    }

    /**
     * No first session within the deadline: fail {@link #connect()}'s future. The stream keeps trying (callers
     * that started it without waiting rely on that); {@link #close()} stops it.
     */
    private void firstSessionOverdue(long deadlineMillis) {
        String message;
        synchronized (lock) {
            if (everConnected || state == State.CLOSED) {
                return;
            }
            message = "no WebSocket session with " + url + " within wsConnectDeadline " + deadlineMillis + " ms ("
                + attempts + " attempt" + (attempts == 1 ? "" : "s") + ", last: " + lastFailure + ")";
        }
        log.warn("BitMax stream {}; still trying until closed", message);
        firstSession.completeExceptionally(new BitMaxTransportException(message, false, null));
    }

    State state() {
        synchronized (lock) {
            return state;
        }
    }

    StreamStats stats() {
        return new StreamStats(received.get(), delivery.dropped(), delivery.bufferFullEvents(), reconnects.get(),
            unknown.get(), rejected.get());
    }

    List<StreamChannel> subscriptions() {
        return subscriptions.all();
    }

    // ------------------------------------------------------------------ subscriptions

    /**
     * Subscribes now (or on the next session) and on every later session. The future completes on the
     * server's {@code sub} ack; servers that send none let it time out, which does not undo the subscription.
     */
    CompletableFuture<Void> subscribe(StreamChannel channel) {
        StreamSession session;
        synchronized (lock) {
            if (state == State.CLOSED) {
                return CompletableFuture.failedFuture(new IllegalStateException("stream is closed"));
            }
            session = readySession();
            if (session == null) {
                return subscriptions.addForNextSession(channel);
            }
            subscriptions.add(channel);
        }
        return sendSubscription(session, "sub", channel);
    }

    /** Unsubscribes and stops re-subscribing; completes on the {@code unsub} ack. */
    CompletableFuture<Void> unsubscribe(StreamChannel channel) {
        StreamSession session;
        synchronized (lock) {
            subscriptions.remove(channel);
            session = readySession();
            if (session == null) {
                return CompletableFuture.completedFuture(null);
            }
        }
        return sendSubscription(session, "unsub", channel);
    }

    private CompletableFuture<Void> sendSubscription(StreamSession session, String op, StreamChannel channel) {
        String id = nextId();
        CompletableFuture<Void> ack = send(session, id, op + " " + channel, StreamRequests.subscription(op, id, channel),
            SubscriptionAck.class).thenApply(a -> null);
        if (op.equals("sub")) {
            ack.whenComplete((ok, error) -> {
                Throwable cause = unwrap(error);
                if (cause instanceof BitMaxTransportException && !session.lost) {
                    // No ack on a live session: the channel may not be subscribed, and the session would look
                    // healthy while it stays silent. A new session subscribes again.
                    session.webSocket.cancel();
                    lost(session, "subscription to " + channel + " not acknowledged: " + cause.getMessage());
                }
            });
        }
        return ack;
    }

    /** A request id unique to this stream. */
    String nextId() {
        return idPrefix + ids.incrementAndGet();
    }

    /** Sends a request on the ready session; fails at once when there is none. */
    <T extends StreamMessage> CompletableFuture<T> request(String key, String what, String msg, Class<T> reply) {
        StreamSession session;
        synchronized (lock) {
            session = readySession();
        }
        if (session == null) {
            return CompletableFuture.failedFuture(
                new BitMaxTransportException(what + ": the stream is not connected", false, null));
        }
        return send(session, key, what, msg, reply);
    }

    private <T extends StreamMessage> CompletableFuture<T> send(StreamSession session, String key, String what,
                                                               String msg, Class<T> reply) {
        return replies.send(session.webSocket, key, what, msg, reply);
    }

    // ------------------------------------------------------------------ sessions

    private StreamSession readySession() {
        return state == State.CONNECTED && current != null && current.ready ? current : null;
    }

    /** Called with the lock held. */
    private void openSession() {
        Request.Builder rb = new Request.Builder().url(url);
        if (authMethod == AuthMethod.HEADERS) {
            long ts = config.clock().millis();
            rb.header(RequestSigner.HEADER_KEY, signer.apiKey())
                .header(RequestSigner.HEADER_TIMESTAMP, Long.toString(ts))
                .header(RequestSigner.HEADER_SIGNATURE, signer.sign(ts, config.wsSignedPath()));
        }
        StreamSession session = new StreamSession(url, this);
        current = session;
        attempts++;
        session.webSocket = http.newWebSocket(rb.build(), session);
    }

    @Override
    public void opened(StreamSession session) {
        if (authMethod == AuthMethod.MESSAGE) {
            long ts = config.clock().millis();
            String id = nextId();
            String msg = StreamRequests.auth(id, ts, signer.apiKey(), signer.sign(ts, config.wsSignedPath()));
            send(session, id, "auth", msg, AuthResult.class).whenComplete((result, error) -> {
                if (error != null) {
                    authFailed(session, error);
                } else {
                    sessionReady(session);
                }
            });
        } else {
            sessionReady(session);
        }
    }

    private void authFailed(StreamSession session, Throwable error) {
        Throwable cause = unwrap(error);
        log.warn("BitMax stream {} authentication failed: {}", url, cause.getMessage());
        if (cause instanceof BitMaxApiException && closeBeforeFirstSession(cause)) {
            return; // bad credentials on the first try: tell the caller instead of retrying for ever
        }
        delivery.error(cause);
        session.webSocket.cancel();
        lost(session, "authentication failed: " + cause.getMessage());
    }

    @Override
    public void refused(StreamSession session, Exception verdict) {
        if (closeBeforeFirstSession(verdict)) {
            log.warn("BitMax stream {} closed before its first session: {}", url, verdict.getMessage());
        } else {
            delivery.error(verdict); // the session is lost too, and logged as such
        }
    }

    /**
     * A verdict that retrying cannot change closes the stream before its first session, failing
     * {@link #connect()}'s future with it; later, the stream reports it and keeps reconnecting. True when closed.
     */
    private boolean closeBeforeFirstSession(Throwable verdict) {
        boolean beforeFirstSession;
        synchronized (lock) {
            beforeFirstSession = !everConnected;
        }
        if (beforeFirstSession) {
            closeWith(verdict);
        }
        return beforeFirstSession;
    }

    private void sessionReady(StreamSession session) {
        boolean first;
        List<StreamChannel> toSubscribe;
        synchronized (lock) {
            if (session != current || state == State.CLOSED) {
                return;
            }
            session.ready = true;
            state = State.CONNECTED;
            if (delivery.hasRoom()) {
                failedAttempts = 0; // a listener still behind keeps the backoff growing (RECONNECT overflow policy)
            }
            first = !everConnected;
            everConnected = true;
            toSubscribe = subscriptions.all();
            if (pingTask == null) {
                long every = config.pingInterval().toMillis();
                pingTask = scheduler.scheduleAtFixedRate(this::pingTick, every, every, TimeUnit.MILLISECONDS);
            }
        }
        log.info("BitMax stream {} {}", url, first ? "connected" : "reconnected");
        delivery.connected(first);
        for (StreamChannel channel : toSubscribe) {
            subscriptions.sent(channel, sendSubscription(session, "sub", channel));
        }
        if (first) {
            firstSession.complete(null);
        }
    }

    private void pingTick() {
        StreamSession session;
        synchronized (lock) {
            session = readySession();
        }
        if (session == null) {
            return;
        }
        long silentNanos = System.nanoTime() - session.lastReceived;
        if (silentNanos > 3 * config.pingInterval().toNanos()) {
            log.warn("BitMax stream {} silent for {} ms, reconnecting", url, TimeUnit.NANOSECONDS.toMillis(silentNanos));
            session.webSocket.cancel();
            lost(session, "no message for " + TimeUnit.NANOSECONDS.toMillis(silentNanos) + " ms");
            return;
        }
        session.webSocket.send(StreamRequests.PING);
    }

    @Override
    public void lost(StreamSession session, String reason) {
        long delayMillis;
        synchronized (lock) {
            if (session != current || session.lost) {
                return;
            }
            session.lost = true;
            session.ready = false;
            lastFailure = reason;
            if (state == State.CLOSED) {
                return;
            }
            state = State.RECONNECTING;
            delayMillis = backoff.delayMillis(failedAttempts++);
            reconnectTask = scheduler.schedule(this::reconnect, delayMillis, TimeUnit.MILLISECONDS);
        }
        replies.failAll(reason);
        log.warn("BitMax stream {} lost ({}), reconnecting in {} ms", url, reason, delayMillis);
        delivery.disconnected(reason);
    }

    private void reconnect() {
        synchronized (lock) {
            if (state == State.CLOSED) {
                return;
            }
            if (everConnected) {
                reconnects.incrementAndGet();
            }
            openSession();
        }
    }

    @Override
    public void frame(StreamSession session, String text) {
        if (session.lost) {
            return; // read from a connection already dropped (OkHttp had it buffered when it was cancelled)
        }
        String refusal = frameSizeGuard.refusal(text);
        if (refusal != null) {
            rejected.incrementAndGet();
            log.warn("BitMax stream {} rejected a text {}, resetting the connection", url, refusal);
            session.webSocket.cancel();
            lost(session, refusal);
            return;
        }
        received.incrementAndGet();
        StreamMessage message = decoder.decode(text);
        if (message instanceof Ping) {
            session.webSocket.send(StreamRequests.PONG);
            return;
        }
        if (message instanceof Pong) {
            return;
        }
        if (message instanceof Unknown) {
            unknown.incrementAndGet();
            log.debug("BitMax stream unknown message: {}", text.length() > 500 ? text.substring(0, 500) : text);
        }
        replies.complete(message);
        if (message instanceof Disconnected d) {
            log.warn("BitMax stream {} server says disconnected: {} {}", url, d.reason(), d.info());
        }
        if (message instanceof AuthResult) {
            return; // an internal exchange; the listener hears onConnected / onError
        }
        if (!delivery.deliver(message, text)) {
            log.warn("BitMax stream {} listener buffer full ({}), reconnecting", url, config.listenerBufferSize());
            session.webSocket.cancel();
            lost(session, "listener buffer full");
        }
    }

    @Override
    public void binaryFrame(StreamSession session, int size) {
        rejected.incrementAndGet();
        String refusal = frameSizeGuard.binaryRefusal(size);
        if (refusal != null) {
            log.warn("BitMax stream {} rejected a {}, resetting the connection", url, refusal);
            session.webSocket.cancel();
            lost(session, refusal);
        } else {
            log.warn("BitMax stream {} ignored a binary frame of {} bytes (the exchange sends text)", url, size);
        }
    }

    /**
     * Closes the session and stops reconnecting; pending requests fail. Messages already buffered are still
     * delivered (for up to 5 s) unless close is called from the listener itself.
     */
    void close() {
        closeWith(new IllegalStateException("stream closed"));
    }

    /** Closes; {@code reason} fails {@link #connect()}'s future if the first session never came up. */
    private void closeWith(Throwable reason) {
        StreamSession session;
        synchronized (lock) {
            if (state == State.CLOSED) {
                return;
            }
            boolean started = state != State.NEW;
            state = State.CLOSED;
            session = current;
            if (reconnectTask != null) {
                reconnectTask.cancel(false);
            }
            if (pingTask != null) {
                pingTask.cancel(false);
            }
            if (!started) {
                session = null;
            }
        }
        if (session != null) {
            session.webSocket.close(1000, "client closing");
        }
        replies.failAll("stream closed");
        firstSession.completeExceptionally(reason);
        scheduler.shutdownNow();
        delivery.stop();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
