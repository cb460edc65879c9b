package dev.bitmaxconnect.client;

/** Base of every failure the client reports; says whether trying the same request again may succeed. */
public abstract class BitMaxException extends RuntimeException {
    protected BitMaxException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when the same request may succeed later (transport failure, HTTP 5xx or 429, codes 100101 and 510001). */
    public abstract boolean isRetriable();
}
