package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/** Price limits of a contract. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PriceFilter(
    BigDecimal minPrice,
    BigDecimal maxPrice,
    BigDecimal tickSize) {
}
