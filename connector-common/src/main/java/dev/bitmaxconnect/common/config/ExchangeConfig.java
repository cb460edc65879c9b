package dev.bitmaxconnect.common.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.types.Password;

import dev.bitmaxconnect.client.BitMaxClientConfig;
import dev.bitmaxconnect.client.KeyEncoding;
import dev.bitmaxconnect.common.retry.Backoff;

/**
 * The exchange settings both connectors share: where the exchange is, the key that signs, how it signs, and the
 * timeouts. A connector's {@code ConfigDef} starts with {@link #define}, its config class extends this one, and
 * {@link #clientConfig()} turns the settings into the exchange client's.
 */
public class ExchangeConfig extends AbstractConfig {

    public static final String GROUP = "Exchange";

    public static final String REST_URL = "bitmax.rest.url";
    private static final String REST_URL_DOC = "Base URL of the exchange's REST API, without path, e.g. "
            + "https://api-test.bitmax-sandbox.io (or the simulator's http://127.0.0.1:<port>). There is no default: "
            + "a connector names its exchange itself.";

    public static final String WS_URL = "bitmax.ws.url";
    private static final String WS_URL_DOC = "Base URL of the exchange's WebSocket API, without path, e.g. "
            + "wss://api-test.bitmax-sandbox.io. The connector appends /api/pro/v2/stream (public) or "
            + "/<account group>/api/pro/v2/stream (private).";

    public static final String API_KEY = "bitmax.api.key";
    private static final String API_KEY_DOC = "API key of the exchange account.";

    public static final String API_SECRET = "bitmax.api.secret";
    private static final String API_SECRET_DOC = "Secret of the API key, which signs requests; never logged. Use a "
            + "Connect config provider to keep it out of the connector configuration.";

    public static final String WS_SIGNED_PATH = "bitmax.ws.signed.path";
    private static final String WS_SIGNED_PATH_DOC = "The path signed in the WebSocket authentication "
            + "(<timestamp>+<path>). The reference first said 'stream', its correction of 2021-03-03 'v2/stream'.";

    public static final String REST_KEY_ENCODING = "bitmax.rest.key.encoding";
    private static final String REST_KEY_ENCODING_DOC = "How the secret keys the HMAC of REST requests: 'raw' uses "
            + "its UTF-8 bytes as given (the reference's test vectors), 'base64' decodes it first.";

    public static final String WS_KEY_ENCODING = "bitmax.ws.key.encoding";
    private static final String WS_KEY_ENCODING_DOC = "How the secret keys the HMAC of the WebSocket authentication: "
            + "'raw' (UTF-8 bytes as given) or 'base64' (decoded first).";

    public static final String CONNECT_TIMEOUT_MS = "bitmax.connect.timeout.ms";
    private static final String CONNECT_TIMEOUT_MS_DOC = "Timeout for opening a REST or WebSocket connection.";

    public static final String REQUEST_TIMEOUT_MS = "bitmax.request.timeout.ms";
    private static final String REQUEST_TIMEOUT_MS_DOC = "Timeout for a REST request, and for the answer to a "
            + "WebSocket request (authentication, subscription, snapshot, order). An order request not answered in "
            + "time is an ambiguous outcome, resolved by looking the order up.";

    public static final String RECONNECT_BACKOFF_MS = "bitmax.reconnect.backoff.ms";
    private static final String RECONNECT_BACKOFF_MS_DOC = "Wait before the first reconnect after a WebSocket "
            + "connection is lost; doubled after each failed attempt.";

    public static final String RECONNECT_BACKOFF_MAX_MS = "bitmax.reconnect.backoff.max.ms";
    private static final String RECONNECT_BACKOFF_MAX_MS_DOC = "Upper bound of the reconnect wait.";

    /** The keys {@link #define} adds, in their order in {@link #GROUP}. */
    public static final List<String> KEYS = List.of(REST_URL, WS_URL, API_KEY, API_SECRET, WS_SIGNED_PATH,
            REST_KEY_ENCODING, WS_KEY_ENCODING, CONNECT_TIMEOUT_MS, REQUEST_TIMEOUT_MS, RECONNECT_BACKOFF_MS,
            RECONNECT_BACKOFF_MAX_MS);

