package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** Pricing of all contracts and collaterals (GET futures/pricing-data). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FuturesPricing(
    List<ContractPricing> contracts,
    List<CollateralPrice> collaterals) {
}
