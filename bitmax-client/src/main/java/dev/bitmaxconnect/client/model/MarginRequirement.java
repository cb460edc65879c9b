package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** One tier of a contract's margin requirements. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MarginRequirement(
    BigDecimal positionNotionalLowerbound,
    BigDecimal positionNotionalUpperbound,
    BigDecimal initialMarginRate,
    BigDecimal maintenanceMarginRate) {
}
