package dev.bitmaxconnect.client.rest;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitmaxconnect.client.BitMaxApiException;
import dev.bitmaxconnect.client.BitMaxClientConfig;
import dev.bitmaxconnect.client.BitMaxTransportException;
import dev.bitmaxconnect.client.auth.RequestSigner;
import dev.bitmaxconnect.client.json.BitMaxJson;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.IntSupplier;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a REST call travels: the URL (with the account group when the call needs it), signing, the rate
 * limiter, one retry policy (HTTP 429, a GET whose connection failed) and the reading of the exchange's
 * answer into data or a {@link BitMaxApiException} (the common success in one pass by {@link SuccessReader}, anything
 * else through a tree); no answer becomes a {@link BitMaxTransportException} that says whether the request may have
 * reached the exchange.
 */
final class RestTransport {
    private static final Logger log = LoggerFactory.getLogger(BitMaxRestClient.class); // one logger for the REST client
    /** With the charset OkHttp added when bodies were strings: the header stays what it was. */
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);
    private static final String API = "api/pro/";

    private final BitMaxClientConfig config;
    private final HttpUrl baseUrl;
    private final OkHttpClient http;
    private final RequestSigner signer;
    private final RequestRateLimiter rateLimiter;
    private final ObjectMapper mapper = BitMaxJson.mapper();
    private final SuccessReader successReader = new SuccessReader(mapper);
    private final IntSupplier accountGroup;

    RestTransport(BitMaxClientConfig config, IntSupplier accountGroup) {
        this.config = Objects.requireNonNull(config, "config");
        if (config.restUrl() == null) {
            throw new IllegalArgumentException("restUrl must be set for the REST client");
        }
        HttpUrl parsed = HttpUrl.parse(config.restUrl() + "/");
        if (parsed == null) {
            throw new IllegalArgumentException("restUrl is not an http(s) URL: '" + config.restUrl() + "'");
        }
        this.baseUrl = parsed;
        this.accountGroup = accountGroup;
        this.signer = config.credentials().map(c -> new RequestSigner(c, config.restKeyEncoding())).orElse(null);
        this.rateLimiter = new RequestRateLimiter(config.requestsPerSecond());
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
            .connectTimeout(config.connectTimeout())
            .readTimeout(config.readTimeout())
            .writeTimeout(config.writeTimeout())
            .callTimeout(config.callTimeout())
            // never let OkHttp resend an order on its own: a resend is the caller's decision
            .retryOnConnectionFailure(false)
            .eventListenerFactory(call -> new SendTracker());
        if (config.sslSocketFactory().isPresent()) {
            builder.sslSocketFactory(config.sslSocketFactory().get(), config.trustManager().get());
        }
        this.http = builder.build();
    }

    /** Certificate failures say how to fix them: verification stays on, a private CA is trusted through the config. */
    private static String tlsHint(IOException e) {
        if (e instanceof SSLHandshakeException || e instanceof SSLPeerUnverifiedException) {
            return " (TLS: the server's certificate is not trusted or does not name this host; certificates are always"
                + " verified, to trust a private CA set BitMaxClientConfig.Builder.tls(sslSocketFactory, trustManager))";
        }
        return "";
    }

    void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private Request build(ApiCall c, SendProgress progress) {
        HttpUrl.Builder url = baseUrl.newBuilder();
        if (c.withGroup()) {
            url.addPathSegment(Integer.toString(accountGroup.getAsInt()));
        }
        url.addPathSegments(API + c.apiPath());
        if (c.query() != null) {
            for (String[] p : c.query()) {
                url.addQueryParameter(p[0], p[1]);
            }
        }
        RequestBody body = null;
        if (c.body() != null) {
            body = RequestBody.create(c.body(), JSON);
        }
        Request.Builder rb = new Request.Builder().url(url.build()).method(c.method(), body)
            .header("Accept", "application/json")
            .tag(SendProgress.class, progress);
        boolean signed = c.withGroup() || c.apiPath().equals("v2/account/info");
        if (signed) {
            if (signer == null) {
                throw new IllegalStateException("credentials are required for " + c.method() + " " + c.apiPath());
            }
            long ts = config.clock().millis();
            rb.header(RequestSigner.HEADER_KEY, signer.apiKey())
                .header(RequestSigner.HEADER_TIMESTAMP, Long.toString(ts))
                .header(RequestSigner.HEADER_SIGNATURE, signer.sign(ts, c.apiPath()));
        }
        return rb.build();
    }

    /**
     * Sends a call and reads its {@code data} as {@code dataType} (nothing when null): paced by the rate limiter,
     * retried after HTTP 429, a GET sent once more after a connection failure, nothing else resent.
     */
    <T> T execute(ApiCall c, JavaType dataType) {
        int attempt = 0;
        boolean resent = false;
        while (true) {
            acquirePermit(c);
            SendProgress progress = new SendProgress();
            Request request = build(c, progress);
            String body;
            int status;
            Duration retryAfter;
            try (Response response = http.newCall(request).execute()) {
                status = response.code();
                ResponseBody rb = response.body();
                body = rb == null ? "" : rb.string();
                retryAfter = status == 429 ? retryAfter(response.header("Retry-After")) : null;
            } catch (IOException e) {
                boolean sent = progress.sent;
                String what = c.method() + " " + c.apiPath();
                if (!resent && mayResend(c, e)) {
                    resent = true;
                    log.info("BitMax {} failed ({}); sending it once more", what, e.toString());
                    continue;
                }
                log.warn("BitMax {} failed: {}", what, e.toString());
                throw new BitMaxTransportException(what + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()) + tlsHint(e), sent, e);
            }
            if (status == 429) {
                rateLimiter.pauseFor(retryAfter.toNanos());
                if (attempt++ < config.maxRetriesOn429()) {
                    log.info("BitMax {} {} answered 429, retrying after {} ms", c.method(), c.apiPath(), retryAfter.toMillis());
                    continue;
                }
            }
            return parse(c, status, body, dataType, retryAfter);
        }
    }

    /**
     * A GET changes nothing at the exchange, so one that failed on the connection (typically a pooled keep-alive
     * connection the server had closed: "unexpected end of stream") is sent once more. Timeouts are not (the
     * exchange is slow, a second wait would only double it), certificate failures neither, and orders never.
     */
    private static boolean mayResend(ApiCall c, IOException e) {
        return c.method().equals("GET") && !(e instanceof InterruptedIOException) && !(e instanceof SSLException);
    }

    private void acquirePermit(ApiCall c) {
        try {
            rateLimiter.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BitMaxTransportException(c.method() + " " + c.apiPath() + " interrupted while rate limited",
                false, new InterruptedIOException());
        }
    }

    private static Duration retryAfter(String header) {
        if (header != null) {
            try {
                long seconds = Long.parseLong(header.trim());
                return seconds <= 0 ? DEFAULT_RETRY_AFTER
                    : Duration.ofSeconds(Math.min(seconds, MAX_RETRY_AFTER.toSeconds()));
            } catch (NumberFormatException ignored) {
                // an HTTP date: fall back to the default wait
            }
        }
        return DEFAULT_RETRY_AFTER;
    }

    private <T> T parse(ApiCall c, int status, String body, JavaType dataType, Duration retryAfter) {
        if (status >= 200 && status < 300 && dataType != null) {
            T data = successReader.read(body, dataType);
            if (data != null) {
                return data;
            }
        }
        JsonNode root = null;
        try {
            if (!body.isEmpty()) {
                root = mapper.readTree(body);
            }
        } catch (IOException e) {
            root = null;
        }
        boolean httpOk = status >= 200 && status < 300;
        int code = root != null && root.path("code").isNumber() ? root.path("code").asInt() : (httpOk ? -1 : 0);
        if (!httpOk || code != 0) {
            String reason = root == null ? null : text(root, "reason");
            String message = root == null ? null : text(root, "message");
            if (message == null && root != null) {
                message = text(root, "err");
            }
            if (root == null && !httpOk) {
                message = snippet(body);
            } else if (root == null || code == -1) {
                message = "response is not BitMax JSON: " + snippet(body);
                code = 0;
            }
            BitMaxApiException e = new BitMaxApiException(code, reason, message, status, retryAfter);
            log.info("BitMax {} {} rejected: {}", c.method(), c.apiPath(), e.getMessage());
            throw e;
        }
        if (dataType == null) {
            return null;
        }
        JsonNode data = root.get("data");
        if (data == null || data.isNull()) {
            if (dataType.isCollectionLikeType()) {
                data = mapper.createArrayNode();
            } else {
                throw new BitMaxApiException(0, "NO_DATA", "response has no data: " + snippet(body), status);
            }
        }
        // query order by id answers an object for one id and a list otherwise; accept either shape either way
        if (dataType.isCollectionLikeType() && data.isObject()) {
            data = mapper.createArrayNode().add(data);
        } else if (!dataType.isCollectionLikeType() && data.isArray() && data.size() == 1) {
            data = data.get(0);
        }
        try {
            return mapper.convertValue(data, dataType);
        } catch (IllegalArgumentException e) {
            throw new BitMaxApiException(0, "UNREADABLE_DATA", "cannot read " + dataType.getTypeName() + " from "
                + snippet(data.toString()) + ": " + e.getMessage(), status);
        }
    }

    private static String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static String snippet(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    /** Whether a call started writing its request: after that, a failure leaves the outcome unknown. */
    private static final class SendProgress {
        volatile boolean sent;
    }

    private static final class SendTracker extends EventListener {
        @Override
        public void requestHeadersStart(Call call) {
            SendProgress p = call.request().tag(SendProgress.class);
            if (p != null) {
                p.sent = true;
            }
        }
    }
}
