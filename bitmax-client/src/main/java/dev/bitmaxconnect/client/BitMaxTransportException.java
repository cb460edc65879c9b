package dev.bitmaxconnect.client;

/**
 * The request got no answer: connection refused, timeout, connection dropped, or a WebSocket request
 * that timed out. {@link #mayHaveReachedExchange()} tells "certainly not sent" from "maybe applied":
 * when true, look the outcome up (for an order: by its predetermined orderId) before sending again.
 */
public class BitMaxTransportException extends BitMaxException {
    private final boolean mayHaveReachedExchange;

    public BitMaxTransportException(String message, boolean mayHaveReachedExchange, Throwable cause) {
        super(message + (mayHaveReachedExchange ? " (the request may have reached the exchange)"
            : " (the request was not sent)"), cause);
        this.mayHaveReachedExchange = mayHaveReachedExchange;
    }

    /** False only when the request certainly never left this process. */
    public boolean mayHaveReachedExchange() {
        return mayHaveReachedExchange;
    }

    /** Transport failures are always worth another try (after a look-up when ambiguous). */
    @Override
    public boolean isRetriable() {
        return true;
    }
}
