package dev.bitmaxconnect.client;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;

/** Immutable settings shared by {@code BitMaxRestClient} and {@code BitMaxStream}; build with {@link #builder()}. */
public final class BitMaxClientConfig {
    /** What a stream does when its listener buffer is full. */
    public enum OverflowPolicy {
        /** Wait for room: back-pressure on the socket reader (the default; nothing is lost). */
        BLOCK,
        /** Drop the new message and count it. */
        DROP_NEWEST,
        /** Close the connection and reconnect (listeners then reconcile, as after any reconnect). */
        RECONNECT
    }

    public static final String DEFAULT_WS_SIGNED_PATH = "v2/stream";
    /** Default {@link #maxFrameBytes()}: 1 MiB, far above any frame the exchange sends (a full book is a few KB). */
    public static final int DEFAULT_MAX_FRAME_BYTES = 1 << 20;

    private final String restUrl;
    private final String wsUrl;
    private final BitMaxCredentials credentials;
    private final String wsSignedPath;
    private final KeyEncoding restKeyEncoding;
    private final KeyEncoding wsKeyEncoding;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration writeTimeout;
    private final Duration callTimeout;
    private final double requestsPerSecond;
    private final int maxRetriesOn429;
    private final Duration pingInterval;
    private final Duration reconnectBackoffMin;
    private final Duration reconnectBackoffMax;
    private final Duration wsRequestTimeout;
    private final Duration wsConnectDeadline;
    private final int maxFrameBytes;
    private final int listenerBufferSize;
    private final OverflowPolicy overflowPolicy;
    private final Integer accountGroup;
    private final Clock clock;
    private final SSLSocketFactory sslSocketFactory;
    private final X509TrustManager trustManager;

    private BitMaxClientConfig(Builder b) {
        this.restUrl = trimSlash(b.restUrl);
        this.wsUrl = trimSlash(b.wsUrl);
        this.credentials = b.credentials;
        this.wsSignedPath = requireText(b.wsSignedPath, "wsSignedPath");
        this.restKeyEncoding = Objects.requireNonNull(b.restKeyEncoding, "restKeyEncoding");
        this.wsKeyEncoding = Objects.requireNonNull(b.wsKeyEncoding, "wsKeyEncoding");
        this.connectTimeout = positive(b.connectTimeout, "connectTimeout");
        this.readTimeout = positive(b.readTimeout, "readTimeout");
        this.writeTimeout = positive(b.writeTimeout, "writeTimeout");
        this.callTimeout = positive(b.callTimeout, "callTimeout");
        if (!(b.requestsPerSecond > 0)) {
            throw new IllegalArgumentException("requestsPerSecond must be > 0, was " + b.requestsPerSecond);
        }
        this.requestsPerSecond = b.requestsPerSecond;
        if (b.maxRetriesOn429 < 0) {
            throw new IllegalArgumentException("maxRetriesOn429 must be >= 0, was " + b.maxRetriesOn429);
        }
        this.maxRetriesOn429 = b.maxRetriesOn429;
        this.pingInterval = positive(b.pingInterval, "pingInterval");
        this.reconnectBackoffMin = positive(b.reconnectBackoffMin, "reconnectBackoffMin");
        this.reconnectBackoffMax = positive(b.reconnectBackoffMax, "reconnectBackoffMax");
        if (reconnectBackoffMax.compareTo(reconnectBackoffMin) < 0) {
            throw new IllegalArgumentException("reconnectBackoffMax (" + reconnectBackoffMax
                + ") must not be below reconnectBackoffMin (" + reconnectBackoffMin + ")");
        }
        this.wsRequestTimeout = positive(b.wsRequestTimeout, "wsRequestTimeout");
        this.wsConnectDeadline = positive(b.wsConnectDeadline, "wsConnectDeadline");
        if (b.maxFrameBytes < 1024) {
            throw new IllegalArgumentException("maxFrameBytes must be >= 1024, was " + b.maxFrameBytes);
        }
        this.maxFrameBytes = b.maxFrameBytes;
        if (b.listenerBufferSize < 1) {
            throw new IllegalArgumentException("listenerBufferSize must be >= 1, was " + b.listenerBufferSize);
        }
        this.listenerBufferSize = b.listenerBufferSize;
        this.overflowPolicy = Objects.requireNonNull(b.overflowPolicy, "overflowPolicy");
        if (b.accountGroup != null && b.accountGroup < 0) {
            throw new IllegalArgumentException("accountGroup must be >= 0, was " + b.accountGroup);
        }
        this.accountGroup = b.accountGroup;
        this.clock = Objects.requireNonNull(b.clock, "clock");
        if ((b.sslSocketFactory == null) != (b.trustManager == null)) {
            throw new IllegalArgumentException("sslSocketFactory and trustManager must be set together");
        }
        this.sslSocketFactory = b.sslSocketFactory;
        this.trustManager = b.trustManager;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.restUrl = restUrl;
        b.wsUrl = wsUrl;
        b.credentials = credentials;
        b.wsSignedPath = wsSignedPath;
        b.restKeyEncoding = restKeyEncoding;
        b.wsKeyEncoding = wsKeyEncoding;
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.writeTimeout = writeTimeout;
        b.callTimeout = callTimeout;
        b.requestsPerSecond = requestsPerSecond;
        b.maxRetriesOn429 = maxRetriesOn429;
        b.pingInterval = pingInterval;
        b.reconnectBackoffMin = reconnectBackoffMin;
        b.reconnectBackoffMax = reconnectBackoffMax;
        b.wsRequestTimeout = wsRequestTimeout;
        b.wsConnectDeadline = wsConnectDeadline;
        b.maxFrameBytes = maxFrameBytes;
        b.listenerBufferSize = listenerBufferSize;
        b.overflowPolicy = overflowPolicy;
        b.accountGroup = accountGroup;
        b.clock = clock;
        b.sslSocketFactory = sslSocketFactory;
        b.trustManager = trustManager;
        return b;
    }

