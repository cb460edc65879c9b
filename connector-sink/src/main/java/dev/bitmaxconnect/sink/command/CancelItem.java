package dev.bitmaxconnect.sink.command;

/**
 * One order to cancel, named by its exchange {@code orderId} or by the client id it was placed with
 * ({@code origId}); the sink resolves an {@code origId} to the orderId when it sends the cancel.
 *
 * @param id the client id of the cancel request itself, or null
 */
public record CancelItem(String id, String orderId, String origId, String symbol) {
}
