package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Response of a single new order or cancel: the meta block and the order (partial in ACK mode). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderResult(
    OrderMeta meta,
    OrderInfo order) {
}
