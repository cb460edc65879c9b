package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** How much of a collateral asset may be transferred out. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransferableCollateral(
    String asset,
    BigDecimal availableForTransfer) {
}
