package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/** A collateral balance in the position snapshot. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PositionCollateral(
    String asset,
    BigDecimal balance,
    BigDecimal discountFactor,
    BigDecimal referencePrice) {
}
