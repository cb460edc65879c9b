package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/** Quantity limits of a contract. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LotSizeFilter(
    BigDecimal minQty,
    BigDecimal maxQty,
    BigDecimal lotSize) {
}