    /** REST base URL without trailing slash, e.g. {@code https://api-test.bitmax-sandbox.io}; may be null for stream-only use. */
    public String restUrl() { return restUrl; }
    /** WebSocket base URL without trailing slash, e.g. {@code wss://host:443}; {@code /api/pro/v2/stream} is appended. */
    public String wsUrl() { return wsUrl; }
    public Optional<BitMaxCredentials> credentials() { return Optional.ofNullable(credentials); }
    /** The path signed for WebSocket auth: {@code v2/stream} (default) or {@code stream}. */
    public String wsSignedPath() { return wsSignedPath; }
    public KeyEncoding restKeyEncoding() { return restKeyEncoding; }
    public KeyEncoding wsKeyEncoding() { return wsKeyEncoding; }
    public Duration connectTimeout() { return connectTimeout; }
    public Duration readTimeout() { return readTimeout; }
    public Duration writeTimeout() { return writeTimeout; }
    /** Whole-call timeout of one REST request. */
    public Duration callTimeout() { return callTimeout; }
    /** Client-side REST rate limit. */
    public double requestsPerSecond() { return requestsPerSecond; }
    /** How often a REST request answered with HTTP 429 is sent again (after Retry-After) before failing. */
    public int maxRetriesOn429() { return maxRetriesOn429; }
    /** Interval of the client's own {@code {"op":"ping"}}; the stream reconnects after three silent intervals. */
    public Duration pingInterval() { return pingInterval; }
    public Duration reconnectBackoffMin() { return reconnectBackoffMin; }
    public Duration reconnectBackoffMax() { return reconnectBackoffMax; }
    /** How long a WebSocket request (place-order, snapshot, sub, ...) waits for its reply. */
    public Duration wsRequestTimeout() { return wsRequestTimeout; }
    /**
     * How long a stream's {@code connect()} future waits for the first session before it fails with a clear
     * error; the stream itself keeps trying until closed. Sessions lost after the first one are retried without end.
     */
    public Duration wsConnectDeadline() { return wsConnectDeadline; }
    /**
     * Largest WebSocket frame a stream decodes, in UTF-8 bytes; a larger frame (or any binary frame) is counted
     * as rejected, not decoded, and a larger one resets the connection. OkHttp has no limit of its own: it reads a
     * whole message into memory before handing it over.
     */
    public int maxFrameBytes() { return maxFrameBytes; }
    /** Capacity of the buffer between the socket reader and the stream listener. */
    public int listenerBufferSize() { return listenerBufferSize; }
    public OverflowPolicy overflowPolicy() { return overflowPolicy; }
    /** The account group when set explicitly; otherwise it is discovered through account info. */
    public OptionalInt accountGroup() { return accountGroup == null ? OptionalInt.empty() : OptionalInt.of(accountGroup); }
    public Clock clock() { return clock; }
    public Optional<SSLSocketFactory> sslSocketFactory() { return Optional.ofNullable(sslSocketFactory); }
    public Optional<X509TrustManager> trustManager() { return Optional.ofNullable(trustManager); }

