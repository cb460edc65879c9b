package dev.bitmaxconnect.simulator.engine;

/** A request the exchange refuses, with the BitMax code and a message naming the field and value. */
public final class ExchangeException extends Exception {

    private final ErrorCode error;

    public ExchangeException(ErrorCode error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    public ErrorCode error() {
        return error;
    }

    public int code() {
        return error.code();
    }

    public String reason() {
        return error.reason();
    }
}
