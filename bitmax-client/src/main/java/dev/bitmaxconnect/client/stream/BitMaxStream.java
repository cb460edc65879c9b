package dev.bitmaxconnect.client.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitmaxconnect.client.BitMaxApiException;
import dev.bitmaxconnect.client.BitMaxClientConfig;
import dev.bitmaxconnect.client.BitMaxTransportException;
import dev.bitmaxconnect.client.auth.RequestSigner;
import dev.bitmaxconnect.client.json.BitMaxJson;
import dev.bitmaxconnect.client.model.CancelOrderRequest;
import dev.bitmaxconnect.client.model.NewOrderRequest;
import dev.bitmaxconnect.client.stream.StreamMessage.AccountSnapshot;
import dev.bitmaxconnect.client.stream.StreamMessage.AuthResult;
import dev.bitmaxconnect.client.stream.StreamMessage.DepthSnapshot;
import dev.bitmaxconnect.client.stream.StreamMessage.Disconnected;
import dev.bitmaxconnect.client.stream.StreamMessage.ErrorMessage;
import dev.bitmaxconnect.client.stream.StreamMessage.OrderAck;
import dev.bitmaxconnect.client.stream.StreamMessage.Ping;
import dev.bitmaxconnect.client.stream.StreamMessage.Pong;
import dev.bitmaxconnect.client.stream.StreamMessage.SubscriptionAck;
import dev.bitmaxconnect.client.stream.StreamMessage.Unknown;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One BitMax WebSocket session kept alive: connects to the public or the private endpoint, authenticates
 * (request headers or an {@code op:auth} message), answers server pings and sends its own every ping
 * interval, reconnects with exponential backoff and jitter, then re-authenticates and re-subscribes.
 * Decoded messages reach the {@link StreamListener} through a bounded buffer on one dispatch thread.
 * Requests (account snapshot, place/cancel order, cancel all, depth snapshot, sub/unsub) return futures
 * completed by their reply or failed after the request timeout. Thread-safe.
 */
public final class BitMaxStream implements AutoCloseable {
    /** How a private session authenticates. */
    public enum AuthMethod {
        /** No authentication (public endpoint). */
        NONE,
        /** {@code x-auth-*} headers on the upgrade request. */
        HEADERS,
        /** An {@code op:auth} message right after the connection opens. */
        MESSAGE
    }

    /** Where the stream is in its life. */
    public enum State { NEW, CONNECTING, CONNECTED, RECONNECTING, CLOSED }

    private static final Logger log = LoggerFactory.getLogger(BitMaxStream.class);
    private static final String STREAM_PATH = "api/pro/v2/stream";
    private static final Object STOP = new Object();

