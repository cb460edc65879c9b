package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/** One tier of a contract's margin requirements. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MarginRequirement(
    BigDecimal positionNotionalLowerbound,
    BigDecimal positionNotionalUpperbound,
    BigDecimal initialMarginRate,
    BigDecimal maintenanceMarginRate) {
}
