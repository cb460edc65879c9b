package dev.bitmaxconnect.sink.result;

import java.util.List;

/**
 * The result record of one command, written to the results topic keyed by {@code commandId}.
 *
 * @param commandId the command's client id: its own id when usable, else the derived one
 * @param givenId the {@code id} written in the command, or null
 * @param requestTime the {@code time} of the (last) request sent, or null when nothing was sent
 * @param latencyMs from receiving the command to knowing its outcome
 */
public record CommandResult(
        String commandId,
        String givenId,
        String action,
        ResultStatus status,
        String orderId,
        Integer code,
        String reason,
        String message,
        Long requestTime,
        long latencyMs,
        int attempts,
        List<ItemOutcome> orders,
        String topic,
        int partition,
        long offset,
        String connector,
        long timestamp) {

    public CommandResult {
        orders = orders == null ? List.of() : List.copyOf(orders);
    }
}
