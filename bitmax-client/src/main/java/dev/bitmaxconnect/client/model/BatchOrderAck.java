package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One order of a batch place or cancel acknowledgement. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchOrderAck(
    String id,
    String orderId,
    OrderType orderType,
    String symbol,
    Long timestamp) {
}
