package dev.bitmaxconnect.client.stream;

import dev.bitmaxconnect.client.BitMaxApiException;
import dev.bitmaxconnect.client.BitMaxClientConfig;
import dev.bitmaxconnect.client.BitMaxTransportException;
import dev.bitmaxconnect.client.model.CancelOrderRequest;
import dev.bitmaxconnect.client.model.NewOrderRequest;
import dev.bitmaxconnect.client.stream.StreamMessage.AccountSnapshot;
import dev.bitmaxconnect.client.stream.StreamMessage.DepthSnapshot;
import dev.bitmaxconnect.client.stream.StreamMessage.OrderAck;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One BitMax WebSocket session kept alive: connects to the public or the private endpoint, authenticates
 * (request headers or an {@code op:auth} message), answers server pings and sends its own every ping
 * interval, reconnects with exponential backoff and jitter, then re-authenticates and re-subscribes.
 * Decoded messages reach the {@link StreamListener} through a bounded buffer on one dispatch thread.
 * Requests (account snapshot, place/cancel order, cancel all, depth snapshot, sub/unsub) return futures
 * completed by their reply or failed after the request timeout. Thread-safe.
 *
 * <p>This class is the API: it checks and builds requests; the session itself is a {@link StreamConnection}.
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

    private static final String STREAM_PATH = "api/pro/v2/stream";

    private final BitMaxClientConfig config;
    private final String url;
    private final AuthMethod authMethod;
    private final StreamConnection connection;

    private BitMaxStream(Builder b) {
        this.config = b.config;
        boolean privateEndpoint = b.accountGroup != null;
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
        this.connection = new StreamConnection(config, url, authMethod, b.listener, b.frameText,
                b.onReaderThread);
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
        return connection.connect();
    }

    public State state() {
        return connection.state();
    }

    public boolean isConnected() {
        return state() == State.CONNECTED;
    }

    /** The endpoint URL this stream connects to. */
    public String url() {
        return url;
    }

    public StreamStats stats() {
        return connection.stats();
    }

    /** The channels that are (re-)subscribed on every session. */
    public Set<StreamChannel> subscriptions() {
        return Set.copyOf(connection.subscriptions());
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
        return connection.subscribe(channel);
    }

    /** Unsubscribes and stops re-subscribing; completes on the {@code unsub} ack. */
    public CompletableFuture<Void> unsubscribe(StreamChannel channel) {
        return connection.unsubscribe(Objects.requireNonNull(channel, "channel"));
    }

    // ------------------------------------------------------------------ requests

    /** {@code futures-account-snapshot}: balances and positions, with the account's current {@code sn}. */
    public CompletableFuture<AccountSnapshot> accountSnapshot() {
        requireAuthenticated("futures-account-snapshot");
        String id = connection.nextId();
        return connection.request(id, "futures-account-snapshot", StreamRequests.accountSnapshot(id), AccountSnapshot.class);
    }

    /**
     * {@code place-order}; the ack says the order passed the basic checks (code 0) or why not (the future
     * fails with a {@link BitMaxApiException}). {@code time} is stamped when the request has none.
     */
    public CompletableFuture<OrderAck> placeOrder(NewOrderRequest order) {
        NewOrderRequest stamped = order.time() != null ? order : order.withTime(config.clock().millis());
        requireAuthenticated("place-order");
        String id = connection.nextId();
        return connection.request(id, "place-order", StreamRequests.placeOrder(id, stamped), OrderAck.class);
    }

    /** {@code cancel-order}. */
    public CompletableFuture<OrderAck> cancelOrder(CancelOrderRequest cancel) {
        CancelOrderRequest stamped = cancel.time() != null ? cancel : cancel.withTime(config.clock().millis());
        requireAuthenticated("cancel-order");
        String id = connection.nextId();
        return connection.request(id, "cancel-order", StreamRequests.cancelOrder(id, stamped), OrderAck.class);
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
        String id = connection.nextId();
        return connection.request(id, "cancel-all", StreamRequests.cancelAll(id, symbol), OrderAck.class);
    }

    /**
     * {@code depth-snapshot} (docs/exchange-api.md: not in the reference, answered by the exchange): the whole book;
     * its reply carries no id, so it is matched by symbol.
     */
    public CompletableFuture<DepthSnapshot> depthSnapshot(String symbol) {
        Objects.requireNonNull(symbol, "symbol");
        return connection.request(PendingReplies.depthSnapshotKey(symbol), "depth-snapshot " + symbol, StreamRequests.depthSnapshot(symbol),
            DepthSnapshot.class);
    }

    private void requireAuthenticated(String action) {
        if (authMethod == AuthMethod.NONE) {
            throw new IllegalStateException(action + " needs an authenticated private stream");
        }
    }

    /**
     * Closes the session and stops reconnecting; pending requests fail. Messages already buffered are still
     * delivered (for up to 5 s) unless close is called from the listener itself.
     */
    @Override
    public void close() {
        connection.close();
    }

    @Override
    public String toString() {
        return "BitMaxStream{" + url + ", auth=" + authMethod + ", state=" + state() + "}";
    }

    /** Builder of {@link BitMaxStream}. */
    public static final class Builder {
        private final BitMaxClientConfig config;
        private Integer accountGroup;
        private AuthMethod authMethod;
        private StreamListener listener;
        private boolean frameText;
        private boolean onReaderThread;

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

        /**
         * Whether the listener receives each message with the text of its frame, verbatim, through
         * {@link StreamListener#onMessage(StreamMessage, String)}; off by default, when the text is not kept.
         */
        public Builder frameText(boolean frameText) {
            this.frameText = frameText;
            return this;
        }

        /**
         * Whether the listener is called on the socket's reader thread, for a listener that only queues what it gets
         * (thread-safe, and blocking only to push back on the socket): no hand-over between threads per message.
         * Off by default: the listener is called on a thread of the stream's own, through a buffer of
         * {@code listenerBufferSize} under the {@code overflowPolicy}, which do not apply when this is on.
         */
        public Builder listenerOnReaderThread(boolean onReaderThread) {
            this.onReaderThread = onReaderThread;
            return this;
        }

        public BitMaxStream build() {
            return new BitMaxStream(this);
        }
    }
}
