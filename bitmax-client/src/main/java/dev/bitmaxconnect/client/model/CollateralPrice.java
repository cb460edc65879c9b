package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/** Reference price of a collateral asset, quoted in USDT. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CollateralPrice(
    String asset,
    BigDecimal referencePrice) {
}
