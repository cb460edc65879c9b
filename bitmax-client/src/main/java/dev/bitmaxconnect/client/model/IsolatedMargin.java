package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/** Free margin of one isolated position. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IsolatedMargin(
    BigDecimal freeMargin,
    String symbol) {
}
