package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/** Pricing of one contract (REST pricing data). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContractPricing(
    Long time,
    String symbol,
    BigDecimal markPrice,
    BigDecimal indexPrice,
    BigDecimal fundingRate,
    Long nextFundingTime) {
}
