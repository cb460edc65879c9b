package dev.bitmaxconnect.sink.result;

import dev.bitmaxconnect.client.BitMaxApiException;
import dev.bitmaxconnect.client.BitMaxException;

/**
 * The outcome of one order of a command (a command of a batch action holds several).
 *
 * @param clientId the client id sent for the order
 * @param orderId the exchange's orderId, when known
 * @param code the exchange's code, null when the exchange did not answer or was not asked
 */
public record ItemOutcome(String clientId, String orderId, ResultStatus status, Integer code, String reason,
                          String message) {

    public static ItemOutcome accepted(String clientId, String orderId) {
        return new ItemOutcome(clientId, orderId, ResultStatus.ACCEPTED, 0, null, null);
    }

    /** The exchange's verdict: its reason, else the HTTP status. */
    public static ItemOutcome refused(String clientId, String orderId, BitMaxApiException e) {
        return new ItemOutcome(clientId, orderId, ResultStatus.REJECTED, e.code(),
                e.reason() == null ? "HTTP_" + e.httpStatus() : e.reason(), e.apiMessage());
    }

    /** Failed: with the exchange's code when the last failure was an answer of the exchange. */
    public static ItemOutcome failed(String clientId, String orderId, BitMaxException last, String reason,
                                     String message) {
        Integer code = last instanceof BitMaxApiException api ? api.code() : null;
        return new ItemOutcome(clientId, orderId, ResultStatus.FAILED, code, reason, message);
    }
}