    // Longest timeout: a task that waits longer on one request looks hung, and a sink task waiting near the
    // consumer's max.poll.interval.ms (5 minutes) is dropped from its group.
    private static final int MAX_TIMEOUT_MS = 120_000;

    private static final List<String> SIGNED_PATHS = List.of("v2/stream", "stream");
    private static final List<String> KEY_ENCODINGS = List.of("raw", "base64");

    /**
     * Whether a connector needs a setting, and what its reference adds to the key's description to say when.
     * A condition on other keys (a transport, a channel) is the connector's own check.
     */
    public static final class Need {
        private final boolean required;
        private final String doc;

        private Need(boolean required, String doc) {
            this.required = required;
            this.doc = doc;
        }

        public static Need required() {
            return new Need(true, "");
        }

        public static Need required(String doc) {
            return new Need(true, doc);
        }

        public static Need optional(String doc) {
            return new Need(false, doc);
        }

        boolean isRequired() {
            return required;
        }

        String describe(String doc) {
            return this.doc.isEmpty() ? doc : doc + " " + this.doc;
        }
    }

    protected ExchangeConfig(ConfigDef definition, Map<?, ?> originals, boolean doLog) {
        super(definition, originals, doLog);
    }

    /**
     * Adds the exchange settings to a connector's {@code def}, first in {@link #GROUP}. The WebSocket URL and the
     * credentials are the settings the connectors need differently.
     */
    public static ConfigDef define(ConfigDef def, Need wsUrl, Need credentials) {
        int order = 0;
        def.define(REST_URL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, UrlValidator.of("http", "https"),
                Importance.HIGH, REST_URL_DOC, GROUP, ++order, Width.LONG, "REST URL");
        UrlValidator wsUrlValidator = UrlValidator.of("ws", "wss");
        def.define(WS_URL, Type.STRING, wsUrl.isRequired() ? ConfigDef.NO_DEFAULT_VALUE : "",
                wsUrl.isRequired() ? wsUrlValidator : wsUrlValidator.orEmpty(), Importance.HIGH,
                wsUrl.describe(WS_URL_DOC), GROUP, ++order, Width.LONG, "WebSocket URL");
        def.define(API_KEY, Type.STRING, credentials.isRequired() ? ConfigDef.NO_DEFAULT_VALUE : null,
                credentials.isRequired() ? new ConfigDef.NonEmptyString() : null, Importance.HIGH,
                credentials.describe(API_KEY_DOC), GROUP, ++order, Width.MEDIUM, "API key");
        def.define(API_SECRET, Type.PASSWORD, credentials.isRequired() ? ConfigDef.NO_DEFAULT_VALUE : null,
                Importance.HIGH, API_SECRET_DOC, GROUP, ++order, Width.MEDIUM, "API secret");
        def.define(WS_SIGNED_PATH, Type.STRING, BitMaxClientConfig.DEFAULT_WS_SIGNED_PATH, oneOf(SIGNED_PATHS),
                Importance.LOW, WS_SIGNED_PATH_DOC, GROUP, ++order, Width.SHORT, "WebSocket signed path",
                new ChoiceRecommender(SIGNED_PATHS));
        def.define(REST_KEY_ENCODING, Type.STRING, "raw", oneOf(KEY_ENCODINGS),
                Importance.LOW, REST_KEY_ENCODING_DOC, GROUP, ++order, Width.SHORT, "REST key encoding",
                new ChoiceRecommender(KEY_ENCODINGS));
        def.define(WS_KEY_ENCODING, Type.STRING, "raw", oneOf(KEY_ENCODINGS),
                Importance.LOW, WS_KEY_ENCODING_DOC, GROUP, ++order, Width.SHORT, "WebSocket key encoding",
                new ChoiceRecommender(KEY_ENCODINGS));
        def.define(CONNECT_TIMEOUT_MS, Type.INT, 10_000, Range.between(100, MAX_TIMEOUT_MS), Importance.LOW,
                CONNECT_TIMEOUT_MS_DOC, GROUP, ++order, Width.SHORT, "Connect timeout (ms)");
        def.define(REQUEST_TIMEOUT_MS, Type.INT, 10_000, Range.between(100, MAX_TIMEOUT_MS), Importance.LOW,
                REQUEST_TIMEOUT_MS_DOC, GROUP, ++order, Width.SHORT, "Request timeout (ms)");
        def.define(RECONNECT_BACKOFF_MS, Type.INT, 500, Range.between(10, 60_000), Importance.LOW,
                RECONNECT_BACKOFF_MS_DOC, GROUP, ++order, Width.SHORT, "Reconnect backoff (ms)");
        def.define(RECONNECT_BACKOFF_MAX_MS, Type.INT, 30_000, Range.between(10, 600_000), Importance.LOW,
                RECONNECT_BACKOFF_MAX_MS_DOC, GROUP, ++order, Width.SHORT, "Reconnect backoff max (ms)");
        return def;
    }

