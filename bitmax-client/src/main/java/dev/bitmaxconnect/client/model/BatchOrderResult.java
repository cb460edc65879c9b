package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Response of a batch place or cancel. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchOrderResult(
    OrderMeta meta,
    List<BatchOrderAck> orders) {
}
