package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Pricing of all contracts and collaterals (GET futures/pricing-data). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FuturesPricing(
    List<ContractPricing> contracts,
    List<CollateralPrice> collaterals) {
}
