package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/** How much of a collateral asset may be transferred out. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransferableCollateral(
    String asset,
    BigDecimal availableForTransfer) {
}
