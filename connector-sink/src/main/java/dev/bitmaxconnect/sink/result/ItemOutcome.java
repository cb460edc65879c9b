package dev.bitmaxconnect.sink.result;

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
}