    private static ValidString oneOf(List<String> values) {
        return ValidString.in(values.toArray(new String[0]));
    }

    /**
     * The exchange client's settings from these; a connector adds its own (rate, buffers) before {@code build()}.
     * The client signs only when both the key and the secret are given.
     */
    public BitMaxClientConfig.Builder clientConfig() {
        Duration requestTimeout = Duration.ofMillis(requestTimeoutMs());
        Backoff reconnect = reconnectBackoff();
        BitMaxClientConfig.Builder builder = BitMaxClientConfig.builder()
                .restUrl(restUrl())
                .wsUrl(wsUrl())
                .wsSignedPath(wsSignedPath())
                .restKeyEncoding(restKeyEncoding())
                .wsKeyEncoding(wsKeyEncoding())
                .connectTimeout(Duration.ofMillis(connectTimeoutMs()))
                .readTimeout(requestTimeout)
                .callTimeout(requestTimeout)
                .wsRequestTimeout(requestTimeout)
                .reconnectBackoff(Duration.ofMillis(reconnect.initialMs()), Duration.ofMillis(reconnect.maxMs()));
        if (hasCredentials()) {
            builder.credentials(apiKey(), apiSecret().value());
        }
        return builder;
    }

    /** The REST base URL, trimmed, without a trailing slash. */
    public String restUrl() {
        return baseUrl(getString(REST_URL));
    }

    /** The WebSocket base URL, trimmed, without a trailing slash; empty where the connector does not need it. */
    public String wsUrl() {
        return baseUrl(getString(WS_URL));
    }

    private static String baseUrl(String url) {
        String trimmed = url.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    public String apiKey() {
        return getString(API_KEY);
    }

    public Password apiSecret() {
        return getPassword(API_SECRET);
    }

    /** Whether both the API key and its secret are given (not blank). */
    public boolean hasCredentials() {
        return apiKey() != null && !apiKey().isBlank() && apiSecret() != null && !apiSecret().value().isBlank();
    }

    public String wsSignedPath() {
        return getString(WS_SIGNED_PATH);
    }

    public KeyEncoding restKeyEncoding() {
        return KeyEncoding.parse(getString(REST_KEY_ENCODING));
    }

    public KeyEncoding wsKeyEncoding() {
        return KeyEncoding.parse(getString(WS_KEY_ENCODING));
    }

    public int connectTimeoutMs() {
        return getInt(CONNECT_TIMEOUT_MS);
    }

    public int requestTimeoutMs() {
        return getInt(REQUEST_TIMEOUT_MS);
    }

    public int reconnectBackoffMs() {
        return getInt(RECONNECT_BACKOFF_MS);
    }

    public int reconnectBackoffMaxMs() {
        return getInt(RECONNECT_BACKOFF_MAX_MS);
    }

    /**
     * The wait before reconnecting, and before retrying what the exchange failed while the connection is
     * being won back. A maximum below the first wait means: never wait longer than the first time.
     */
    public Backoff reconnectBackoff() {
        return new Backoff(reconnectBackoffMs(), Math.max(reconnectBackoffMs(), reconnectBackoffMaxMs()));
    }
}