    private final BitMaxClientConfig config;
    private final String url;
    private final boolean privateEndpoint;
    private final AuthMethod authMethod;
    private final StreamListener listener;
    private final RequestSigner signer;
    private final StreamMessageDecoder decoder;
    private final ObjectMapper mapper = BitMaxJson.mapper();
    private final OkHttpClient http;
    private final ScheduledExecutorService scheduler;
    private final Thread dispatcher;
    private final BlockingQueue<Object> events;
    private final Set<StreamChannel> subscriptions = new LinkedHashSet<>();
    private final Map<StreamChannel, CompletableFuture<Void>> queuedSubscriptions = new ConcurrentHashMap<>();
    private final Map<String, Pending<?>> pending = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> firstSession = new CompletableFuture<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong bufferFull = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong unknown = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final String idPrefix = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36), 36);

    private final Object lock = new Object();
    private volatile boolean stopped;
    private State state = State.NEW;
    private Session current;
    private int failedAttempts;
    private boolean everConnected;
    private int attempts;
    private String lastFailure = "no answer yet";
    private ScheduledFuture<?> reconnectTask;
    private ScheduledFuture<?> pingTask;

    private BitMaxStream(Builder b) {
        this.config = b.config;
        this.privateEndpoint = b.accountGroup != null;
        this.authMethod = b.authMethod != null ? b.authMethod : (privateEndpoint ? AuthMethod.HEADERS : AuthMethod.NONE);
        if (authMethod != AuthMethod.NONE && !privateEndpoint) {
            throw new IllegalArgumentException("authentication needs the private endpoint (set an account group)");
        }
        if (authMethod != AuthMethod.NONE && config.credentials().isEmpty()) {
            throw new IllegalArgumentException("authMethod " + authMethod + " needs credentials in the config");
        }
        if (config.wsUrl() == null) {
            throw new IllegalArgumentException("wsUrl must be set for a stream");
        }
        this.url = config.wsUrl() + (privateEndpoint ? "/" + b.accountGroup : "") + "/" + STREAM_PATH;
        this.listener = Objects.requireNonNull(b.listener, "listener");
        this.signer = authMethod == AuthMethod.NONE ? null
            : new RequestSigner(config.credentials().get(), config.wsKeyEncoding());
        this.decoder = new StreamMessageDecoder(mapper);
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
        this.events = new ArrayBlockingQueue<>(config.listenerBufferSize());
        this.dispatcher = new Thread(this::dispatchLoop, "bitmax-stream-dispatch");
        this.dispatcher.setDaemon(true);
    }

    /** A builder; choose {@link Builder#publicEndpoint()} or {@link Builder#privateEndpoint(int)}. */
    public static Builder builder(BitMaxClientConfig config) {
        return new Builder(config);
    }

    /**
     * Opens the first session. The future completes once it is up (and authenticated). It fails on a rejected
     * auth or an untrusted certificate (the stream then closes), and with a {@link BitMaxTransportException} when
     * no session came up within {@code wsConnectDeadline}; the stream then keeps trying until {@link #close()}d.
     */
    public CompletableFuture<Void> connect() {
        synchronized (lock) {
            if (state != State.NEW) {
                return firstSession;
            }
            state = State.CONNECTING;
            dispatcher.start();
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

    public State state() {
        synchronized (lock) {
            return state;
        }
    }

    public boolean isConnected() {
        return state() == State.CONNECTED;
    }

    /** The endpoint URL this stream connects to. */
    public String url() {
        return url;
    }

    public StreamStats stats() {
        return new StreamStats(received.get(), dropped.get(), bufferFull.get(), reconnects.get(), unknown.get(),
            rejected.get());
    }

    /** The channels that are (re-)subscribed on every session. */
    public Set<StreamChannel> subscriptions() {
        synchronized (lock) {
            return Set.copyOf(subscriptions);
        }
    }

    // ------------------------------------------------------------------ subscriptions

    /**
     * Subscribes now (or on the next session) and on every later session. The future completes on the
     * server's {@code sub} ack; servers that send none let it time out, which does not undo the subscription.
     */
    public CompletableFuture<Void> subscribe(StreamChannel channel) {
        Objects.requireNonNull(channel, "channel");
        if (channel.isPrivate() && authMethod == AuthMethod.NONE) {
            throw new IllegalStateException("channel " + channel + " needs an authenticated private stream");
        }
        Session session;
        synchronized (lock) {
            if (state == State.CLOSED) {
                return CompletableFuture.failedFuture(new IllegalStateException("stream is closed"));
            }
            subscriptions.add(channel);
            session = readySession();
            if (session == null) {
                return queuedSubscriptions.computeIfAbsent(channel, c -> new CompletableFuture<>());
            }
        }
        return sendSubscription(session, "sub", channel);
    }

    /** Unsubscribes and stops re-subscribing; completes on the {@code unsub} ack. */
    public CompletableFuture<Void> unsubscribe(StreamChannel channel) {
        Objects.requireNonNull(channel, "channel");
        Session session;
        synchronized (lock) {
            subscriptions.remove(channel);
            CompletableFuture<Void> queued = queuedSubscriptions.remove(channel);
            if (queued != null) {
                queued.cancel(false);
            }
            session = readySession();
            if (session == null) {
                return CompletableFuture.completedFuture(null);
            }
        }
        return sendSubscription(session, "unsub", channel);
    }

    private CompletableFuture<Void> sendSubscription(Session session, String op, StreamChannel channel) {
        String id = nextId();
        CompletableFuture<Void> ack = send(session, id, op + " " + channel, StreamRequests.subscription(op, id, channel),
            SubscriptionAck.class).thenApply(a -> null);
        if (op.equals("sub")) {
            ack.whenComplete((ok, error) -> {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                if (cause instanceof BitMaxTransportException && !session.lost) {
                    // No ack on a live session: the channel may not be subscribed, and the session would look
                    // healthy while it stays silent. A new session subscribes again.
                    session.webSocket.cancel();
                    sessionLost(session, "subscription to " + channel + " not acknowledged: " + cause.getMessage());
                }
            });
        }
        return ack;
    }

    // ------------------------------------------------------------------ requests

    /** {@code futures-account-snapshot}: balances and positions, with the account's current {@code sn}. */
    public CompletableFuture<AccountSnapshot> accountSnapshot() {
        requireAuthenticated("futures-account-snapshot");
        String id = nextId();
        return send(id, "futures-account-snapshot", StreamRequests.accountSnapshot(id), AccountSnapshot.class);
    }

    /**
     * {@code place-order}; the ack says the order passed the basic checks (code 0) or why not (the future
     * fails with a {@link BitMaxApiException}). {@code time} is stamped when the request has none.
     */
    public CompletableFuture<OrderAck> placeOrder(NewOrderRequest order) {
        NewOrderRequest stamped = order.time() != null ? order : order.withTime(config.clock().millis());
        requireAuthenticated("place-order");
        String id = nextId();
        return send(id, "place-order", StreamRequests.placeOrder(id, stamped), OrderAck.class);
    }

    /** {@code cancel-order}. */
    public CompletableFuture<OrderAck> cancelOrder(CancelOrderRequest cancel) {
        CancelOrderRequest stamped = cancel.time() != null ? cancel : cancel.withTime(config.clock().millis());
        requireAuthenticated("cancel-order");
        String id = nextId();
        return send(id, "cancel-order", StreamRequests.cancelOrder(id, stamped), OrderAck.class);
    }

    /** {@code cancel-all} for every symbol. */
    public CompletableFuture<OrderAck> cancelAll() {
        return cancelAllOrders(null);
    }

    /** {@code cancel-all} for one symbol. */
    public CompletableFuture<OrderAck> cancelAll(String symbol) {
        return cancelAllOrders(Objects.requireNonNull(symbol, "symbol"));
    }

    private CompletableFuture<OrderAck> cancelAllOrders(String symbol) {
        requireAuthenticated("cancel-all");
        String id = nextId();
        return send(id, "cancel-all", StreamRequests.cancelAll(id, symbol), OrderAck.class);
    }

    /**
     * {@code depth-snapshot} (docs/exchange-api.md: not in the reference, answered by the exchange): the whole book;
     * its reply carries no id, so it is matched by symbol.
     */
    public CompletableFuture<DepthSnapshot> depthSnapshot(String symbol) {
        Objects.requireNonNull(symbol, "symbol");
        return send("depth-snapshot:" + symbol, "depth-snapshot " + symbol, StreamRequests.depthSnapshot(symbol),
            DepthSnapshot.class);
    }

    private void requireAuthenticated(String action) {
        if (authMethod == AuthMethod.NONE) {
            throw new IllegalStateException(action + " needs an authenticated private stream");
        }
    }

    private String nextId() {
        return idPrefix + ids.incrementAndGet();
    }

    private <T extends StreamMessage> CompletableFuture<T> send(String key, String what, ObjectNode msg, Class<T> reply) {
        Session session;
        synchronized (lock) {
            session = readySession();
        }
        if (session == null) {
            return CompletableFuture.failedFuture(
                new BitMaxTransportException(what + ": the stream is not connected", false, null));
        }
        return send(session, key, what, msg, reply);
    }

    private <T extends StreamMessage> CompletableFuture<T> send(Session session, String key, String what, ObjectNode msg,
                                                               Class<T> reply) {
        Pending<T> p = new Pending<>(what, reply);
        Pending<?> previous = pending.putIfAbsent(key, p);
        if (previous != null) {
            if (reply == DepthSnapshot.class) {
                // a snapshot of this symbol is already on its way: share it
                @SuppressWarnings("unchecked")
                CompletableFuture<T> shared = (CompletableFuture<T>) previous.future;
                return shared;
            }
            return CompletableFuture.failedFuture(new IllegalStateException("duplicate request id " + key));
        }
        if (!session.webSocket.send(msg.toString())) {
            pending.remove(key, p);
            p.future.completeExceptionally(new BitMaxTransportException(what + ": the connection is closing", false, null));
            return p.future;
        }
        Duration timeout = config.wsRequestTimeout();
        ScheduledFuture<?> timer = scheduler.schedule(() -> {
            if (pending.remove(key, p)) {
                p.future.completeExceptionally(new BitMaxTransportException(
                    what + ": no reply within " + timeout.toMillis() + " ms", true, null));
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        p.future.whenComplete((r, e) -> timer.cancel(false));
        return p.future;
    }

    // ------------------------------------------------------------------ sessions

    private Session readySession() {
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
        Session session = new Session();
        current = session;
        attempts++;
        session.webSocket = http.newWebSocket(rb.build(), session);
    }

    private void sessionOpened(Session session) {
        if (authMethod == AuthMethod.MESSAGE) {
            long ts = config.clock().millis();
            String id = nextId();
            ObjectNode msg = StreamRequests.auth(id, ts, signer.apiKey(), signer.sign(ts, config.wsSignedPath()));
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

    private void authFailed(Session session, Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
            ? error.getCause() : error;
        log.warn("BitMax stream {} authentication failed: {}", url, cause.getMessage());
        boolean fatal;
        synchronized (lock) {
            fatal = !everConnected && cause instanceof BitMaxApiException;
        }
        if (fatal) {
            // bad credentials on the first try: tell the caller instead of retrying for ever
            closeWith(cause);
        } else {
            emit(new Lifecycle(Lifecycle.Kind.ERROR, null, cause));
            session.webSocket.cancel();
            sessionLost(session, "authentication failed: " + cause.getMessage());
        }
    }

    private void sessionReady(Session session) {
        boolean first;
        Set<StreamChannel> toSubscribe;
        synchronized (lock) {
            if (session != current || state == State.CLOSED) {
                return;
            }
            session.ready = true;
            state = State.CONNECTED;
            if (events.remainingCapacity() > 0) {
                failedAttempts = 0; // a listener still behind keeps the backoff growing (RECONNECT overflow policy)
            }
            first = !everConnected;
            everConnected = true;
            toSubscribe = new LinkedHashSet<>(subscriptions);
            if (pingTask == null) {
                long every = config.pingInterval().toMillis();
                pingTask = scheduler.scheduleAtFixedRate(this::pingTick, every, every, TimeUnit.MILLISECONDS);
            }
        }
        log.info("BitMax stream {} {}", url, first ? "connected" : "reconnected");
        emit(new Lifecycle(first ? Lifecycle.Kind.CONNECTED : Lifecycle.Kind.RECONNECTED, null, null));
        for (StreamChannel channel : toSubscribe) {
            CompletableFuture<Void> ack = sendSubscription(session, "sub", channel);
            CompletableFuture<Void> queued = queuedSubscriptions.remove(channel);
            ack.whenComplete((r, e) -> {
                if (queued != null) {
                    if (e != null) {
                        queued.completeExceptionally(e);
                    } else {
                        queued.complete(null);
                    }
                }
            });
        }
        if (first) {
            firstSession.complete(null);
        }
    }

    private void pingTick() {
        Session session;
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
            sessionLost(session, "no message for " + TimeUnit.NANOSECONDS.toMillis(silentNanos) + " ms");
            return;
        }
        session.webSocket.send(StreamRequests.PING);
    }

    private void sessionLost(Session session, String reason) {
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
            delayMillis = backoffMillis(failedAttempts++);
            reconnectTask = scheduler.schedule(this::reconnect, delayMillis, TimeUnit.MILLISECONDS);
        }
        failPending(reason);
        log.warn("BitMax stream {} lost ({}), reconnecting in {} ms", url, reason, delayMillis);
        emit(new Lifecycle(Lifecycle.Kind.DISCONNECTED, reason, null));
    }

    /** Exponential backoff with jitter: a random delay between half and all of min * 2^attempt, capped at max. */
    long backoffMillis(int attempt) {
        long min = config.reconnectBackoffMin().toMillis();
        long max = config.reconnectBackoffMax().toMillis();
        long base = attempt >= 30 ? max : Math.min(max, min << attempt);
        long half = Math.max(1, base / 2);
        return half + ThreadLocalRandom.current().nextLong(base - half + 1);
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

    private void failPending(String reason) {
        for (Map.Entry<String, Pending<?>> e : pending.entrySet()) {
            if (pending.remove(e.getKey(), e.getValue())) {
                e.getValue().future.completeExceptionally(new BitMaxTransportException(
                    e.getValue().what + ": connection lost before the reply (" + reason + ")", true, null));
            }
        }
    }

    private void onFrame(Session session, String text) {
        session.lastReceived = System.nanoTime();
        int max = config.maxFrameBytes();
        if (text.length() > max / 3) { // 3 UTF-8 bytes per char at most: only long frames need counting
            long bytes = utf8Length(text);
            if (bytes > max) {
                rejected.incrementAndGet();
                log.warn("BitMax stream {} rejected a text frame of {} bytes (maxFrameBytes {}), resetting the connection",
                    url, bytes, max);
                session.webSocket.cancel();
                sessionLost(session, "frame of " + bytes + " bytes over maxFrameBytes " + max);
                return;
            }
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
        correlate(message);
        if (message instanceof Disconnected d) {
            log.warn("BitMax stream {} server says disconnected: {} {}", url, d.reason(), d.info());
        }
        if (message instanceof AuthResult) {
            return; // an internal exchange; the listener hears onConnected / onError
        }
        deliver(session, message);
    }

    private void onBinaryFrame(Session session, int size) {
        session.lastReceived = System.nanoTime();
        rejected.incrementAndGet();
        if (size > config.maxFrameBytes()) {
            log.warn("BitMax stream {} rejected a binary frame of {} bytes (maxFrameBytes {}), resetting the connection",
                url, size, config.maxFrameBytes());
            session.webSocket.cancel();
            sessionLost(session, "binary frame of " + size + " bytes over maxFrameBytes " + config.maxFrameBytes());
        } else {
            log.warn("BitMax stream {} ignored a binary frame of {} bytes (the exchange sends text)", url, size);
        }
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private void correlate(StreamMessage message) {
        String key = null;
        Throwable failure = null;
        if (message instanceof OrderAck ack) {
            key = ack.id();
            if (!ack.isSuccess()) {
                failure = new BitMaxApiException(ack.code() == null ? 0 : ack.code(),
                    ack.info() == null ? null : ack.info().reason(), ack.info() == null ? null : ack.info().errorMsg(), 0);
            }
        } else if (message instanceof AccountSnapshot s) {
            key = s.id();
        } else if (message instanceof DepthSnapshot s) {
            key = "depth-snapshot:" + s.symbol();
        } else if (message instanceof SubscriptionAck ack) {
            key = ack.id();
            if (ack.code() != null && ack.code() != 0) {
                failure = new BitMaxApiException(ack.code(), ack.reason(), ack.info() != null ? ack.info() : ack.error(), 0);
            }
        } else if (message instanceof AuthResult auth) {
            key = auth.id();
            if (auth.code() == null || auth.code() != 0) {
                failure = new BitMaxApiException(auth.code() == null ? 0 : auth.code(), null, auth.error(), 0);
            }
        } else if (message instanceof ErrorMessage err) {
            key = err.id();
            failure = new BitMaxApiException(err.code() == null ? 0 : err.code(), err.reason(),
                err.info() != null ? err.info() : err.error(), 0);
        }
        if (key == null) {
            return;
        }
        Pending<?> p = pending.remove(key);
        if (p == null) {
            return;
        }
        if (failure != null) {
            p.future.completeExceptionally(failure);
        } else {
            p.complete(message);
        }
    }

    private void deliver(Session session, StreamMessage message) {
        if (events.offer(message)) {
            return;
        }
        bufferFull.incrementAndGet();
        switch (config.overflowPolicy()) {
            case BLOCK:
                try {
                    events.put(message);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    dropped.incrementAndGet();
                }
                break;
            case DROP_NEWEST:
                dropped.incrementAndGet();
                break;
            case RECONNECT:
                dropped.incrementAndGet();
                log.warn("BitMax stream {} listener buffer full ({}), reconnecting", url, config.listenerBufferSize());
                session.webSocket.cancel();
                sessionLost(session, "listener buffer full");
                break;
            default:
                throw new IllegalStateException("unknown overflow policy " + config.overflowPolicy());
        }
    }

    /** Lifecycle events are never dropped: they wait for room. */
    private void emit(Lifecycle event) {
        try {
            events.put(event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void dispatchLoop() {
        while (true) {
            Object event;
            try {
                event = events.take();
            } catch (InterruptedException e) {
                return;
            }
            if (event == STOP || (stopped && events.isEmpty())) {
                return;
            }
            try {
                if (event instanceof StreamMessage m) {
                    listener.onMessage(m);
                } else if (event instanceof Lifecycle l) {
                    switch (l.kind) {
                        case CONNECTED -> listener.onConnected();
                        case RECONNECTED -> listener.onReconnected();
                        case DISCONNECTED -> listener.onDisconnected(l.reason);
                        case ERROR -> listener.onError(l.error);
                        default -> throw new IllegalStateException();
                    }
                }
            } catch (RuntimeException e) {
                log.error("BitMax stream listener failed on {}: {}", event.getClass().getSimpleName(), e.toString(), e);
            }
        }
    }

    /**
     * Closes the session and stops reconnecting; pending requests fail. Messages already buffered are still
     * delivered (for up to 5 s) unless close is called from the listener itself.
     */
    @Override
    public void close() {
        closeWith(new IllegalStateException("stream closed"));
    }

    /** Closes; {@code reason} fails {@link #connect()}'s future if the first session never came up. */
    private void closeWith(Throwable reason) {
        Session session;
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
        failPending("stream closed");
        firstSession.completeExceptionally(reason);
        scheduler.shutdownNow();
        stopped = true;
        if (dispatcher.isAlive()) {
            events.offer(STOP);
            if (Thread.currentThread() != dispatcher) {
                try {
                    dispatcher.join(TimeUnit.SECONDS.toMillis(5));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                dispatcher.interrupt();
            }
        }
        events.clear(); // a reader blocked on a full buffer (BLOCK policy) must not wait for ever
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return "BitMaxStream{" + url + ", auth=" + authMethod + ", state=" + state() + "}";
    }

    private final class Session extends WebSocketListener {
        volatile WebSocket webSocket;
        volatile boolean ready;
        volatile boolean lost;
        volatile long lastReceived = System.nanoTime();

        @Override
        public void onOpen(WebSocket ws, Response response) {
            lastReceived = System.nanoTime();
            sessionOpened(this);
        }

        @Override
        public void onMessage(WebSocket ws, String text) {
            onFrame(this, text);
        }

        @Override
        public void onMessage(WebSocket ws, ByteString bytes) {
            onBinaryFrame(this, bytes.size());
        }

        @Override
        public void onClosing(WebSocket ws, int code, String reason) {
            ws.close(1000, null);
            sessionLost(this, "server closed the connection (" + code + (reason.isEmpty() ? "" : " " + reason) + ")");
        }

        @Override
        public void onClosed(WebSocket ws, int code, String reason) {
            sessionLost(this, "closed (" + code + ")");
        }

        @Override
        public void onFailure(WebSocket ws, Throwable t, Response response) {
            int status = response == null ? 0 : response.code();
            if (status >= 400 && status < 500 && status != 408 && status != 429) {
                // a verdict on the request (bad signature, unknown group): retrying the same request cannot help
                BitMaxApiException rejected = new BitMaxApiException(0, status == 401 || status == 403
                    ? "AUTHENTICATION_FAILED" : "UPGRADE_REFUSED", "the server refused the WebSocket upgrade", status);
                boolean fatal;
                synchronized (lock) {
                    fatal = !everConnected;
                }
                if (fatal) {
                    closeWith(rejected);
                    return;
                }
                emit(new Lifecycle(Lifecycle.Kind.ERROR, null, rejected));
            }
            if (t instanceof SSLHandshakeException || t instanceof SSLPeerUnverifiedException) {
                BitMaxTransportException tls = new BitMaxTransportException("TLS handshake with " + url + " failed: "
                    + t.getMessage() + " (the server's certificate is not trusted or does not name this host;"
                    + " certificates are always verified, to trust a private CA set"
                    + " BitMaxClientConfig.Builder.tls(sslSocketFactory, trustManager))", false, t);
                boolean fatal;
                synchronized (lock) {
                    fatal = !everConnected;
                }
                if (fatal) {
                    log.warn("BitMax stream {}", tls.getMessage());
                    closeWith(tls); // a configuration problem: retrying the first connect cannot help
                    return;
                }
                emit(new Lifecycle(Lifecycle.Kind.ERROR, null, tls));
            }
            String why = response != null ? "HTTP " + response.code() : t.getClass().getSimpleName()
                + (t.getMessage() == null ? "" : ": " + t.getMessage());
            sessionLost(this, why);
        }
    }

    private static final class Pending<T extends StreamMessage> {
        final String what;
        final Class<T> type;
        final CompletableFuture<T> future = new CompletableFuture<>();

        Pending(String what, Class<T> type) {
            this.what = what;
            this.type = type;
        }

        void complete(StreamMessage message) {
            if (type.isInstance(message)) {
                future.complete(type.cast(message));
            } else {
                future.completeExceptionally(new IllegalStateException(what + ": unexpected reply " + message.type()));
            }
        }
    }

    private record Lifecycle(Kind kind, String reason, Throwable error) {
        enum Kind { CONNECTED, RECONNECTED, DISCONNECTED, ERROR }
    }

    /** Builder of {@link BitMaxStream}. */
    public static final class Builder {
        private final BitMaxClientConfig config;
        private Integer accountGroup;
        private AuthMethod authMethod;
        private StreamListener listener;

        private Builder(BitMaxClientConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /** The public endpoint {@code /api/pro/v2/stream}, no authentication (the default). */
        public Builder publicEndpoint() {
            this.accountGroup = null;
            this.authMethod = AuthMethod.NONE;
            return this;
        }

        /** The private endpoint {@code /<grp>/api/pro/v2/stream}, authenticated by headers unless {@link #authMethod} says otherwise. */
        public Builder privateEndpoint(int accountGroup) {
            if (accountGroup < 0) {
                throw new IllegalArgumentException("accountGroup must be >= 0, was " + accountGroup);
            }
            this.accountGroup = accountGroup;
            if (authMethod == AuthMethod.NONE) {
                authMethod = null;
            }
            return this;
        }

        /** The private endpoint with the account group set in the config. */
        public Builder privateEndpoint() {
            return privateEndpoint(config.accountGroup().orElseThrow(() ->
                new IllegalArgumentException("the config has no accountGroup; use privateEndpoint(int)")));
        }

        public Builder authMethod(AuthMethod authMethod) {
            this.authMethod = Objects.requireNonNull(authMethod, "authMethod");
            return this;
        }

        public Builder listener(StreamListener listener) {
            this.listener = listener;
            return this;
        }

        public BitMaxStream build() {
            return new BitMaxStream(this);
        }
    }
}
