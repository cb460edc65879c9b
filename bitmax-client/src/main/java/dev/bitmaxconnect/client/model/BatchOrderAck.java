package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** One order of a batch place or cancel acknowledgement. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchOrderAck(
    String id,
    String orderId,
    OrderType orderType,
    String symbol,
    Long timestamp) {
}
