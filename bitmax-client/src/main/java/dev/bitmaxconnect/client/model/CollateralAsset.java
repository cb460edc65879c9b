package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** A futures collateral asset (GET futures/collateral). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CollateralAsset(
    String asset,
    String assetName,
    BigDecimal conversionFactor,
    BigDecimal discountFactor,
    String displayName,
    String statusCode) {
}