    @Override
    public String toString() {
        return "BitMaxClientConfig{restUrl=" + restUrl + ", wsUrl=" + wsUrl + ", credentials=" + credentials
            + ", wsSignedPath=" + wsSignedPath + ", restKeyEncoding=" + restKeyEncoding + ", wsKeyEncoding=" + wsKeyEncoding
            + ", requestsPerSecond=" + requestsPerSecond + ", pingInterval=" + pingInterval
            + ", accountGroup=" + accountGroup + "}";
    }

    private static String trimSlash(String url) {
        if (url == null) {
            return null;
        }
        String u = url.trim();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank, was '" + value + "'");
        }
        return value;
    }

    private static Duration positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + d);
        }
        return d;
    }

    /** Builder of {@link BitMaxClientConfig}; every setting has a default except the URLs. */
    public static final class Builder {
        private String restUrl;
        private String wsUrl;
        private BitMaxCredentials credentials;
        private String wsSignedPath = DEFAULT_WS_SIGNED_PATH;
        private KeyEncoding restKeyEncoding = KeyEncoding.RAW;
        private KeyEncoding wsKeyEncoding = KeyEncoding.RAW;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(10);
        private Duration writeTimeout = Duration.ofSeconds(10);
        private Duration callTimeout = Duration.ofSeconds(30);
        private double requestsPerSecond = 20;
        private int maxRetriesOn429 = 3;
        private Duration pingInterval = Duration.ofSeconds(15);
        private Duration reconnectBackoffMin = Duration.ofMillis(500);
        private Duration reconnectBackoffMax = Duration.ofSeconds(30);
        private Duration wsRequestTimeout = Duration.ofSeconds(10);
        private Duration wsConnectDeadline = Duration.ofSeconds(60);
        private int maxFrameBytes = DEFAULT_MAX_FRAME_BYTES;
        private int listenerBufferSize = 10_000;
        private OverflowPolicy overflowPolicy = OverflowPolicy.BLOCK;
        private Integer accountGroup;
        private Clock clock = Clock.systemUTC();
        private SSLSocketFactory sslSocketFactory;
        private X509TrustManager trustManager;

        private Builder() {
        }

        public Builder restUrl(String restUrl) { this.restUrl = restUrl; return this; }
        public Builder wsUrl(String wsUrl) { this.wsUrl = wsUrl; return this; }
        public Builder credentials(BitMaxCredentials credentials) { this.credentials = credentials; return this; }
        public Builder credentials(String apiKey, String secret) { this.credentials = BitMaxCredentials.of(apiKey, secret); return this; }
        public Builder wsSignedPath(String wsSignedPath) { this.wsSignedPath = wsSignedPath; return this; }
        public Builder restKeyEncoding(KeyEncoding encoding) { this.restKeyEncoding = encoding; return this; }
        public Builder wsKeyEncoding(KeyEncoding encoding) { this.wsKeyEncoding = encoding; return this; }
        public Builder connectTimeout(Duration d) { this.connectTimeout = d; return this; }
        public Builder readTimeout(Duration d) { this.readTimeout = d; return this; }
        public Builder writeTimeout(Duration d) { this.writeTimeout = d; return this; }
        public Builder callTimeout(Duration d) { this.callTimeout = d; return this; }
        public Builder requestsPerSecond(double rps) { this.requestsPerSecond = rps; return this; }
        public Builder maxRetriesOn429(int n) { this.maxRetriesOn429 = n; return this; }
        public Builder pingInterval(Duration d) { this.pingInterval = d; return this; }
        public Builder reconnectBackoff(Duration min, Duration max) {
            this.reconnectBackoffMin = min;
            this.reconnectBackoffMax = max;
            return this;
        }
        public Builder wsRequestTimeout(Duration d) { this.wsRequestTimeout = d; return this; }
        public Builder wsConnectDeadline(Duration d) { this.wsConnectDeadline = d; return this; }
        public Builder maxFrameBytes(int bytes) { this.maxFrameBytes = bytes; return this; }
        public Builder listenerBufferSize(int size) { this.listenerBufferSize = size; return this; }
        public Builder overflowPolicy(OverflowPolicy policy) { this.overflowPolicy = policy; return this; }
        public Builder accountGroup(Integer accountGroup) { this.accountGroup = accountGroup; return this; }
        public Builder clock(Clock clock) { this.clock = clock; return this; }
        /** Trust a private CA (e.g. a test exchange); both must be given. Certificates are always verified. */
        public Builder tls(SSLSocketFactory sslSocketFactory, X509TrustManager trustManager) {
            this.sslSocketFactory = sslSocketFactory;
            this.trustManager = trustManager;
            return this;
        }

        public BitMaxClientConfig build() {
            return new BitMaxClientConfig(this);
        }
    }
}
