package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** Free margin of one isolated position. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IsolatedMargin(
    BigDecimal freeMargin,
    String symbol) {
}
