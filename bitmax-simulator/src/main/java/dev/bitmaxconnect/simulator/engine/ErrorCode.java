package dev.bitmaxconnect.simulator.engine;

/** BitMax error codes the simulator answers with (docs/exchange-api.md). */
public enum ErrorCode {
    INVALID_HTTP_INPUT(100001),
    DATA_NOT_AVAILABLE(100002),
    INVALID_REQUEST_DATA(100004),
    INVALID_WS_REQUEST_DATA(100005),
    INVALID_ARGUMENT(100006),
    SYMBOL_ERROR(100008),
    AUTHORIZATION_NEEDED(100009),
    INVALID_OPERATION(100010),
    INVALID_TIMESTAMP(100011),
    INVALID_NUM_FORMAT(100013),
    UNKNOWN_ERROR(100101),
    INVALID_JSON_FORMAT(150001),
    AUTHENTICATION_FAILED(200001),
    ACCOUNT_NOT_FOUND(200003),
    USER_ACCOUNT_NOT_FOUND(200006),
    PERMISSION_DENIED(200015),
    INVALID_PRICE(300001),
    INVALID_QTY(300002),
    INVALID_SIDE(300003),
    INVALID_NOTIONAL(300004),
    INVALID_TYPE(300005),
    INVALID_ORDER_ID(300006),
    INVALID_TIME_IN_FORCE(300007),
    INVALID_ORDER_PARAMETER(300008),
    INVALID_BALANCE(300011),
    INVALID_PRODUCT(300012),
    INVALID_BATCH_ORDER(300013),
    TICK_SIZE_VIOLATION(300014),
    TRADING_DISABLED(300021),
    NO_MARKET_PRICE(300031),
    INVALID_MARGIN_BALANCE(310001),
    SERVER_ERROR(510001);

    private final int code;

    ErrorCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The reason name answered with the code (the WebSocket auth failure shares REST's name). */
    public String reason() {
        return this == USER_ACCOUNT_NOT_FOUND ? "AUTHENTICATION_FAILED" : name();
    }

    /** The reason name for a numeric code, or "ERROR" for a code the simulator does not know. */
    public static String reasonOf(int code) {
        for (ErrorCode value : values()) {
            if (value.code == code) {
                return value.reason();
            }
        }
        return "ERROR";
    }
}
