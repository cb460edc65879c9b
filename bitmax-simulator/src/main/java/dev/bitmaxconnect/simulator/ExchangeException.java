package dev.bitmaxconnect.simulator;

/** A request the exchange refuses, with the BitMax code and a message naming the field and value. */
final class ExchangeException extends Exception {

    final ErrorCode error;

    ExchangeException(ErrorCode error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    int code() {
        return error.code;
    }

    String reason() {
        return error == ErrorCode.USER_ACCOUNT_NOT_FOUND ? "AUTHENTICATION_FAILED" : error.name();
    }
}
