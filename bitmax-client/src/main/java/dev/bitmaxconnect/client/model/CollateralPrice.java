package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** Reference price of a collateral asset, quoted in USDT. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CollateralPrice(
    String asset,
    BigDecimal referencePrice) {
}
