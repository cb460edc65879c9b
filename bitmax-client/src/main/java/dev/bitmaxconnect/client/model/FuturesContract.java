package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A futures contract (GET futures/contract). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FuturesContract(
    String symbol,
    String status,
    String displayName,
    String settlementAsset,
    String underlying,
    Long tradingStartTime,
    PriceFilter priceFilter,
    LotSizeFilter lotSizeFilter,
    List<MarginRequirement> marginRequirements) {
}
