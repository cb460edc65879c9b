package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** Quantity limits of a contract. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LotSizeFilter(
    BigDecimal minQty,
    BigDecimal maxQty,
    BigDecimal lotSize) {
}
