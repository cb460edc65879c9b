package dev.bitmaxconnect.client;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The exchange answered with a non-zero {@code code} or an HTTP error status: its verdict on the request.
 * Carries the code, reason and message as the exchange gave them and the HTTP status (0 for WebSocket replies).
 */
public class BitMaxApiException extends BitMaxException {
    /** Codes that say the exchange failed, not the request (docs/exchange-api.md). */
    public static final Set<Integer> RETRIABLE_CODES = Set.of(100101, 510001);

    private final int code;
    private final String reason;
    private final String apiMessage;
    private final int httpStatus;
    private final Duration retryAfter;

    public BitMaxApiException(int code, String reason, String apiMessage, int httpStatus, Duration retryAfter) {
        super(describe(code, reason, apiMessage, httpStatus), null);
        this.code = code;
        this.reason = reason;
        this.apiMessage = apiMessage;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
    }

    public BitMaxApiException(int code, String reason, String apiMessage, int httpStatus) {
        this(code, reason, apiMessage, httpStatus, null);
    }

    private static String describe(int code, String reason, String apiMessage, int httpStatus) {
        StringBuilder sb = new StringBuilder("BitMax error code ").append(code);
        if (reason != null && !reason.isEmpty()) {
            sb.append(' ').append(reason);
        }
        if (apiMessage != null && !apiMessage.isEmpty()) {
            sb.append(": ").append(apiMessage.length() > 300 ? apiMessage.substring(0, 300) + "..." : apiMessage);
        }
        if (httpStatus != 0) {
            sb.append(" (HTTP ").append(httpStatus).append(')');
        }
        return sb.toString();
    }

    /** The exchange's error code (0 when only the HTTP status failed). */
    public int code() {
        return code;
    }

    /** The exchange's reason, such as {@code INVALID_PRICE}; may be null. */
    public String reason() {
        return reason;
    }

    /** The exchange's human-readable message; may be null. */
    public String apiMessage() {
        return apiMessage;
    }

    /** The HTTP status, or 0 for a WebSocket reply. */
    public int httpStatus() {
        return httpStatus;
    }

    /** How long the exchange asked to wait (HTTP 429 Retry-After), if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean isRetriable() {
        return httpStatus >= 500 || httpStatus == 429 || RETRIABLE_CODES.contains(code);
    }
}
