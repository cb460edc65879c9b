package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

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
